// Redis stopped mid-test: the callback answers 503 so WeCom retries, and the retry succeeds
// once redis-server is back on the same port. Uses its own redis-server, never the shared one.
import { once } from "node:events";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.ts";
import { createDispatcher } from "../../../src/bot/dispatcher.ts";
import { createWecomCrypto } from "../../../src/channels/wecom/crypto.ts";
import { buildWecomChannel, type WecomChannel } from "../../../src/channels/wecom/index.ts";
import { createServer } from "../../../src/server.ts";
import { createStore, type RedisStore as Store } from "../../../src/store/store.ts";
import { startRedisServer, type RedisServerHandle } from "../../helpers/redis-server.ts";
import { silentLog, testRules } from "../../helpers/test-bot.ts";
import { startFakeWecom, type FakeWecom } from "./fake-wecom.ts";
import { serve, type Served } from "./http-harness.ts";
import { robotCallback } from "./wecom-requests.ts";

const KEY = "kWm0z4PkhEV7b1ZgRfmS6ExSeGybRzwtMnjmx4i9ctC";
const robot = createWecomCrypto({ token: "outageToken", encodingAesKey: KEY, receiveId: "" });
const NOW = new Date("2026-03-10T10:00:00+08:00");
const TS = String(NOW.getTime() / 1000);

/** The robot URL callback alone, against the fake WeCom. */
const robotOnly = () => ({
  robotCallback: { token: "outageToken", encodingAesKey: KEY },
  appCallback: null,
  longConnection: null,
  webhooks: new Map(),
  chats: new Map(),
  apiBase: fake.base,
  botNames: ["招商助手"],
});

let redisServer: RedisServerHandle;
let redis: Redis;
let store: Store;
let fake: FakeWecom;
let channel: WecomChannel;
let http: Served;

beforeAll(async () => {
  redisServer = await startRedisServer();
  // Fail fast while Redis is down instead of queueing commands until it is back.
  redis = new Redis({
    host: "127.0.0.1",
    port: redisServer.port,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => 20,
  });
  redis.on("error", () => {});
  await once(redis, "ready");
  store = createStore(redis, { org: "outage", defaults: { selfJoin: true } });
  const { unit } = await store.directory.addUnit("城西镇");
  await store.directory.bindMember("u1", unit.id);
  fake = await startFakeWecom();
  const dispatch = createDispatcher({
    store,
    commands,
    rules: testRules(),
    log: silentLog,
    now: () => NOW,
    botNames: ["招商助手"],
  });
  channel = buildWecomChannel(robotOnly(), {
    dispatch,
    log: silentLog,
    now: () => NOW,
    claimOnce: (k, ttl) => store.claimOnce(k, ttl),
    claimFirst: (k, v, ttl) => store.claimFirst(k, v, ttl),
    releaseOnce: (k) => store.releaseOnce(k),
    fetch: globalThis.fetch,
  })!;
  http = await serve(createServer({ log: silentLog, redisReachable: async () => true, routers: channel.routers }));
});
afterAll(async () => {
  await http.close();
  await fake.close();
  redis.disconnect();
  await redisServer.stop();
});

describe("Redis unavailable", () => {
  it("answers 503 with nothing stored or sent, then stores and replies once on WeCom's retry", async () => {
    const payload = {
      msgid: "outage-1",
      aibotid: "aib",
      chatid: "wrkGroup",
      chattype: "group",
      from: { userid: "u1" },
      response_url: fake.responseUrl("outage"),
      msgtype: "text",
      text: { content: "@招商助手 走出去 上海 拜访华谊集团" },
    };
    const first = robotCallback("/wecom/callback", robot, payload, { timestamp: TS });

    await redisServer.stop();
    expect(await http.request(first.path, { body: first.body })).toMatchObject({ status: 503, body: "" });
    await channel.idle();
    expect(fake.requests).toEqual([]);

    redisServer = await startRedisServer(redisServer.port);
    if (redis.status !== "ready") await once(redis, "ready");
    // The data was not persisted, so the test seeds the directory again.
    const { unit } = await store.directory.addUnit("城西镇");
    await store.directory.bindMember("u1", unit.id);

    // WeCom retries the same callback (same timestamp and nonce: nothing was claimed).
    expect(await http.request(first.path, { body: first.body })).toMatchObject({ status: 200, body: "" });
    expect(await store.reportRecordId("wecom:outage-1")).not.toBeNull();
    await channel.idle();
    expect(fake.replies.get("outage")).toContain("已登记");
  });

  it("answers 503 when the store fails after the replay guard passed (dispatch throws)", async () => {
    const payload = {
      msgid: "outage-2",
      aibotid: "aib",
      chattype: "single",
      from: { userid: "u1" },
      response_url: fake.responseUrl("outage-2"),
      msgtype: "text",
      text: { content: "走出去 北京 拜访某集团" },
    };
    const failing = buildWecomChannel(robotOnly(), {
      dispatch: async () => {
        throw new Error("Connection is closed.");
      },
      log: silentLog,
      now: () => NOW,
      claimOnce: async () => true,
      claimFirst: async () => null,
      releaseOnce: async () => {},
      fetch: globalThis.fetch,
    })!;
    const server = await serve(
      createServer({ log: silentLog, redisReachable: async () => true, routers: failing.routers }),
    );
    const req = robotCallback("/wecom/callback", robot, payload, { timestamp: TS });
    expect((await server.request(req.path, { body: req.body })).status).toBe(503);
    await failing.idle();
    expect(fake.replies.has("outage-2")).toBe(false);
    await server.close();
  });

  it("lets WeCom's retry of a failed callback through the replay guard", async () => {
    const payload = {
      msgid: "outage-3",
      aibotid: "aib",
      chattype: "single",
      from: { userid: "u1" },
      response_url: fake.responseUrl("outage-3"),
      msgtype: "text",
      text: { content: "走出去 杭州 拜访某集团" },
    };
    let failures = 1;
    const handled = new Set<string>();
    const flaky = buildWecomChannel(robotOnly(), {
      // Like the real dispatcher: a message is handled once, a re-delivery is a duplicate.
      dispatch: async (message, reply) => {
        if (failures-- > 0) throw new Error("internal error");
        if (handled.has(message.id)) return { ok: true, replies: [], record: null, duplicate: true };
        handled.add(message.id);
        await reply({ kind: "text", text: `已登记 ${message.id}` });
        return { ok: true, replies: [], record: null, duplicate: false };
      },
      log: silentLog,
      now: () => NOW,
      claimOnce: (k, ttl) => store.claimOnce(k, ttl),
      claimFirst: (k, v, ttl) => store.claimFirst(k, v, ttl),
      releaseOnce: (k) => store.releaseOnce(k),
      fetch: globalThis.fetch,
    })!;
    const server = await serve(
      createServer({ log: silentLog, redisReachable: async () => true, routers: flaky.routers }),
    );
    const req = robotCallback("/wecom/callback", robot, payload, { timestamp: TS });
    expect((await server.request(req.path, { body: req.body })).status).toBe(503);
    // Same timestamp and nonce: not a replay of something we accepted, so it goes through.
    expect((await server.request(req.path, { body: req.body })).status).toBe(200);
    // A third copy is a replay of an accepted callback.
    expect((await server.request(req.path, { body: req.body })).status).toBe(409);
    await flaky.idle();
    expect(fake.replies.get("outage-3")).toContain("已登记 outage-3");
    await server.close();
  });

  it("lets the identical retry in when Redis failed during the write and the claim could not be released", async () => {
    // Issue 16, point 7: the (timestamp, nonce) claim was stored, the write then failed, and
    // releasing the claim failed too (Redis went away in between). WeCom's identical retry must
    // still get in once Redis is back, and be stored and answered once.
    const payload = {
      msgid: "outage-4",
      aibotid: "aib",
      chattype: "single",
      from: { userid: "u1" },
      response_url: fake.responseUrl("outage-4"),
      msgtype: "text",
      text: { content: "走出去 南京 拜访某集团" },
    };
    const realDispatch = createDispatcher({
      store,
      commands,
      rules: testRules(),
      log: silentLog,
      now: () => NOW,
      botNames: ["招商助手"],
    });
    let writeFails = true;
    let releases = 0;
    const broken = buildWecomChannel(robotOnly(), {
      dispatch: async (message, reply) => {
        if (writeFails) {
          writeFails = false;
          throw new Error("Connection is closed.");
        }
        return realDispatch(message, reply);
      },
      log: silentLog,
      now: () => NOW,
      claimOnce: (k, ttl) => store.claimOnce(k, ttl),
      claimFirst: (k, v, ttl) => store.claimFirst(k, v, ttl),
      releaseOnce: async () => {
        releases++;
        throw new Error("Connection is closed.");
      },
      fetch: globalThis.fetch,
    })!;
    const server = await serve(
      createServer({ log: silentLog, redisReachable: async () => true, routers: broken.routers }),
    );
    const req = robotCallback("/wecom/callback", robot, payload, { timestamp: TS });
    expect((await server.request(req.path, { body: req.body })).status).toBe(503);
    expect(releases).toBe(1);
    expect(await store.reportRecordId("wecom:outage-4")).toBeNull();
    expect(await server.request(req.path, { body: req.body })).toMatchObject({ status: 200, body: "" });
    expect(await store.reportRecordId("wecom:outage-4")).not.toBeNull();
    expect((await server.request(req.path, { body: req.body })).status).toBe(409);
    await broken.idle();
    expect(fake.requests.filter((r) => r.query.response_code === "outage-4")).toHaveLength(1);
    expect(fake.replies.get("outage-4")).toContain("已登记");
    await server.close();
  });
});
