// Message idempotency as one concept: every message the dispatcher answers is claimed first
// under its messageKey, and its state (claimed → answered, or record stored → confirmation
// delivered) lives in one of a few time-bucketed hashes that expire as a whole. A bucket spans
// the dedupe window, so a message is remembered for at least that long and at most twice
// that; lookups read the current bucket, the previous one, and the next one (a replica whose
// clock runs a little ahead may have written there).
import { readFileSync } from "node:fs";
import type { Redis } from "ioredis";
import type { Keys } from "./keys.ts";

const CLAIM = readFileSync(new URL("./message-claim.lua", import.meta.url), "utf8");
const SETTLE = readFileSync(new URL("./message-settle.lua", import.meta.url), "utf8");

/**
 * A claim or an undelivered confirmation younger than this belongs to a handler still at work
 * (a simultaneous re-delivery stays silent); an older one to a handler that died, whose work the
 * next delivery takes over. Our handling takes milliseconds; platforms retry after 5 s.
 */
export const REPLY_GRACE_MS = 3_000;

export type MessageClaim =
  /** This handler owns the message; recordId: a record is already stored, confirm it again. */
  | { owner: true; recordId: number | null; pendingReading: boolean }
  /** Answered already, or another handler is at work on it right now: stay silent. */
  | { owner: false };

type ScriptRedis = Redis & {
  zsMessageClaim(...args: (string | number)[]): Promise<[number, string, number]>;
  zsMessageSettle(...args: (string | number)[]): Promise<number>;
};

export interface MessageStoreOptions {
  /** How long a message id is remembered at least (MESSAGE_DEDUPE_DAYS). */
  dedupeDays: number;
  /**
   * The store's own clock (milliseconds), for buckets and the grace period: real time, not the
   * bot's injected "now", since Redis expires buckets in real time. Injected by tests.
   */
  clock?: () => number;
}

export function messageBuckets(keys: Keys, dedupeDays: number) {
  const windowMs = dedupeDays * 86_400_000;
  return {
    /** The maps to look in at `at`: next, current, previous bucket. */
    maps(at: number): [string, string, string] {
      const bucket = Math.floor(at / windowMs);
      return [keys.messageMap(bucket + 1), keys.messageMap(bucket), keys.messageMap(bucket - 1)];
    },
    /** A bucket must outlive its last write by the window: two windows and a day of slack. */
    ttlSeconds: Math.ceil((2 * windowMs) / 1000) + 86_400,
  };
}

export function createMessageStore(redis: Redis, keys: Keys, options: MessageStoreOptions) {
  const r = redis as ScriptRedis;
  if (!("zsMessageClaim" in redis)) {
    redis.defineCommand("zsMessageClaim", { numberOfKeys: 4, lua: CLAIM });
    redis.defineCommand("zsMessageSettle", { numberOfKeys: 3, lua: SETTLE });
  }
  const buckets = messageBuckets(keys, options.dedupeDays);
  const clock = options.clock ?? Date.now;

  return {
    /** Where the ingest script looks for and writes a message's state, and for how long. */
    maps: () => buckets.maps(clock()),
    mapTtlSeconds: buckets.ttlSeconds,
    now: clock,

    /** Claims a message for this handler (see MessageClaim), saying too whether its sender has a pending reading. */
    async claim(messageKey: string, pendingKey: string): Promise<MessageClaim> {
      const now = clock();
      const [owner, id, pending] = await r.zsMessageClaim(
        ...buckets.maps(now),
        pendingKey,
        messageKey,
        now,
        REPLY_GRACE_MS,
        buckets.ttlSeconds,
      );
      if (owner !== 1) return { owner: false };
      return { owner: true, recordId: id === "" ? null : Number(id), pendingReading: pending === 1 };
    },

    /** The reply went out: a re-delivery from now on is silent. */
    async answered(messageKey: string): Promise<void> {
      await r.zsMessageSettle(...buckets.maps(clock()), messageKey, "answered");
    },

    /** The handling failed: the platform's retry handles the message again (or confirms its stored record). */
    async release(messageKey: string): Promise<void> {
      await r.zsMessageSettle(...buckets.maps(clock()), messageKey, "release");
    },

    /** The record stored for a message, if any. */
    async recordId(messageKey: string): Promise<number | null> {
      const values = await Promise.all(buckets.maps(clock()).map((map) => redis.hget(map, messageKey)));
      return storedId(values);
    },

    /** recordId of many messages (a ledger import's rows): one HMGET per bucket and thousand keys. */
    async recordIds(messageKeys: readonly string[]): Promise<Array<number | null>> {
      const maps = buckets.maps(clock());
      const ids: Array<number | null> = [];
      for (let from = 0; from < messageKeys.length; from += RECORD_ID_BATCH) {
        const chunk = messageKeys.slice(from, from + RECORD_ID_BATCH);
        const perMap = await Promise.all(maps.map((map) => redis.hmget(map, ...chunk)));
        for (let i = 0; i < chunk.length; i++) ids.push(storedId(perMap.map((values) => values[i] ?? null)));
      }
      return ids;
    },
  };
}

/** Message keys per HMGET in recordIds. */
const RECORD_ID_BATCH = 1000;

/** The record id in a message's state ("<id>@<ms>" once stored), looking in each bucket's value. */
function storedId(values: ReadonlyArray<string | null>): number | null {
  for (const value of values) {
    const id = value === null ? null : /^\d+/.exec(value)?.[0];
    if (id) return Number(id);
  }
  return null;
}

export type MessageStore = ReturnType<typeof createMessageStore>;
