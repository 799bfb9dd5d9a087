// The Redis store: one object the commands receive, split by concern underneath.
import type { Redis } from "ioredis";
import { createDirectoryStore, type Settings } from "./directory-store.ts";
import { createKeys } from "./keys.ts";
import { createHolidayStore } from "./holiday-store.ts";
import { createLease } from "./lease.ts";
import { createMetricsStore } from "./metrics-store.ts";
import { createProjectStore } from "./project-store.ts";
import { createRecordStore } from "./record-store.ts";

export interface StoreOptions {
  org: string;
  defaults: Settings;
  /** How long a non-report message id is remembered to drop re-deliveries. */
  claimTtlSeconds?: number;
}

export function createStore(redis: Redis, options: StoreOptions) {
  const keys = createKeys(options.org);
  const claimTtl = options.claimTtlSeconds ?? 7 * 24 * 3600;
  return {
    keys,
    directory: createDirectoryStore(redis, keys, options.defaults),
    records: createRecordStore(redis, keys),
    projects: createProjectStore(redis, keys),
    metrics: createMetricsStore(redis, keys),
    holidays: createHolidayStore(redis, keys),
    /** Claims a non-report message once; false when it was already handled (a re-delivery). */
    async claimMessage(messageKey: string): Promise<boolean> {
      return (await redis.set(keys.claim(messageKey), "1", "EX", claimTtl, "NX")) === "OK";
    },
    lease: (name: string, ttlMs: number) => createLease(redis, keys, name, ttlMs),
    /** Remembers any key for a while; false when it was already there (replayed requests). */
    async claimOnce(key: string, ttlSeconds: number): Promise<boolean> {
      return (await redis.set(keys.once(key), "1", "EX", ttlSeconds, "NX")) === "OK";
    },
    async releaseOnce(key: string): Promise<void> {
      await redis.del(keys.once(key));
    },
    async releaseMessage(messageKey: string): Promise<void> {
      await redis.del(keys.claim(messageKey));
    },
    /** Whether a report message was already stored (it then gets no second reply). */
    async reportRecordId(messageKey: string): Promise<number | null> {
      const id = await redis.hget(keys.messages, messageKey);
      return id === null ? null : Number(id);
    },
    async ping(): Promise<boolean> {
      return (await redis.ping()) === "PONG";
    },
  };
}

export type Store = ReturnType<typeof createStore>;
