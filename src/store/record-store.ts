// Reports: the idempotent atomic write, undo, reads and the export scan.
import { readFileSync } from "node:fs";
import type { Redis } from "ioredis";
import type { NewRecord, ReportRecord } from "../domain/record.ts";
import type { DigestList } from "../domain/report-kinds.ts";
import { totalsDelta, totalsFromHash, type Totals } from "../domain/totals.ts";
import type { IsoDate } from "../domain/types.ts";
import type { Keys } from "./keys.ts";
import type { MessageStore } from "./message-store.ts";
import { createCorrection } from "./record-correct.ts";
import { eventKeyOf, eventScore, pairs, USER_RECENT_CAP, type ProjectTarget } from "./record-write.ts";
import type { IngestOptions, IngestResult, RecordStore } from "./types.ts";
import { decodeRecord, encodeRecord } from "./record-codec.ts";

const INGEST = readFileSync(new URL("./ingest.lua", import.meta.url), "utf8");
const REVOKE = readFileSync(new URL("./revoke.lua", import.meta.url), "utf8");

export type { ProjectTarget };

type ScriptRedis = Redis & {
  zsIngest(...args: (string | number)[]): Promise<[number, number, string?, string[]?]>;
  zsRevoke(...args: (string | number)[]): Promise<number>;
};

export function createRecordStore(redis: Redis, keys: Keys, messages: MessageStore): RecordStore {
  const r = redis as ScriptRedis;
  if (!("zsIngest" in redis)) {
    redis.defineCommand("zsIngest", { numberOfKeys: 18, lua: INGEST });
    redis.defineCommand("zsRevoke", { numberOfKeys: 9, lua: REVOKE });
  }
  const correct = createCorrection(redis, keys, messages);

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
    async ingest(messageKey: string, record: NewRecord, project: ProjectTarget, options: IngestOptions = {}): Promise<IngestResult> {
      const year = Number(record.date.slice(0, 4));
      const mode = project.mode === "none" ? "" : project.mode;
      const ref = project.mode === "id" ? project.id : project.mode === "new" ? project.name : "";
      const meta = JSON.stringify({ n: ref, u: record.unitId, c: record.date });
      const historyTail = `,${record.date},${record.amountYuan ?? ""},${record.amountUsd ?? ""}`;
      const [next, current, previous] = messages.maps();
      const [status, id, projectOrDate, totals] = await r.zsIngest(
        keys.recordSeq,
        current,
        keys.records,
        keys.dayTotals(record.unitId, record.date),
        keys.weekTotals(record.unitId, record.date),
        keys.yearTotals(record.unitId, year),
        keys.unitRecords(record.unitId),
        keys.userRecords(record.reporter),
        keys.projects,
        keys.unitProjects(record.unitId),
        keys.projectSeq,
        keys.monthTotals(record.unitId, record.date),
        keys.totalsVersion,
        keys.changedUnits,
        eventKey(record),
        next,
        previous,
        options.pending?.key ?? `${keys.prefix}pend:none`,
        messageKey,
        encodeRecord(record),
        mode,
        ref,
        meta,
        historyTail,
        record.kind,
        USER_RECENT_CAP,
        record.unitId,
        eventScore(record),
        messages.now(),
        options.oncePerProject ? "1" : "",
        messages.mapTtlSeconds,
        options.pending?.token ?? "",
        ...Object.entries(totalsDelta(record)).flat(),
      );
      if (status === 0) return { status: "duplicate", existingId: id };
      if (status === 2) return { status: "repeat", earlierId: id, earlierDate: projectOrDate ?? "" };
      if (status === 3) return { status: "gone" };
      return {
        status: "created",
        record: { ...record, id, projectId: projectOrDate ? projectOrDate : null, revoked: false },
        yearTotals: totalsFromHash(pairs(totals ?? [])),
      };
    },

    /** Marks a record revoked and reverses its totals; false when it already was. */
    async revoke(record: ReportRecord, by: string, at: Date): Promise<boolean> {
      const done = await r.zsRevoke(
        keys.revoked,
        keys.dayTotals(record.unitId, record.date),
        keys.weekTotals(record.unitId, record.date),
        keys.yearTotals(record.unitId, Number(record.date.slice(0, 4))),
        keys.projects,
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

