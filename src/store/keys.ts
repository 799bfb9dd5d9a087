// Every Redis key the bot uses, built in one place. All keys of a deployment share one hash
// tag ({org}) so they live in one hash slot: multi-key Lua scripts and MULTI work unchanged on
// Redis Cluster. Lua scripts receive every key they touch as KEYS (never build one inside),
// so a cluster can route them; tests/store/keys.test.ts checks both rules.
import { weekId } from "../domain/periods.ts";
import type { IsoDate } from "../domain/types.ts";

export type Keys = ReturnType<typeof createKeys>;

export function createKeys(org: string) {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(org)) throw new Error(`invalid deployment id: ${org}`);
  const p = `zs:{${org}}:`;
  const week = weekId;
  return {
    prefix: p,
    /** String counter: the last record number (#128). */
    recordSeq: `${p}seq:rec`,
    projectSeq: `${p}seq:proj`,
    unitSeq: `${p}seq:unit`,
    /**
     * The master_replid of the Redis node that last handed out record/project numbers. A node
     * with another replid (a promoted replica) first moves the counters past anything the
     * old master may have handed out and not replicated (docs/redis.md, "Record numbers").
     */
    idEpoch: `${p}seq:epoch`,
    /** Written and read back by /healthz: proves a writable master owns the deployment's slot. */
    health: `${p}health`,
    /** Stream of records; entry id "<record id>-0", fields j (JSON) and p (project id). */
    records: `${p}rec`,
    /** Hash record id → JSON {by, at} for revoked records. */
    revoked: `${p}rev`,
    /**
     * Hash "<channel>:<message id>" → the message's state (see message-store.ts), one hash per
     * time bucket of MESSAGE_DEDUPE_DAYS that expires as a whole: the idempotency map stays bounded.
     */
    messageMap: (bucket: number) => `${p}msg:${bucket}`,
    /** A reading waiting for 「是」: one per sender and conversation, expiring. */
    pendingReading: (conversation: string, sender: string) => `${p}pend:${conversation}:${sender}`,
    /** Short-lived markers of channel requests already seen (timestamp + nonce). */
    once: (key: string) => `${p}once:${key}`,
    /** Hash date → an admin's change to the holiday calendar ("off:春节", "work", "normal"). */
    holidays: `${p}holidays`,
    /** Hash project id → JSON {n, u, h}. */
    projects: `${p}proj`,
    /** Hash project name → project id, one per unit. */
    unitProjects: (unitId: string) => `${p}uproj:${unitId}`,
    /**
     * 人才项目 and 创新团队 (once per name in a unit): the same shapes as projects and unitProjects,
     * in hashes of their own so they never mix with investment projects.
     */
    talentItems: `${p}titem`,
    unitTalentItems: (unitId: string) => `${p}utitem:${unitId}`,
    /** List of the unit's record ids, newest first. */
    unitRecords: (unitId: string) => `${p}urec:${unitId}`,
    /** List of the reporter's record ids, newest first, capped. */
    userRecords: (userId: string) => `${p}user:${userId}`,
    dayTotals: (unitId: string, date: IsoDate) => `${p}t:${unitId}:d:${date}`,
    weekTotals: (unitId: string, date: IsoDate) => `${p}t:${unitId}:w:${week(date)}`,
    monthTotals: (unitId: string, date: IsoDate) => `${p}t:${unitId}:m:${date.slice(0, 7)}`,
    yearTotals: (unitId: string, year: number) => `${p}t:${unitId}:y:${year}`,
    /** Hash of a month's totals brought in from an earlier ledger (last year's figures for 同比), "YYYY-MM". */
    priorMonthTotals: (unitId: string, month: string) => `${p}t:${unitId}:pm:${month}`,
    /** Bumped by every write that changes totals, targets or ranking rules: the ranking cache key. */
    totalsVersion: `${p}ver:totals`,
    /** Zset unit id → totals version of its last change: lets a cache re-read only those units. */
    changedUnits: `${p}ver:units`,
    /**
     * A week's notable events for the digest: "signing" and "funds" scored by amount (top 50),
     * "stage" (落地/开工/投产/入库) scored by record id (latest 50).
     */
    weekEvents: (date: IsoDate, kind: "signing" | "funds" | "stage") => `${p}wk:${week(date)}:${kind}`,
    /** A lease held by one replica at a time (e.g. "wecom-ws:<bot id>"). */
    lease: (name: string) => `${p}lease:${name}`,
    /** Push outbox: due queues (zset queue → due ms), jobs (hash id → JSON), job id counter. */
    outReady: `${p}out:ready`,
    outJobs: `${p}out:jobs`,
    outSeq: `${p}out:seq`,
    /** A schedule period's push, queued once. */
    outDedupe: (key: string) => `${p}out:dedupe:${key}`,
    /** One queue's FIFO of job ids, its delivery lock, its latest send times. */
    outQueue: (queue: string) => `${p}out:q:${queue}`,
    outLock: (queue: string) => `${p}out:lock:${queue}`,
    outSent: (queue: string) => `${p}out:sent:${queue}`,
    /** Hash unit id → reminders sent in an ISO week ("2026-W47"). */
    reminders: (week: string) => `${p}remind:${week}`,
    /** Bumped when units, targets or ranking rules change: the ranking must be rebuilt whole. */
    directoryVersion: `${p}ver:dir`,
    /** Hash unit id → JSON {name, aliases, targets}. */
    units: `${p}units`,
    /** Hash name or alias → unit id. */
    unitNames: `${p}unames`,
    /** Hash user id → unit id. */
    members: `${p}members`,
    admins: `${p}admins`,
    /** Set of user ids who may query everything and report nothing (领导/观察员). */
    viewers: `${p}viewers`,
    settings: `${p}settings`,
  };
}
