// Admins' changes to the holiday calendar, one hash field per date, so every replica (and the
// schedules on each tick) reads the same calendar without a restart.
import type { Redis } from "ioredis";
import {
  applyHolidayOverrides,
  createHolidayCalendar,
  type DayOverride,
  type HolidayCalendar,
  type HolidayYear,
} from "../domain/holidays.ts";
import type { IsoDate } from "../domain/types.ts";
import type { Keys } from "./keys.ts";
import type { HolidayStore } from "./types.ts";

function decode(raw: string): DayOverride | null {
  if (raw === "work") return { kind: "work" };
  if (raw === "normal") return { kind: "normal" };
  if (raw.startsWith("off:")) return { kind: "off", name: raw.slice(4) || "放假" };
  return null;
}

const encode = (o: DayOverride) => (o.kind === "off" ? `off:${o.name}` : o.kind);

export function createHolidayStore(redis: Redis, keys: Keys): HolidayStore {
  async function overrides(): Promise<Record<IsoDate, DayOverride>> {
    const out: Record<IsoDate, DayOverride> = {};
    for (const [date, raw] of Object.entries(await redis.hgetall(keys.holidays))) {
      const o = decode(raw);
      if (o) out[date] = o;
    }
    return out;
  }
  return {
    overrides,
    /** The calendar as it is now: `base` (built in or HOLIDAYS_FILE) with the admins' changes. */
    async calendar(base: Readonly<Record<number, HolidayYear>>): Promise<HolidayCalendar> {
      return createHolidayCalendar(applyHolidayOverrides(base, await overrides()));
    },
    /** Sets each date's change; null forgets an admin's change (the table's day applies again). */
    async change(changes: ReadonlyArray<[IsoDate, DayOverride | null]>): Promise<void> {
      const set = changes.flatMap(([d, o]) => (o ? [d, encode(o)] : []));
      const forget = changes.flatMap(([d, o]) => (o ? [] : [d]));
      const tx = redis.multi();
      if (set.length > 0) tx.hset(keys.holidays, ...set);
      if (forget.length > 0) tx.hdel(keys.holidays, ...forget);
      await tx.exec();
    },
  };
}
