// The Redis store: the Store the commands receive (types.ts), split by concern underneath, plus
// what only the composition root wires: keys, leases, request replay guards, the health ping.
import type { Redis } from "ioredis";
import { createDirectoryStore } from "./directory-store.ts";
import { createConfirm, NO_WAIT, type Durability } from "./durability.ts";
import type { IdFence } from "./id-fence.ts";
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
  /** How many replicas must have a write before it is confirmed to a user (default: none). */
  durability?: Durability;
  /** How record/project numbers move past a failover (default: 1000, on a promoted replica). */
  idFence?: IdFence;
  /** Opens a second connection for /healthz (on first use), so its probe never waits behind traffic. */
  probe?: () => Redis;
}

/** Directory writes a user gets a confirmation for: they wait for replicas like reports do. */
const CONFIRMED_DIRECTORY_WRITES = [
  "addUnit",
  "renameUnit",
  "addAlias",
  "removeAlias",
  "setActive",
  "setTargets",
  "bindMember",
  "unbindMember",
  "addAdmin",
  "addViewer",
  "removeViewer",
  "removeAdmin",
  "setSelfJoin",
] as const;

export interface RedisStore extends Store {
  deployment: string;
  keys: Keys;
  /** Resolves once the required replicas have every write so far; throws ReplicationError otherwise. */
  confirm(): Promise<void>;
  lease(name: string, ttlMs: number): Lease;
  /** Remembers any key for a while; false when it was already there (replayed requests). */
  claimOnce(key: string, ttlSeconds: number): Promise<boolean>;
  /** Binds a key to the first value claimed for it: null when this call made the claim, else that value. */
  claimFirst(key: string, value: string, ttlSeconds: number): Promise<string | null>;
  releaseOnce(key: string): Promise<void>;
  /** The record stored for a message, if any (same as messages.recordId). */
  reportRecordId(messageKey: string): Promise<number | null>;
  reportRecordIds(messageKeys: readonly string[]): Promise<Array<number | null>>;
  ping(): Promise<boolean>;
  /** Writes and reads back the deployment's health key on a writable master; throws otherwise. */
  writeProbe(): Promise<void>;
  /** After writeProbe: throws ReplicationError when the required replicas did not get the probe. */
  confirmProbe(): Promise<void>;
}

export function createStore(redis: Redis, options: StoreOptions): RedisStore {
  const keys = createKeys(options.org);
  const messages = createMessageStore(redis, keys, {
    dedupeDays: options.messageDedupeDays ?? 7,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const confirm = createConfirm(redis, options.durability ?? NO_WAIT, keys.health);
  let probeConnection: { redis: Redis; confirm: () => Promise<void> } | undefined;
  const probe = () => {
    if (!probeConnection) {
      const conn = options.probe?.() ?? redis;
      probeConnection = {
        redis: conn,
        confirm: conn === redis ? confirm : createConfirm(conn, options.durability ?? NO_WAIT, keys.health),
      };
    }
    return probeConnection;
  };
  const directory = createDirectoryStore(redis, keys, options.defaults);
  for (const name of CONFIRMED_DIRECTORY_WRITES) {
    const write = directory[name] as (...args: unknown[]) => Promise<unknown>;
    (directory as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      const result = await write(...args);
      await confirm();
      return result;
    };
  }
  const metrics = createMetricsStore(redis, keys);
  const setRankingRules = metrics.setRankingRules;
  metrics.setRankingRules = async (rules) => {
    await setRankingRules(rules);
    await confirm();
  };
  return {
    deployment: keys.prefix,
    keys,
    /** Resolves once the required replicas have every write so far; throws ReplicationError otherwise. */
    confirm,
    /** Message idempotency: claim, answered, release, the stored record (message-store.ts). */
    messages,
    /** Readings waiting for 「是」 (pending-store.ts). */
    pending: createPendingStore(redis, keys),
    directory,
    records: createRecordStore(redis, keys, messages, {
      confirm,
      ...(options.idFence ? { idFence: options.idFence } : {}),
    }),
    projects: createProjectStore(redis, keys),
    metrics,
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
      const previous = (await redis.call("SET", keys.once(key), value, "EX", String(ttlSeconds), "NX", "GET")) as
        | string
        | null;
      return previous;
    },
    async releaseOnce(key: string): Promise<void> {
      await redis.del(keys.once(key));
    },
    /** The record stored for a message, if any (same as messages.recordId). */
    reportRecordId: (messageKey: string): Promise<number | null> => messages.recordId(messageKey),
    reportRecordIds: (messageKeys: readonly string[]): Promise<Array<number | null>> => messages.recordIds(messageKeys),
    async ping(): Promise<boolean> {
      return (await redis.ping()) === "PONG";
    },
    /**
     * Writes a fresh token to the deployment's health key and reads it back: proves that a
     * writable master owns the deployment's hash slot. Throws with Redis's answer otherwise.
     */
    async writeProbe(): Promise<void> {
      const token = `${Date.now()}:${Math.random().toString(36).slice(2)}`;
      const conn = probe().redis;
      const [, read] = await Promise.all([conn.set(keys.health, token, "PX", 60_000), conn.get(keys.health)]);
      if (read !== token) throw new Error("the health key read back a different value");
    },
    /** After writeProbe: throws ReplicationError when the required replicas did not get the probe. */
    confirmProbe: () => probe().confirm(),
  };
}
