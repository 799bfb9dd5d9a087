// 更正: one field of a record corrected in one atomic, audited step (correct.lua).
import { readFileSync } from "node:fs";
import type { Redis } from "ioredis";
import type { NewRecord, ReportRecord } from "../domain/record.ts";
import { totalsDelta, totalsFromHash, type Totals } from "../domain/totals.ts";
import { DEFAULT_ID_FENCE, withIdFence, type IdFence } from "./id-fence.ts";
import type { Keys } from "./keys.ts";
import type { MessageStore } from "./message-store.ts";
import { encodeRecord } from "./record-codec.ts";
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
import type { ReportKind } from "../domain/types.ts";

const CORRECT = readFileSync(new URL("./correct.lua", import.meta.url), "utf8");

export type CorrectResult =
  | { status: "created"; record: ReportRecord; yearTotals: Totals }
  /** This correcting message was applied before (a re-delivery): nothing written. */
  | { status: "duplicate"; existingId: number }
  /** The target project already has this once-per-project kind. */
  | { status: "repeat"; earlierId: number; earlierDate: string; earlierKind?: ReportKind }
  /** The record was revoked or corrected meanwhile. */
  | { status: "stale" };

type ScriptRedis = Redis & {
  [correct: `zsCorrect${string}`]: (
    ...args: (string | number)[]
  ) => Promise<[number, number?, string?, (string[] | string)?]>;
};

export function createCorrection(redis: Redis, keys: Keys, messages: MessageStore, fence: IdFence = DEFAULT_ID_FENCE) {
  const r = redis as ScriptRedis;
  // The fence settings are part of the script: one command per setting on a shared connection.
  const command = `zsCorrect${fence.always ? "A" : "P"}${fence.gap}` as const;
  if (!(command in redis)) redis.defineCommand(command, { numberOfKeys: 24, lua: withIdFence(CORRECT, fence) });

  /** Supersedes `old` by `next` (same reporter and unit), moving every total by the difference. */
  return async function correct(
    messageKey: string,
    old: ReportRecord,
    next: NewRecord,
    project: ProjectTarget,
    options: { by: string; at: Date; oncePerProject: boolean },
  ): Promise<CorrectResult> {
    const mode = project.mode === "none" ? "" : project.mode;
    const ref = project.mode === "id" ? project.id : project.mode === "new" ? project.name : "";
    const oldYear = Number(old.date.slice(0, 4));
    const newYear = Number(next.date.slice(0, 4));
    const oldDelta = Object.entries(totalsDelta(old)).flat();
    const [mapNext, mapCurrent, mapPrevious] = messages.maps();
    // A correction keeps the kind, so old and new entities live in the same hashes.
    const entities = entityKeysOf(keys, next.kind, next.unitId);
    const [status, id, projectOrDate, totals] = await r[command]!(
      keys.recordSeq,
      mapCurrent,
      keys.records,
      keys.revoked,
      entities.all,
      entities.ofUnit,
      keys.projectSeq,
      keys.totalsVersion,
      keys.changedUnits,
      keys.unitRecords(next.unitId),
      keys.userRecords(next.reporter),
      keys.dayTotals(old.unitId, old.date),
      keys.weekTotals(old.unitId, old.date),
      keys.monthTotals(old.unitId, old.date),
      keys.yearTotals(old.unitId, oldYear),
      keys.dayTotals(next.unitId, next.date),
      keys.weekTotals(next.unitId, next.date),
      keys.monthTotals(next.unitId, next.date),
      keys.yearTotals(next.unitId, newYear),
      eventKeyOf(keys, old),
      eventKeyOf(keys, next),
      mapNext,
      mapPrevious,
      keys.idEpoch,
      messageKey,
      String(old.id),
      encodeRecord(next),
      JSON.stringify({ by: options.by, at: options.at.toISOString() }).slice(0, -1),
      mode,
      ref,
      JSON.stringify({ n: ref, u: next.unitId, c: next.date }),
      historyTail(next),
      next.kind,
      old.projectId ?? "",
      next.unitId,
      eventScore(next),
      messages.now(),
      refusalArg(next.kind, options.oncePerProject),
      messages.mapTtlSeconds,
      USER_RECENT_CAP,
      oldDelta.length / 2,
      ...oldDelta,
      ...Object.entries(totalsDelta(next)).flat(),
    );
    if (status === 0) return { status: "duplicate", existingId: id! };
    if (status === 2)
      return {
        status: "repeat",
        earlierId: id!,
        earlierDate: projectOrDate ?? "",
        ...(typeof totals === "string" && totals ? { earlierKind: totals as ReportKind } : {}),
      };
    if (status === 4) return { status: "stale" };
    return {
      status: "created",
      record: { ...next, id: id!, projectId: projectOrDate ? projectOrDate : null, revoked: false, corrects: old.id },
      yearTotals: totalsFromHash(pairs(Array.isArray(totals) ? totals : [])),
    };
  };
}
