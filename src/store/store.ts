// The Redis store: one object the commands receive, split by concern underneath.
import type { Redis } from "ioredis";
import { createDirectoryStore, type Settings } from "./directory-store.ts";
import { createKeys } from "./keys.ts";
import { createHolidayStore } from "./holiday-store.ts";
import { createLease } from "./lease.ts";
import { createMessageStore } from "./message-store.ts";
import { createPendingStore } from "./pending-store.ts";
import { createMetricsStore } from "./metrics-store.ts";
import { createProjectStore } from "./project-store.ts";
import { createRecordStore } from "./record-store.ts";

export interface StoreOptions {
  org: string;
  defaults: Settings;
  /** How long a message id is remembered at least, to drop re-deliveries (MESSAGE_DEDUPE_DAYS). */
  messageDedupeDays?: number;
  /** The message store's real-time clock (ms); tests inject one. */
  clock?: () => number;
}

export function createStore(redis: Redis, options: StoreOptions) {
  const keys = createKeys(options.org);
  const messages = createMessageStore(redis, keys, {
    dedupeDays: options.messageDedupeDays ?? 7,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return {
    keys,
    /** Message idempotency: claim, answered, release, the stored record (message-store.ts). */
    messages,
    /** Readings waiting for 「是」 (pending-store.ts). */
    pending: createPendingStore(redis, keys),
    directory: createDirectoryStore(redis, keys, options.defaults),
    records: createRecordStore(redis, keys, messages),
    projects: createProjectStore(redis, keys),
    metrics: createMetricsStore(redis, keys),
    holidays: createHolidayStore(redis, keys),
    lease: (name: string, ttlMs: number) => createLease(redis, keys, name, ttlMs),
    /** Remembers any key for a while; false when it was already there (replayed requests). */
    async claimOnce(key: string, ttlSeconds: number): Promise<boolean> {
      return (await redis.set(keys.once(key), "1", "EX", ttlSeconds, "NX")) === "OK";
    },
    /**
     * Binds a key to the first value claimed for it, for ttlSeconds: null when this call made the
     * claim, else the value the first claim stored (compare it to tell a retry from a reuse).
     */
    async claimFirst(key: string, value: string, ttlSeconds: number): Promise<string | null> {
      // SET NX GET (Redis ≥ 7.0): one atomic step, so two concurrent claims cannot both win.
      const previous = (await redis.call("SET", keys.once(key), value, "EX", String(ttlSeconds), "NX", "GET")) as string | null;
      return previous;
    },
    async releaseOnce(key: string): Promise<void> {
      await redis.del(keys.once(key));
    },
    /** The record stored for a message, if any (same as messages.recordId). */
    reportRecordId: (messageKey: string): Promise<number | null> => messages.recordId(messageKey),
    async ping(): Promise<boolean> {
      return (await redis.ping()) === "PONG";
    },
  };
}

export type Store = ReturnType<typeof createStore>;
