// Connects to Redis in the configured shape (docs/redis.md):
// - single server: REDIS_URL, or, with it unset, a private redis-server from PATH with its data
//   and append-only file under the data directory (appendfsync everysec: survives a crash of
//   the bot or of Redis, may lose the last second on power loss), stopped on exit. A second
//   process (console, import) finds the running private server and shares it;
// - Sentinel: asks the sentinels for the current master, follows +switch-master, and
//   reconnects when a demoted master answers READONLY;
// - Cluster: ioredis follows MOVED/ASK and refreshes the slot map after a failover.
// Every command (serve, console, import, export, schedule) opens Redis here.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { Cluster, Redis, type RedisOptions } from "ioredis";
import type { Logger } from "pino";
import type { RedisSettings } from "./config/redis.ts";
import { CoalescingRedis } from "./redis-client.ts";

export interface RedisHandle {
  /** A Cluster in cluster mode: it has the same command API as a single connection. */
  redis: Redis;
  /** A second connection to the same deployment, for /healthz's probe. */
  probe(): Redis;
  mode: RedisSettings["topology"]["mode"];
  close(): Promise<void>;
}

export class RedisUnavailableError extends Error {}

/** A demoted master answers READONLY. */
export function isReadonlyError(err: Error): boolean {
  return err.message.startsWith("READONLY");
}

const COMMON: RedisOptions = {
  maxRetriesPerRequest: 2,
  enableOfflineQueue: true,
};

export async function openRedis(settings: RedisSettings, log: Logger): Promise<RedisHandle> {
  const topology = settings.topology;
  // quit() lets pending replies arrive; disconnect() then also closes what the connector holds
  // (the sentinel subscriptions of the failover detector, which would keep the process alive).
  const closeClient = (redis: Redis) => async () => {
    await redis.quit().catch(() => undefined);
    redis.disconnect();
  };
  if (topology.mode === "sentinel") {
    const redis = new CoalescingRedis({
      ...COMMON,
      sentinels: topology.sentinels,
      name: topology.name,
      role: "master",
      failoverDetector: true,
      // A demoted master: reconnect (the sentinels then name the new one) and resend. Only
      // here: a single REDIS_URL would reconnect to the same replica again and again.
      reconnectOnError: (err) => (isReadonlyError(err) ? 2 : false),
      ...(topology.sentinelPassword ? { sentinelPassword: topology.sentinelPassword } : {}),
      ...(topology.password ? { password: topology.password } : {}),
      ...(topology.username ? { username: topology.username } : {}),
    });
    watch(redis, log);
    return handleOf(redis, "sentinel", closeClient(redis), log);
  }
  if (topology.mode === "cluster") {
    const cluster: Cluster = new Cluster(topology.nodes, {
      scaleReads: "master",
      retryDelayOnFailover: 200,
      retryDelayOnClusterDown: 200,
      slotsRefreshInterval: 2000,
      redisOptions: {
        ...COMMON,
        ...(topology.password ? { password: topology.password } : {}),
        ...(topology.username ? { username: topology.username } : {}),
        // A node that became a replica still sits in the slot map: re-read the map.
        reconnectOnError: (err) => {
          if (isReadonlyError(err)) cluster.refreshSlotsCache();
          return false;
        },
      },
    });
    watch(cluster, log);
    const redis = cluster as unknown as Redis;
    return handleOf(redis, "cluster", closeClient(redis), log);
  }
  if (topology.url) {
    const redis = new CoalescingRedis(topology.url, COMMON);
    watch(redis, log);
    return handleOf(redis, "single", closeClient(redis), log);
  }
  return openPrivateRedis(resolve(topology.dataDir), log);
}

/** The handle: the probe connection is opened on first use and closed before the client. */
function handleOf(redis: Redis, mode: RedisHandle["mode"], close: () => Promise<void>, log: Logger): RedisHandle {
  let probe: Redis | undefined;
  return {
    redis,
    mode,
    probe() {
      if (!probe) {
        probe = redis.duplicate();
        probe.on("error", (err: Error) => log.debug({ err: err.message }, "redis probe connection error"));
      }
      return probe;
    },
    async close() {
      await probe?.quit().catch(() => undefined);
      probe?.disconnect();
      await close();
    },
  };
}

/** Logs connection errors and reconnects (never the URL: it may hold a password). */
function watch(client: Redis | Cluster, log: Logger): void {
  client.on("error", (err: Error) => log.warn({ err: err.message }, "redis connection error"));
  client.on("+node", () => log.debug("redis cluster node added"));
  client.on("reconnecting", () => log.info("redis reconnecting"));
}

async function openPrivateRedis(dir: string, log: Logger): Promise<RedisHandle> {
  mkdirSync(dir, { recursive: true });
  const portFile = resolve(dir, "redis.port");
  const running = existsSync(portFile) ? Number(readFileSync(portFile, "utf8")) : 0;
  if (running && (await answersPing(running, dir))) {
    log.info({ port: running, dir }, "using the private redis-server already running for this data directory");
    const redis = connect(running, log);
    return handleOf(redis, "single", async () => void (await redis.quit().catch(() => redis.disconnect())), log);
  }
  if (spawnSync("redis-server", ["--version"], { stdio: "ignore" }).error) {
    throw new RedisUnavailableError(
      "redis-server not found: install it (Debian/Ubuntu: sudo apt-get install redis-server) or set REDIS_URL",
    );
  }
  const port = await freePort();
  const child = spawn(
    "redis-server",
    [
      "--port",
      String(port),
      "--bind",
      "127.0.0.1",
      "--dir",
      dir,
      "--appendonly",
      "yes",
      "--appendfsync",
      "everysec",
      "--save",
      "",
    ],
    { stdio: ["ignore", "ignore", "inherit"] },
  );
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  for (let i = 0; i < 100 && !(await answersPing(port, dir)); i++) {
    if (child.exitCode !== null) throw new RedisUnavailableError(`redis-server exited with code ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  writeFileSync(portFile, String(port));
  log.info({ port, dir }, "started a private redis-server");
  const redis = connect(port, log);
  return handleOf(
    redis,
    "single",
    async () => {
      await redis.quit().catch(() => redis.disconnect());
      child.kill("SIGTERM");
      await exited;
    },
    log,
  );
}

function connect(port: number, log: Logger): Redis {
  const redis = new CoalescingRedis({ ...COMMON, host: "127.0.0.1", port });
  watch(redis, log);
  return redis;
}

/** True when a redis-server answers on the port and keeps its data in `dir` (it is ours). */
async function answersPing(port: number, dir: string): Promise<boolean> {
  const probe = new Redis({
    host: "127.0.0.1",
    port,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on("error", () => {});
  try {
    await probe.connect();
    const [, configured] = (await probe.config("GET", "dir")) as [string, string];
    return resolve(configured) === dir;
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/** A TCP port on loopback that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.once("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}
