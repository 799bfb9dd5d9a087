// Custom-robot pushes against a loopback fake of robot/send that checks the 加签 signature,
// enforces 20/min and throttles for 10 minutes (protocol §3), driven through the real outbox.
import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PushTransport } from "../../../src/push/push.ts";
import { markdownMessage, actionCardMessage, textMessage } from "../../../src/channels/dingtalk/render.ts";
import { createWebhookClient } from "../../../src/channels/dingtalk/webhook-client.ts";
import {
  createWebhookTransport,
  RATE_LIMITED_RETRY_MS,
  REFUSED_RETRY_MS,
} from "../../../src/channels/dingtalk/webhook-transport.ts";
import type { DingtalkWebhook } from "../../../src/config/dingtalk.ts";
import { createKeys } from "../../../src/store/keys.ts";
import { createOutbox } from "../../../src/push/outbox.ts";
import { redisPort } from "../../helpers/test-bot.ts";
import { startFakeOapi, type FakeOapi } from "./helpers/fake-oapi.ts";
import { captureLog, type CapturedLog } from "./helpers/support.ts";

const SECRET = "SECfa4d0d8b1c6e4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5";
let clock: number;
let fake: FakeOapi;
let logs: CapturedLog;
let webhooks: Map<string, DingtalkWebhook>;
let transport: PushTransport;

beforeEach(async () => {
  clock = Date.parse("2026-03-16T09:00:00+08:00");
  fake = await startFakeOapi(() => clock);
  fake.robots.set("tokenleaders", { secret: SECRET });
  fake.robots.set("tokenplain", {});
  logs = captureLog();
  webhooks = new Map([
    ["leaders", { url: `${fake.base}/robot/send?access_token=tokenleaders`, secret: SECRET }],
    ["work-group", { url: `${fake.base}/robot/send?access_token=tokenplain` }],
    ["wrong-secret", { url: `${fake.base}/robot/send?access_token=tokenleaders`, secret: "SECnotthesecret" }],
  ]);
  const client = createWebhookClient({ fetch: globalThis.fetch, now: () => new Date(clock) });
  transport = createWebhookTransport({ webhooks, client, log: logs.log });
});
afterEach(async () => {
  await fake.close();
  const text = logs.text();
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain("tokenleaders");
});

const job = (id: string) => ({ id, attempt: 0 });

describe("webhook client", () => {
  it("posts text, markdown and actionCard with @-mentions to a signed URL", async () => {
    const client = createWebhookClient({ fetch: globalThis.fetch, now: () => new Date(clock) });
    const leaders = webhooks.get("leaders")!;
    const at = { atUserIds: ["manager4321"], atMobiles: ["13800000000"] };
    expect(await client.send(leaders, textMessage("请补报本周数据", at))).toEqual({ ok: true });
    expect(await client.send(leaders, markdownMessage("周报", "### 本周签约", { isAtAll: true }))).toEqual({
      ok: true,
    });
    expect(
      await client.send(
        leaders,
        actionCardMessage(
          { title: "周报", text: "本周汇总", singleTitle: "查看", singleURL: "https://example.invalid" },
          at,
        ),
      ),
    ).toEqual({ ok: true });
    expect(fake.robotPosts.map((p) => p.body)).toEqual([
      { msgtype: "text", text: { content: "请补报本周数据\n\n@manager4321 @13800000000" }, at },
      { msgtype: "markdown", markdown: { title: "周报", text: "### 本周签约" }, at: { isAtAll: true } },
      {
        msgtype: "actionCard",
        actionCard: expect.objectContaining({ text: "本周汇总\n\n@manager4321 @13800000000" }),
        at,
      },
    ]);
  });

  it("signs afresh for each request: an hour later it is still accepted", async () => {
    const client = createWebhookClient({ fetch: globalThis.fetch, now: () => new Date(clock) });
    expect(await client.send(webhooks.get("leaders")!, textMessage("一"))).toEqual({ ok: true });
    clock += 3 * 3_600_000;
    expect(await client.send(webhooks.get("leaders")!, textMessage("二"))).toEqual({ ok: true });
  });

  it("accepts errcode 0 written as a string (§3.6)", async () => {
    fake.robotAnswers.push({ status: 200, body: { errcode: "0", errmsg: "ok" } });
    expect(await transport.deliver("work-group", textMessage("x"), job("1"))).toEqual({ ok: true });
  });
});

describe("webhook transport", () => {
  it("fixes a random msgUuid per body when the push is queued, and posts it on every attempt", async () => {
    const bodies = [
      ...transport.render({ title: "周报", markdown: "### 第11周" }),
      ...transport.render({ title: "周报", markdown: "### 第11周" }),
    ] as Array<{ msgUuid: string }>;
    const uuids = bodies.map((b) => b.msgUuid);
    for (const uuid of uuids)
      expect(uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(uuids).size).toBe(uuids.length);
    // A retry delivers the stored body again: DingTalk sees the same msgUuid and posts once.
    expect(await transport.deliver("leaders", bodies[0], job("7"))).toEqual({ ok: true });
    expect(await transport.deliver("leaders", bodies[0], job("7"))).toEqual({ ok: true });
    expect(fake.robotPosts.map((p) => p.body.msgUuid)).toEqual([uuids[0], uuids[0]]);
  });

  it("falls back to the outbox job id as msgUuid for bodies queued without one", async () => {
    expect(await transport.deliver("leaders", textMessage("x"), job("42"))).toEqual({ ok: true });
    expect(fake.robotPosts[0]!.body.msgUuid).toBe("42");
  });

  it("maps rate limiting (410100, 130101) to a retry in 10 minutes", async () => {
    fake.robotAnswers.push({ status: 200, body: { errcode: 410100, errmsg: "发送速度太快而限流" } });
    expect(await transport.deliver("leaders", textMessage("x"), job("1"))).toMatchObject({
      ok: false,
      retryInMs: RATE_LIMITED_RETRY_MS,
    });
    fake.robotAnswers.push({
      status: 200,
      body: { errcode: 130101, errmsg: "send too fast, exceed 20 times per minute" },
    });
    expect(await transport.deliver("leaders", textMessage("x"), job("2"))).toMatchObject({
      ok: false,
      retryInMs: RATE_LIMITED_RETRY_MS,
    });
  });

  it("reports the fake's own throttle after 21 posts in a minute, lasting 10 minutes", async () => {
    for (let i = 0; i < 20; i++)
      expect(await transport.deliver("work-group", textMessage(`${i}`), job(`${i}`))).toEqual({ ok: true });
    expect(await transport.deliver("work-group", textMessage("20"), job("20"))).toMatchObject({
      ok: false,
      retryInMs: RATE_LIMITED_RETRY_MS,
    });
    clock += 9 * 60_000;
    expect(await transport.deliver("work-group", textMessage("20"), job("20"))).toMatchObject({
      ok: false,
      retryInMs: RATE_LIMITED_RETRY_MS,
    });
    clock += 60_000;
    expect(await transport.deliver("work-group", textMessage("20"), job("20"))).toEqual({ ok: true });
    expect(fake.robotErrcodes.filter((c) => c === 130101)).toHaveLength(2);
  });

  it("leaves -1, HTTP 5xx and network errors to the outbox's backoff", async () => {
    fake.robotAnswers.push(
      { status: 200, body: { errcode: -1, errmsg: "系统繁忙" } },
      { status: 502, body: "bad gateway" },
    );
    expect(await transport.deliver("leaders", textMessage("x"), job("1"))).toEqual({
      ok: false,
      reason: "errcode -1 系统繁忙",
    });
    expect(await transport.deliver("leaders", textMessage("x"), job("2"))).toEqual({ ok: false, reason: "HTTP 502" });
    await fake.close();
    const outcome = await transport.deliver("leaders", textMessage("x"), job("3"));
    expect(outcome).toMatchObject({ ok: false, reason: expect.stringContaining("network") });
    expect(outcome).not.toHaveProperty("retryInMs");
    fake = await startFakeOapi(() => clock);
  });

  it("keeps a refused push for a much later retry and logs the errcode as an error", async () => {
    expect(await transport.deliver("wrong-secret", textMessage("x"), job("7"))).toEqual({
      ok: false,
      reason: "errcode 310000 sign not match",
      retryInMs: REFUSED_RETRY_MS,
    });
    fake.robotAnswers.push({ status: 200, body: { errcode: 400102, errmsg: "机器人已停用" } });
    expect(await transport.deliver("leaders", textMessage("x"), job("8"))).toMatchObject({
      retryInMs: REFUSED_RETRY_MS,
    });
    const errors = logs.entries().filter((e) => e.level === 50);
    expect(errors.map((e) => [e.destination, e.errcode])).toEqual([
      ["wrong-secret", 310000],
      ["leaders", 400102],
    ]);
  });

  it("serves only the configured destinations", () => {
    expect(transport.hasDestination("leaders")).toBe(true);
    expect(transport.hasDestination("城西镇")).toBe(false);
  });
});

describe("through the outbox", () => {
  let redis: Redis;
  beforeEach(() => {
    redis = new Redis({ port: redisPort() });
  });
  afterEach(async () => {
    await redis.quit();
  });
  const outboxFor = () =>
    createOutbox(redis, createKeys(`dt${Math.random().toString(36).slice(2, 10)}`), {
      transports: [transport],
      log: logs.log,
      now: () => clock,
    });

  it("stays within 20 a minute, so the robot is never throttled, and sends the rest a minute later", async () => {
    const outbox = outboxFor();
    for (let i = 0; i < 25; i++) await outbox.send("leaders", { title: "提醒", markdown: `第${i}条` });
    await outbox.runOnce();
    expect(fake.robotPosts).toHaveLength(20);
    clock += 60_000;
    await outbox.runOnce();
    expect(fake.robotPosts.map((p) => p.body.markdown.text)).toEqual(Array.from({ length: 25 }, (_, i) => `第${i}条`));
    expect(fake.robotErrcodes.every((code) => code === 0)).toBe(true);
  });

  it("waits out a 10-minute throttle without dropping anything", async () => {
    const outbox = outboxFor();
    // Another sender used up the robot's minute: DingTalk throttles it for 10 minutes (§3.5).
    fake.robotAnswers.push({
      status: 200,
      body: { errcode: 130101, errmsg: "send too fast, exceed 20 times per minute" },
    });
    await outbox.send("work-group", { title: "周报", markdown: "### 第11周\n签约 3 个", mention: ["manager4321"] });
    await outbox.runOnce();
    expect(fake.robotPosts).toHaveLength(0);
    expect(await outbox.stats()).toMatchObject({ pending: 1, failing: 1 });
    clock += RATE_LIMITED_RETRY_MS - 1_000;
    await outbox.runOnce();
    expect(fake.robotPosts).toHaveLength(0);
    clock += 1_000;
    await outbox.runOnce();
    expect(fake.robotPosts.map((p) => p.body)).toEqual([
      {
        msgtype: "markdown",
        markdown: { title: "周报", text: "### 第11周  \n签约 3 个\n\n@manager4321" },
        at: { atUserIds: ["manager4321"] },
        msgUuid: expect.any(String),
      },
    ]);
    expect(await outbox.stats()).toMatchObject({ pending: 0 });
  });
});
