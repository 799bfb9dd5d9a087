// Redis settings: one of three deployment shapes (a single server, Sentinel, Cluster), plus
// how writes are confirmed (WAIT) and how record numbers move past a failover. See docs/redis.md.
import { z } from "zod";

export interface RedisEndpoint {
  host: string;
  port: number;
}

export type RedisTopology =
  /** url unset: a private redis-server under dataDir. */
  | { mode: "single"; url: string | undefined; dataDir: string }
  | {
      mode: "sentinel";
      sentinels: RedisEndpoint[];
      name: string;
      sentinelPassword?: string;
      password?: string;
      username?: string;
    }
  | { mode: "cluster"; nodes: RedisEndpoint[]; password?: string; username?: string };

export interface RedisSettings {
  topology: RedisTopology;
  /** Replicas that must have a write before it is confirmed to a user; 0: no WAIT. */
  minReplicasAck: number;
  /** How long a write waits for those replicas before it fails (retryably). */
  waitTimeoutMs: number;
  /** How far record and project numbers jump when a promoted master takes over (see keys.ts). */
  idFenceGap: number;
}

/** Reads the REDIS_* variables; pushes every problem to `problems` (the caller reports them at once). */
export function readRedisSettings(env: Record<string, string | undefined>, problems: string[]): RedisSettings {
  const url = env.REDIS_URL;
  if (url !== undefined && !/^rediss?:\/\//.test(url))
    problems.push("REDIS_URL: must start with redis:// or rediss://");
  const sentinels = endpoints("REDIS_SENTINELS", env.REDIS_SENTINELS, problems);
  const nodes = endpoints("REDIS_CLUSTER_NODES", env.REDIS_CLUSTER_NODES, problems);
  const shapes = [url && "REDIS_URL", sentinels && "REDIS_SENTINELS", nodes && "REDIS_CLUSTER_NODES"].filter(Boolean);
  if (shapes.length > 1) problems.push(`${shapes.join(", ")}: set only one of them (one Redis deployment)`);
  if (sentinels && !env.REDIS_SENTINEL_NAME)
    problems.push("REDIS_SENTINEL_NAME: required with REDIS_SENTINELS (the monitored master's name)");
  if (env.REDIS_SENTINEL_NAME && !sentinels) problems.push("REDIS_SENTINEL_NAME: only used with REDIS_SENTINELS");
  const ha = Boolean(sentinels || nodes);
  const auth = {
    ...(env.REDIS_PASSWORD ? { password: env.REDIS_PASSWORD } : {}),
    ...(env.REDIS_USERNAME ? { username: env.REDIS_USERNAME } : {}),
  };
  const topology: RedisTopology = sentinels
    ? {
        mode: "sentinel",
        sentinels,
        name: env.REDIS_SENTINEL_NAME ?? "",
        ...auth,
        ...(env.REDIS_SENTINEL_PASSWORD ? { sentinelPassword: env.REDIS_SENTINEL_PASSWORD } : {}),
      }
    : nodes
      ? { mode: "cluster", nodes, ...auth }
      : { mode: "single", url, dataDir: env.REDIS_DATA_DIR ?? "./data" };
  if (topology.mode === "single" && (env.REDIS_PASSWORD || env.REDIS_USERNAME)) {
    problems.push(
      "REDIS_PASSWORD/REDIS_USERNAME: with a single server put them in REDIS_URL (redis://user:password@host:port)",
    );
  }
  return {
    topology,
    // HA shapes have replicas by definition: confirm only what one of them has.
    minReplicasAck: int("REDIS_MIN_REPLICAS_ACK", env.REDIS_MIN_REPLICAS_ACK, ha ? 1 : 0, 0, 16, problems),
    waitTimeoutMs: int("REDIS_WAIT_TIMEOUT_MS", env.REDIS_WAIT_TIMEOUT_MS, 1000, 10, 60_000, problems),
    idFenceGap: int("REDIS_ID_FENCE_GAP", env.REDIS_ID_FENCE_GAP, 1000, 1, 1_000_000, problems),
  };
}

function endpoints(name: string, raw: string | undefined, problems: string[]): RedisEndpoint[] | undefined {
  if (raw === undefined) return undefined;
  const out: RedisEndpoint[] = [];
  for (const item of raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const colon = item.lastIndexOf(":");
    const host = colon > 0 ? item.slice(0, colon) : "";
    const port = Number(item.slice(colon + 1));
    if (!host || !Number.isInteger(port) || port < 1 || port > 65535 || /\s|\//.test(host)) {
      problems.push(`${name}: "${item}" is not host:port`);
      continue;
    }
    out.push({ host, port });
  }
  if (out.length === 0) {
    problems.push(`${name}: list at least one host:port (comma-separated)`);
    return undefined;
  }
  return out;
}

function int(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
  problems: string[],
): number {
  if (raw === undefined) return fallback;
  const parsed = z.coerce.number().int().min(min).max(max).safeParse(raw);
  if (parsed.success) return parsed.data;
  problems.push(`${name}: must be a whole number from ${min} to ${max}`);
  return fallback;
}
