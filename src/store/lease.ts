// A lease in Redis: one holder at a time across replicas (e.g. the one WeCom long connection a
// robot allows). The holder must renew within the TTL; if it dies, the lease lapses.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Redis } from "ioredis";
import type { Keys } from "./keys.ts";

/** One holder at a time across replicas, for what only one process may do (the composition root hands it to channels). */
export interface Lease {
  ttlMs: number;
  /** True when this process holds the lease now (taken, or already its own). */
  acquire(): Promise<boolean>;
  /** False when the lease was lost (it lapsed and another process took it). */
  renew(): Promise<boolean>;
  release(): Promise<void>;
}

const LEASE = readFileSync(new URL("./lease.lua", import.meta.url), "utf8");

export function createLease(redis: Redis, keys: Keys, name: string, ttlMs: number): Lease {
  const r = redis as Redis & { zsLease(key: string, token: string, action: string, ttl: number): Promise<number> };
  if (!("zsLease" in redis)) redis.defineCommand("zsLease", { numberOfKeys: 1, lua: LEASE });
  const key = keys.lease(name);
  const token = randomBytes(8).toString("hex");
  return {
    ttlMs,
    async acquire() {
      return (
        (await redis.set(key, token, "PX", ttlMs, "NX")) === "OK" || (await r.zsLease(key, token, "renew", ttlMs)) === 1
      );
    },
    async renew() {
      return (await r.zsLease(key, token, "renew", ttlMs)) === 1;
    },
    async release() {
      await r.zsLease(key, token, "release", ttlMs);
    },
  };
}
