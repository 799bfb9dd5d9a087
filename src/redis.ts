// Connects to Redis. With REDIS_URL unset, starts a private redis-server from PATH with its
// data and append-only file under the data directory (appendfsync everysec: survives a crash
// of the bot or of Redis, may lose the last second on power loss), and stops it on exit.
// A second process (console, import) finds the running private server and shares it.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import { CoalescingRedis } from "./redis-client.ts";

export interface RedisHandle {
  redis: Redis;
  close(): Promise<void>;
}

export class RedisUnavailableError extends Error {}

export async function openRedis(url: string | undefined, dataDir: string, log: Logger): Promise<RedisHandle> {
  if (url) {
    const redis = new CoalescingRedis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
    redis.on("error", (err) => log.warn({ err: err.message }, "redis connection error"));
    return { redis, close: async () => void (await redis.quit().catch(() => redis.disconnect())) };
  }
  return openPrivateRedis(resolve(dataDir), log);
}

async function openPrivateRedis(dir: string, log: Logger): Promise<RedisHandle> {
  mkdirSync(dir, { recursive: true });
  const portFile = resolve(dir, "redis.port");
  const running = existsSync(portFile) ? Number(readFileSync(portFile, "utf8")) : 0;
  if (running && (await answersPing(running, dir))) {
    log.info({ port: running, dir }, "using the private redis-server already running for this data directory");
    const redis = connect(running, log);
    return { redis, close: async () => void (await redis.quit().catch(() => redis.disconnect())) };
  }
  if (spawnSync("redis-server", ["--version"], { stdio: "ignore" }).error) {
    throw new RedisUnavailableError(
      "redis-server not found: install it (Debian/Ubuntu: sudo apt-get install redis-server) or set REDIS_URL",
    );
  }
  const port = await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--appendonly", "yes", "--appendfsync", "everysec", "--save", ""],
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
  return {
    redis,
    async close() {
      await redis.quit().catch(() => redis.disconnect());
      child.kill("SIGTERM");
      await exited;
    },
  };
}

function connect(port: number, log: Logger): Redis {
  const redis = new CoalescingRedis({ host: "127.0.0.1", port, maxRetriesPerRequest: 2 });
  redis.on("error", (err) => log.warn({ err: err.message }, "redis connection error"));
  return redis;
}

/** True when a redis-server answers on the port and keeps its data in `dir` (it is ours). */
async function answersPing(port: number, dir: string): Promise<boolean> {
  const probe = new Redis({ host: "127.0.0.1", port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
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
