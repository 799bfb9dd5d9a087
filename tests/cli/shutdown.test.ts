// Issue 16, point 8: SIGTERM while Redis is down ends the service within SHUTDOWN_TIMEOUT_SECONDS
// instead of waiting on Redis forever.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { connect } from "node:net";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { freePort } from "../../src/redis.ts";
import { startRedisServer } from "../helpers/redis-server.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("serve", () => {
  it("stops within the shutdown limit while Redis is down and a client holds a request open", {
    timeout: 60_000,
  }, async () => {
    const redis = await startRedisServer();
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "serve"], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? "",
        LOG_LEVEL: "info",
        PORT: String(port),
        REDIS_URL: `redis://127.0.0.1:${redis.port}`,
        SHUTDOWN_TIMEOUT_SECONDS: "2",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const listening = new Promise<void>((resolve) => {
      const read = (d: Buffer) => {
        output += d.toString("utf8");
        if (output.includes('"listening"')) resolve();
      };
      child.stdout.on("data", read);
      child.stderr.on("data", read);
    });
    await listening;
    await redis.stop();
    // A client in the middle of its request keeps server.close() waiting.
    const client = connect(port, "127.0.0.1");
    await once(client, "connect");
    client.write("POST /dingtalk/callback HTTP/1.1\r\nHost: x\r\n");
    client.on("error", () => undefined);
    const started = Date.now();
    child.kill("SIGTERM");
    const [code] = (await once(child, "exit")) as [number | null];
    const took = Date.now() - started;
    expect(took).toBeLessThan(2000 + 3000);
    expect(code === 0 || code === 1).toBe(true);
    client.destroy();
  });
});
