// Reports: the idempotent atomic write, undo, reads and the export scan.
import { readFileSync } from "node:fs";
import type { Redis } from "ioredis";
import type { NewRecord, ReportRecord } from "../domain/record.ts";
import type { DigestList } from "../domain/report-kinds.ts";
import { totalsDelta, totalsFromHash, type Totals } from "../domain/totals.ts";
import type { IsoDate, ReportKind } from "../domain/types.ts";
import { DEFAULT_ID_FENCE, withIdFence, type IdFence } from "./id-fence.ts";
import type { Keys } from "./keys.ts";
import type { MessageStore } from "./message-store.ts";
import { createCorrection } from "./record-correct.ts";
import {
  entityKeysOf,
  eventKeyOf,
  eventScore,
  historyTail,
  pairs,
  refusalArg,
  USER_RECENT_CAP,
  type ProjectTarget,
} from "./record-write.ts";
import type { IngestOptions, IngestResult, RecordStore } from "./types.ts";
import { decodeRecord, encodeRecord } from "./record-codec.ts";

const INGEST = readFileSync(new URL("./ingest.lua", import.meta.url), "utf8");
const REVOKE = readFileSync(new URL("./revoke.lua", import.meta.url), "utf8");

export type { ProjectTarget };

type ScriptRedis = Redis & {
  [ingest: `zsIngest${string}`]: (
    ...args: (string | number)[]
  ) => Promise<[number, number, string?, (string[] | string)?]>;
  zsRevoke(...args: (string | number)[]): Promise<number>;
};

/** A week's notable events are read by that week's and the next week's digest; kept 10 weeks from the report date. */
const WEEK_EVENTS_KEEP_S = 70 * 24 * 3600;
/**
 * Day totals are read only for the days of the current week that fall in the previous year
 * (the ranking's year boundary); week, month and year totals stay. Kept 40 days.
 */
const DAY_TOTALS_KEEP_S = 40 * 24 * 3600;

export interface RecordStoreOptions {
  /** Resolves once replicas have the writes so far (store/durability.ts); throws when they do not. */
  confirm?: () => Promise<void>;
  /** How record/project numbers jump on a new master (id-fence.ts). */
  idFence?: IdFence;
}

export function createRecordStore(
  redis: Redis,
  keys: Keys,
  messages: MessageStore,
  options: RecordStoreOptions = {},
): RecordStore {
  const r = redis as ScriptRedis;
  const confirm = options.confirm ?? (async () => {});
  // The fence settings are part of the script: one command per setting on a shared connection.
  const fence = options.idFence ?? DEFAULT_ID_FENCE;
  const ingestCommand = `zsIngest${fence.always ? "A" : "P"}${fence.gap}` as const;
  if (!(ingestCommand in redis))
    redis.defineCommand(ingestCommand, { numberOfKeys: 19, lua: withIdFence(INGEST, fence) });
  if (!("zsRevoke" in redis)) redis.defineCommand("zsRevoke", { numberOfKeys: 9, lua: REVOKE });
  const correctOnce = createCorrection(redis, keys, messages, fence);
  /** A correction is confirmed to the user too: only once the required replicas have it. */
  const correct: typeof correctOnce = async (...args) => {
    const result = await correctOnce(...args);
    const [, old, next, , { at }] = args;
    // Moving totals may recreate a lapsed day hash: let the day hashes (and the event list) lapse again.
    await Promise.all([
      redis.expire(keys.dayTotals(old.unitId, old.date), ttl(old.date, at.getTime(), DAY_TOTALS_KEEP_S)),
      redis.expire(keys.dayTotals(next.unitId, next.date), ttl(next.date, at.getTime(), DAY_TOTALS_KEEP_S)),
      eventScore(next) !== "" ? redis.expire(eventKey(next), ttl(next.date, at.getTime(), WEEK_EVENTS_KEEP_S)) : null,
      confirm(),
    ]);
    return result;
  };

  const eventKey = (r: Pick<ReportRecord, "kind" | "date">) => eventKeyOf(keys, r);

  async function getRecord(id: number): Promise<ReportRecord | null> {
    const [entries, revoked] = await Promise.all([
      redis.xrange(keys.records, `${id}-0`, `${id}-0`),
      redis.hget(keys.revoked, String(id)),
    ]);
    const entry = entries[0];
    if (!entry) return null;
    const fields = pairs(entry[1]);
    return decodeRecord(id, fields.p ?? "", fields.j ?? "[]", revoked, fields.c);
  }

  return {
    getRecord,
    correct,

    /** Stores a report once per message key; a repeat writes nothing and returns the first record's id. */
    async ingest(
      messageKey: string,
      record: NewRecord,
      project: ProjectTarget,
      options: IngestOptions = {},
    ): Promise<IngestResult> {
      const year = Number(record.date.slice(0, 4));
      const mode = project.mode === "none" ? "" : project.mode;
      const ref = project.mode === "id" ? project.id : project.mode === "new" ? project.name : "";
      const meta = JSON.stringify({ n: ref, u: record.unitId, c: record.date });
      const [next, current, previous] = messages.maps();
      // A repeat's fourth element is the earlier record's kind; a creation's is the year totals.
      const entities = entityKeysOf(keys, record.kind, record.unitId);
      const [status, id, projectOrDate, totals] = await r[ingestCommand]!(
        keys.recordSeq,
        current,
        keys.records,
        keys.dayTotals(record.unitId, record.date),
        keys.weekTotals(record.unitId, record.date),
        keys.yearTotals(record.unitId, year),
        keys.unitRecords(record.unitId),
        keys.userRecords(record.reporter),
        entities.all,
        entities.ofUnit,
        keys.projectSeq,
        keys.monthTotals(record.unitId, record.date),
        keys.totalsVersion,
        keys.changedUnits,
        eventKey(record),
        next,
        previous,
        options.pending?.key ?? `${keys.prefix}pend:none`,
        keys.idEpoch,
        messageKey,
        encodeRecord(record),
        mode,
        ref,
        meta,
        historyTail(record),
        record.kind,
        USER_RECENT_CAP,
        record.unitId,
        eventScore(record),
        messages.now(),
        refusalArg(record.kind, options.oncePerProject),
        messages.mapTtlSeconds,
        options.pending?.token ?? "",
        ...Object.entries(totalsDelta(record)).flat(),
      );
      // A re-delivery waits too: its first write may not have been acknowledged.
      const at = Date.parse(record.createdAt);
      const created = status !== 0 && status !== 2 && status !== 3;
      const expireEvents =
        created && eventScore(record) !== ""
          ? redis.expire(eventKey(record), ttl(record.date, at, WEEK_EVENTS_KEEP_S))
          : null;
      const expireDay = created
        ? redis.expire(keys.dayTotals(record.unitId, record.date), ttl(record.date, at, DAY_TOTALS_KEEP_S))
        : null;
      await Promise.all([expireEvents, expireDay, confirm()]);
      if (status === 0) return { status: "duplicate", existingId: id };
      if (status === 2)
        return {
          status: "repeat",
          earlierId: id,
          earlierDate: projectOrDate ?? "",
          ...(typeof totals === "string" && totals ? { earlierKind: totals as ReportKind } : {}),
        };
      if (status === 3) return { status: "gone" };
      return {
        status: "created",
        record: { ...record, id, projectId: projectOrDate ? projectOrDate : null, revoked: false },
        yearTotals: totalsFromHash(pairs(Array.isArray(totals) ? totals : [])),
      };
    },

    /** Marks a record revoked and reverses its totals; false when it already was. */
    async revoke(record: ReportRecord, by: string, at: Date): Promise<boolean> {
      const done = await r.zsRevoke(
        keys.revoked,
        keys.dayTotals(record.unitId, record.date),
        keys.weekTotals(record.unitId, record.date),
        keys.yearTotals(record.unitId, Number(record.date.slice(0, 4))),
        entityKeysOf(keys, record.kind, record.unitId).all,
        keys.monthTotals(record.unitId, record.date),
        keys.totalsVersion,
        keys.changedUnits,
        eventKey(record),
        String(record.id),
        JSON.stringify({ by, at: at.toISOString() }),
        record.projectId ?? "",
        record.unitId,
        ...Object.entries(totalsDelta(record)).flat(),
      );
      // Reversing an old record's day totals recreates the day's hash: let it lapse again.
      await Promise.all([
        redis.expire(keys.dayTotals(record.unitId, record.date), ttl(record.date, at.getTime(), DAY_TOTALS_KEEP_S)),
        confirm(),
      ]);
      return done === 1;
    },

    /** The reporter's latest records, newest first. */
    async recentOf(userId: string, count = USER_RECENT_CAP): Promise<ReportRecord[]> {
      const ids = await redis.lrange(keys.userRecords(userId), 0, count - 1);
      const records = await Promise.all(ids.map((id) => getRecord(Number(id))));
      return records.filter((rec): rec is ReportRecord => rec !== null);
    },

    /** A unit's latest records in the order they were stored, newest first. */
    async recentOfUnit(unitId: string, count: number): Promise<ReportRecord[]> {
      const ids = await redis.lrange(keys.unitRecords(unitId), 0, count - 1);
      const records = await Promise.all(ids.map((id) => getRecord(Number(id))));
      return records.filter((rec): rec is ReportRecord => rec !== null);
    },

    async yearTotals(unitId: string, year: number): Promise<Totals> {
      return totalsFromHash(await redis.hgetall(keys.yearTotals(unitId, year)));
    },

    async weekTotals(unitId: string, date: IsoDate): Promise<Totals> {
      return totalsFromHash(await redis.hgetall(keys.weekTotals(unitId, date)));
    },

    async monthTotals(unitId: string, date: IsoDate): Promise<Totals> {
      return totalsFromHash(await redis.hgetall(keys.monthTotals(unitId, date)));
    },

    async dayTotals(unitId: string, date: IsoDate): Promise<Totals> {
      return totalsFromHash(await redis.hgetall(keys.dayTotals(unitId, date)));
    },

    /** Every record in id order, revoked ones flagged, read in pages. */
    /** A week's notable records, largest (signings, funds) or latest (stage moves) first. */
    async weekEvents(date: IsoDate, kind: DigestList, count: number): Promise<ReportRecord[]> {
      const ids = await redis.zrevrange(keys.weekEvents(date, kind), 0, count - 1);
      const records = await Promise.all(ids.map((id) => getRecord(Number(id))));
      return records.filter((rec): rec is ReportRecord => rec !== null && !rec.revoked);
    },

    /** Last year's month figures brought in with a ledger (同比); setting them again overwrites them. */
    async setPriorMonths(
      months: ReadonlyArray<{ unitId: string; month: string; figures: Partial<Totals> }>,
    ): Promise<void> {
      if (months.length === 0) return;
      const tx = redis.multi();
      for (const m of months) {
        const key = keys.priorMonthTotals(m.unitId, m.month);
        tx.del(key);
        const pairs = Object.entries(m.figures).filter(([, v]) => v !== undefined && v !== 0);
        if (pairs.length) tx.hset(key, ...pairs.flat().map(String));
      }
      await tx.exec();
    },

    async *allRecords(pageSize = 1000): AsyncGenerator<ReportRecord> {
      const revoked = new Map(Object.entries(await redis.hgetall(keys.revoked)));
      let start = "-";
      for (;;) {
        const page = await redis.xrange(keys.records, start, "+", "COUNT", pageSize);
        for (const [entryId, raw] of page) {
          const id = Number(entryId.split("-")[0]);
          const fields = pairs(raw);
          yield decodeRecord(id, fields.p ?? "", fields.j ?? "[]", revoked.get(String(id)) ?? null, fields.c);
        }
        if (page.length < pageSize) return;
        start = `(${page[page.length - 1]![0]}`;
      }
    },
  };
}

/**
 * Seconds from `nowMs` (the bot's clock, which tests pin) until `keepS` after the start of a
 * report date (China time), when nothing reads its key any more; at least a day.
 */
function ttl(date: IsoDate, nowMs: number, keepS: number): number {
  const end = Date.parse(`${date}T00:00:00+08:00`) + keepS * 1000;
  return Math.max(24 * 3600, Math.floor((end - (Number.isNaN(nowMs) ? Date.now() : nowMs)) / 1000));
}
