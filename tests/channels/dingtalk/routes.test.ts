import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { isSessionWebhook } from "../../../src/channels/dingtalk/session-replier.ts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ONLY_TEXT_TEXT, UNKNOWN_SENDER_TEXT } from "../../../src/channels/dingtalk/message-handler.ts";
import { createSeededBot, type TestBot } from "../../helpers/test-bot.ts";
import { APP_SECRET, startHttpHarness, type HttpHarness } from "./helpers/http-harness.ts";
import { captureLog, signHeader, type CapturedLog } from "./helpers/support.ts";

let bot: TestBot;
let h: HttpHarness;
let logs: CapturedLog;
let now: Date;
const EMPTY = JSON.stringify({ msgtype: "empty" });

beforeEach(async () => {
  now = new Date("2026-03-10T10:00:00+08:00");
  bot = await createSeededBot("2026-03-10T10:00:00+08:00");
  logs = captureLog();
  h = await startHttpHarness({ dispatch: bot.dispatch, store: bot.store, log: logs.log, now: () => now });
});
afterEach(async () => {
  await h.close();
  // Secrets never reach the logs, whatever a test did.
  expect(logs.text()).not.toContain(APP_SECRET);
  await bot.close();
});

const records = async () => (await bot.store.records.recentOf("u1")).length;

describe("POST /dingtalk/callback", () => {
  it("stores a signed group report, answers 200 empty, then replies as markdown through the sessionWebhook", async () => {
    const payload = h.message("group-text", { text: { content: " 签约 年产10万吨功能膜项目 5.2亿元 新材料 省外" } });
    expect(await h.post(payload)).toEqual({ status: 200, body: EMPTY });
    expect(await bot.yearTotals()).toMatchObject({ signing: 1, signingYuan: 520_000_000 });
    await h.channel.settled();
    expect(h.fake.sessionPosts).toHaveLength(1);
    const [post] = h.fake.sessionPosts;
    expect(post!.session).toBe(new URL(payload.sessionWebhook as string).searchParams.get("session"));
    expect(post!.body).toMatchObject({
      msgtype: "markdown",
      markdown: { title: expect.any(String), text: expect.stringContaining("功能膜") },
    });
  });

  it("stores a message sent twice once and answers it once", async () => {
    const payload = h.message("group-text", { text: { content: " 走出去 赴上海拜访华谊集团，洽谈新材料项目" } });
    expect((await h.post(payload)).status).toBe(200);
    expect((await h.post(payload)).status).toBe(200);
    await h.channel.settled();
    expect(await records()).toBe(1);
    expect((await bot.yearTotals()).visitOut).toBe(1);
    expect(h.fake.sessionPosts).toHaveLength(1);
  });

  it("answers a 1:1 chat too", async () => {
    expect((await h.post(h.message("direct-text"))).status).toBe(200);
    await h.channel.settled();
    expect((await bot.yearTotals()).visitOut).toBe(1);
    expect(h.fake.sessionPosts).toHaveLength(1);
  });

  describe("refuses a bad signature with 401 and no side effect", () => {
    const cases: Array<[string, (ts: string) => { timestamp?: string | undefined; sign?: string | undefined }]> = [
      ["no headers", () => ({ timestamp: undefined, sign: undefined })],
      ["no sign", (ts) => ({ timestamp: ts, sign: undefined })],
      ["no timestamp", (ts) => ({ timestamp: undefined, sign: signHeader(ts, APP_SECRET) })],
      ["another secret", (ts) => ({ timestamp: ts, sign: signHeader(ts, "not-the-secret") })],
      [
        "a sign for another timestamp",
        (ts) => ({ timestamp: ts, sign: signHeader(String(Number(ts) - 1), APP_SECRET) }),
      ],
      [
        "a timestamp over an hour old",
        (ts) => ({
          timestamp: String(Number(ts) - 3_600_001),
          sign: signHeader(String(Number(ts) - 3_600_001), APP_SECRET),
        }),
      ],
      [
        "a timestamp over an hour ahead",
        (ts) => ({
          timestamp: String(Number(ts) + 3_600_001),
          sign: signHeader(String(Number(ts) + 3_600_001), APP_SECRET),
        }),
      ],
    ];
    for (const [name, headers] of cases) {
      it(name, async () => {
        const payload = h.message("group-text", { text: { content: " 走出去 赴上海拜访华谊集团" } });
        expect(await h.post(payload, headers(String(now.getTime())))).toEqual({ status: 401, body: "" });
        await h.channel.settled();
        expect(await records()).toBe(0);
        expect(h.fake.sessionPosts).toHaveLength(0);
        expect(logs.entries().some((e) => e.msg === "robot callback refused: signature")).toBe(true);
      });
    }

    it("accepts the same request again once it is signed", async () => {
      const payload = h.message("group-text", { text: { content: " 走出去 赴上海拜访华谊集团" } });
      expect((await h.post(payload, { sign: "bogus" })).status).toBe(401);
      expect((await h.post(payload)).status).toBe(200);
      expect(await records()).toBe(1);
    });
  });

  it("answers 400 to a malformed body", async () => {
    expect((await h.post("{not json")).status).toBe(400);
    expect((await h.post([1, 2])).status).toBe(400);
    const { msgId: _m, ...noId } = h.message("group-text");
    expect((await h.post(noId)).status).toBe(400);
    expect((await h.post(h.message("group-text", { conversationType: 2.5 }))).status).toBe(400);
    expect(await records()).toBe(0);
  });

  it("answers 413 to an oversized body", async () => {
    expect((await h.post(h.message("group-text", { text: { content: "走".repeat(100_000) } }))).status).toBe(413);
  });

  it("answers a picture (once) that only text is understood", async () => {
    const payload = h.message("picture");
    expect(await h.post(payload)).toEqual({ status: 200, body: EMPTY });
    expect((await h.post(payload)).status).toBe(200);
    await h.channel.settled();
    expect(h.fake.sessionPosts.map((p) => p.body.markdown.text)).toEqual([ONLY_TEXT_TEXT.replace("\n", "  \n")]);
    expect(await records()).toBe(0);
  });

  it("explains to a sender without staff id that nothing was stored", async () => {
    expect((await h.post(h.message("external-sender", { senderStaffId: "" }))).status).toBe(200);
    await h.channel.settled();
    expect(h.fake.sessionPosts.map((p) => p.body.markdown.text)).toEqual([UNKNOWN_SENDER_TEXT]);
  });

  it("logs the quota notice and answers nothing", async () => {
    expect((await h.post(h.message("quota-notice"))).status).toBe(200);
    await h.channel.settled();
    expect(h.fake.sessionPosts).toHaveLength(0);
    expect(logs.entries()).toContainEqual(expect.objectContaining({ level: 50, errorCode: "20001" }));
  });

  it("still stores when the sessionWebhook has expired, and logs why no reply went out", async () => {
    const payload = h.message("group-text", {
      text: { content: " 走出去 赴上海拜访华谊集团" },
      sessionWebhookExpiredTime: now.getTime() - 1,
    });
    expect((await h.post(payload)).status).toBe(200);
    await h.channel.settled();
    expect(await records()).toBe(1);
    expect(h.fake.sessionPosts).toHaveLength(0);
    const warning = logs.entries().find((e) => e.msg === "reply through sessionWebhook not delivered");
    expect(warning).toMatchObject({ msgId: payload.msgId, reason: expect.stringContaining("expired") });
  });

  it("never posts a reply to an address that is not DingTalk's (the body is not signed)", async () => {
    let hits = 0;
    const elsewhere = createServer((_req, res) => {
      hits++;
      res.end("{}");
    });
    await new Promise<void>((r) => elsewhere.listen(0, "127.0.0.1", r));
    const payload = h.message("group-text", {
      text: { content: " 走出去 赴上海拜访华谊集团" },
      sessionWebhook: `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/steal`,
    });
    expect((await h.post(payload)).status).toBe(200);
    await h.channel.settled();
    elsewhere.close();
    expect(await records()).toBe(1);
    expect(hits).toBe(0);
    const warning = logs.entries().find((e) => e.msg === "reply through sessionWebhook not delivered");
    expect(warning).toMatchObject({ reason: expect.stringContaining("not DingTalk's send-by-session address") });
    expect(
      isSessionWebhook("https://oapi.dingtalk.com/robot/sendBySession?session=x", "https://oapi.dingtalk.com"),
    ).toBe(true);
    expect(isSessionWebhook("https://evil.example/dingtalk.com", "https://oapi.dingtalk.com")).toBe(false);
    expect(isSessionWebhook("http://api.dingtalk.com.evil.example/x", "https://oapi.dingtalk.com")).toBe(false);
  });

  it("logs a reply the sessionWebhook refused, with DingTalk's errcode", async () => {
    h.fake.sessionAnswers.push(
      { status: 200, body: { errcode: 300001, errmsg: "session 不存在" } },
      { status: 502, body: {} },
    );
    expect((await h.post(h.message("group-text", { text: { content: " 帮助" } }))).status).toBe(200);
    expect((await h.post(h.message("group-text", { text: { content: " 帮助" } }))).status).toBe(200);
    await h.channel.settled();
    const reasons = logs
      .entries()
      .filter((e) => e.msg === "reply through sessionWebhook not delivered")
      .map((e) => e.reason);
    expect(reasons).toEqual(["errcode 300001 session 不存在", "HTTP 502"]);
  });

  it("does not make the 200 wait for the reply", async () => {
    // Replies are held until released: a 200 that waited for them would never come.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const held = await startHttpHarness({
      dispatch: bot.dispatch,
      store: bot.store,
      log: logs.log,
      now: () => now,
      fetch: async (input, init) => {
        await gate;
        return fetch(input, init);
      },
    });
    expect(await held.post(held.message("group-text", { text: { content: " 帮助" } }))).toEqual({
      status: 200,
      body: EMPTY,
    });
    expect(held.fake.sessionPosts).toHaveLength(0);
    release();
    await held.channel.settled();
    expect(held.fake.sessionPosts).toHaveLength(1);
    await held.close();
  });
});
