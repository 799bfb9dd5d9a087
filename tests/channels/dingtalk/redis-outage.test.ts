// Redis stopped in the middle: the callback answers 503 (DingTalk retries), stores nothing and
// replies nothing; once redis-server is back on the same port the retry is stored and answered.
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.ts";
import { createDispatcher } from "../../../src/bot/dispatcher.ts";
import { createStore, type RedisStore as Store } from "../../../src/store/store.ts";
import { startRedisServer, type RedisServerHandle } from "../../helpers/redis-server.ts";
import { testRules } from "../../helpers/test-bot.ts";
import { startHttpHarness, type HttpHarness } from "./helpers/http-harness.ts";
import { captureLog } from "./helpers/support.ts";

let server: RedisServerHandle;
let redis: Redis;
let store: Store;
let h: HttpHarness;
const now = new Date("2026-03-10T10:00:00+08:00");

/** The private server is not persistent: the directory is seeded again after a restart. */
async function seed(): Promise<void> {
  const { unit } = await store.directory.addUnit("城西镇");
  await store.directory.bindMember("u1", unit.id);
}

beforeAll(async () => {
  server = await startRedisServer();
  // As in production (src/redis.ts): a command waits through a couple of reconnect attempts, then fails.
  redis = new Redis({ host: "127.0.0.1", port: server.port, maxRetriesPerRequest: 2 });
  redis.on("error", () => {});
  store = createStore(redis, { org: "outage", defaults: { selfJoin: true } });
  await seed();
  const log = captureLog().log;
  const dispatch = createDispatcher({ store, commands, rules: testRules(), log, now: () => now });
  h = await startHttpHarness({ dispatch, store, log, now: () => now });
});

afterAll(async () => {
  await h.close();
  redis.disconnect();
  await server.stop();
});

describe("Redis unavailable", () => {
  it("answers 503 while Redis is down and 200 once it is back, storing and answering once", async () => {
    const report = h.message("group-text", { text: { content: " 签约 年产10万吨功能膜项目 5.2亿元 新材料 省外" } });
    const picture = h.message("picture");
    const { port } = server;
    await server.stop();

    expect(await h.post(report)).toEqual({ status: 503, body: "" });
    // The non-text hint is deduplicated in Redis too: no Redis, no answer.
    expect((await h.post(picture)).status).toBe(503);
    await h.channel.settled();
    expect(h.fake.sessionPosts).toHaveLength(0);

    server = await startRedisServer(port);
    await seed();
    expect((await h.post(report)).status).toBe(200);
    expect((await h.post(report)).status).toBe(200);
    expect((await h.post(picture)).status).toBe(200);
    await h.channel.settled();
    const unit = await store.directory.unitByName("城西镇");
    expect(await store.records.yearTotals(unit!.id, 2026)).toMatchObject({ signing: 1, signingYuan: 520_000_000 });
    expect(h.fake.sessionPosts).toHaveLength(2);
  });
});
