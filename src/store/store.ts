// The Redis store: the Store the commands receive (types.ts), split by concern underneath, plus
// what only the composition root wires: keys, leases, request replay guards, the health ping.
import type { Redis } from "ioredis";
import { createDirectoryStore } from "./directory-store.ts";
import { createHolidayStore } from "./holiday-store.ts";
import { createKeys, type Keys } from "./keys.ts";
import { createLease, type Lease } from "./lease.ts";
import { createMessageStore } from "./message-store.ts";
import { createPendingStore } from "./pending-store.ts";
import { createMetricsStore } from "./metrics-store.ts";
import { createProjectStore } from "./project-store.ts";
import { createRecordStore } from "./record-store.ts";
import type { Settings, Store } from "./types.ts";

export interface StoreOptions {
  org: string;
  defaults: Settings;
  /** How long a message id is remembered at least, to drop re-deliveries (MESSAGE_DEDUPE_DAYS). */
  messageDedupeDays?: number;
  /** The message store's real-time clock (ms); tests inject one. */
  clock?: () => number;
}

export interface RedisStore extends Store {
  keys: Keys;
  lease(name: string, ttlMs: number): Lease;
  /** Remembers any key for a while; false when it was already there (replayed requests). */
  claimOnce(key: string, ttlSeconds: number): Promise<boolean>;
  releaseOnce(key: string): Promise<void>;
  ping(): Promise<boolean>;
}

export function createStore(redis: Redis, options: StoreOptions): RedisStore {
  const keys = createKeys(options.org);
  const messages = createMessageStore(redis, keys, {
    dedupeDays: options.messageDedupeDays ?? 7,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return {
    deployment: keys.prefix,
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
