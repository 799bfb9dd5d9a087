// Spawns a private, non-persistent redis-server on a free loopback port.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../src/redis.ts";

export interface RedisServerHandle {
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startRedisServer(port?: number): Promise<RedisServerHandle> {
  const chosen = port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), "zs-redis-"));
  const child = spawn(
    "redis-server",
    ["--port", String(chosen), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
    { stdio: ["ignore", "pipe", "ignore"] },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await ready(child);
  return {
    port: chosen,
    process: child,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves when redis-server logs that it accepts connections; rejects if it exits first. */
function ready(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = "";
    const onData = (chunk: Buffer) => {
      log = (log + chunk.toString()).slice(-4096);
      if (!log.includes("Ready to accept connections")) return;
      child.off("exit", onExit);
      resolve();
    };
    const onExit = (code: number | null) => reject(new Error(`redis-server exited with code ${code}: ${log.trim()}`));
    child.stdout!.on("data", onData); // keeps reading after ready, so the pipe never fills
    child.once("exit", onExit);
  });
}
