import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { createServer } from "../src/server.ts";
import { startRedisServer } from "./helpers/redis-server.ts";
import { silentLog } from "./helpers/test-bot.ts";

async function get(app: ReturnType<typeof createServer>, path: string) {
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const { port } = server.address() as AddressInfo;
  try {
    const res = await fetch(`http://127.0.0.1:${port}${path}`);
    return { status: res.status, body: (await res.json()) as unknown };
  } finally {
    server.close();
  }
}

describe("GET /healthz", () => {
  it("answers 200 while Redis answers and 503 once it is gone", async () => {
    const redisServer = await startRedisServer();
    const redis = new Redis({ host: "127.0.0.1", port: redisServer.port, maxRetriesPerRequest: 1 });
    redis.on("error", () => {});
    const app = createServer({ log: silentLog, redisReachable: async () => (await redis.ping()) === "PONG" });
    expect(await get(app, "/healthz")).toEqual({ status: 200, body: { status: "ok", redis: "up" } });
    await redisServer.stop();
    expect(await get(app, "/healthz")).toEqual({ status: 503, body: { status: "degraded", redis: "down" } });
    redis.disconnect();
  });

  it("answers 503 with the reasons when a check fails", async () => {
    const app = createServer({
      log: silentLog,
      redisReachable: async () => true,
      problems: async () => ["redis: cannot write the deployment's key: READONLY"],
    });
    expect(await get(app, "/healthz")).toEqual({
      status: 503,
      body: { status: "degraded", redis: "up", problems: ["redis: cannot write the deployment's key: READONLY"] },
    });
    const healthy = createServer({ log: silentLog, redisReachable: async () => true, problems: async () => [] });
    expect(await get(healthy, "/healthz")).toEqual({ status: 200, body: { status: "ok", redis: "up" } });
  });
});
