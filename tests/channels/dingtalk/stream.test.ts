// Stream mode against a loopback gateway that speaks the frame protocol (§2.2–§2.3).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InternalError, type Dispatch } from "../../../src/bot/dispatcher.ts";
import { createDingtalkChannel, type DingtalkRuntime } from "../../../src/channels/dingtalk/index.ts";
import { createSeededBot, type TestBot } from "../../helpers/test-bot.ts";
import { startFakeGateway, type FakeGateway, type GatewayConnection } from "./helpers/fake-stream-gateway.ts";
import { startFakeOapi, type FakeOapi } from "./helpers/fake-oapi.ts";
import { captureLog, fixture, type CapturedLog } from "./helpers/support.ts";

const APP_KEY = "dingstreamkey";
const APP_SECRET = "stream-secret-0123456789abcdef";
const now = new Date("2026-03-10T10:00:00+08:00");

let bot: TestBot;
let gateway: FakeGateway;
let oapi: FakeOapi;
let logs: CapturedLog;
let channel: DingtalkRuntime;
let failNext = 0;
let frameSeq = 0;

beforeEach(async () => {
  bot = await createSeededBot("2026-03-10T10:00:00+08:00");
  gateway = await startFakeGateway();
  oapi = await startFakeOapi(() => now.getTime());
  logs = captureLog();
  failNext = 0;
  // Stands for Redis failing inside the dispatcher: it throws InternalError as the real one does.
  const dispatch: Dispatch = async (message, reply) => {
    if (failNext > 0) {
      failNext--;
      throw new InternalError("test0001", new Error("Connection is closed."));
    }
    return bot.dispatch(message, reply);
  };
  channel = createDingtalkChannel(
    {
      app: { appKey: APP_KEY, appSecret: APP_SECRET, mode: "stream" },
      webhooks: new Map(),
      oapiBase: oapi.base,
      apiBase: gateway.base,
    },
    {
      dispatch,
      log: logs.log,
      now: () => now,
      claimOnce: (k, ttl) => bot.store.claimOnce(k, ttl),
      claimFirst: (k, v, ttl) => bot.store.claimFirst(k, v, ttl),
      releaseOnce: (k) => bot.store.releaseOnce(k),
      fetch: globalThis.fetch,
    },
    { stream: { backoff: { initialMs: 5, maxMs: 20 }, heartbeatMs: 0 } },
  )!;
});

afterEach(async () => {
  await channel.stop();
  await gateway.close();
  await oapi.close();
  expect(logs.text()).not.toContain(APP_SECRET);
  await bot.close();
});

/** A CALLBACK frame (fixture headers) carrying a fresh robot message from u1. */
function callback(text: string, msgId = `msgStream${++frameSeq}==`) {
  const base = fixture("stream-callback-frame");
  const data = {
    ...JSON.parse(base.data as string),
    text: { content: ` ${text}` },
    msgId,
    senderStaffId: "u1",
    createAt: now.getTime(),
  };
  data.sessionWebhook = oapi.sessionUrl(`stream${frameSeq}`);
  data.sessionWebhookExpiredTime = now.getTime() + 5_400_000;
  return { ...base, headers: { ...base.headers, messageId: `frame_${++frameSeq}` }, data: JSON.stringify(data) };
}

const ackOf = (c: GatewayConnection, messageId: string) => c.next((m) => m.headers?.messageId === messageId);

/** A ping round trip: every message the client sent before its answer has arrived by then. */
async function roundTrip(c: GatewayConnection): Promise<void> {
  const ping = {
    ...fixture("stream-ping-frame"),
    headers: { ...fixture("stream-ping-frame").headers, messageId: `ping_${++frameSeq}` },
  };
  c.send(ping);
  await ackOf(c, ping.headers.messageId as string);
}

const states = () =>
  logs
    .entries()
    .filter((e) => typeof e.state === "string")
    .map((e) => e.state as string);

describe("Stream mode", () => {
  it("opens a connection with the app credentials, subscribed to robot messages only", async () => {
    await channel.start();
    await gateway.connection(1);
    expect(gateway.openRequests).toEqual([
      {
        clientId: APP_KEY,
        clientSecret: APP_SECRET,
        subscriptions: [{ type: "CALLBACK", topic: "/v1.0/im/bot/messages/get" }],
        ua: expect.stringContaining("dingtalk-stream"),
      },
    ]);
    expect(channel.health()).toMatchObject({ receive: "stream", stream: { state: "open", reconnects: 0 } });
    expect(channel.routers).toEqual([]);
    expect(states()).toEqual(["connecting", "open"]);
  });

  it("acknowledges a robot message after storing it, and replies through the sessionWebhook", async () => {
    await channel.start();
    const c = await gateway.connection(1);
    const frame = callback("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外");
    c.send(frame);
    const ack = await ackOf(c, frame.headers.messageId);
    expect(ack).toEqual({
      code: 200,
      message: "OK",
      headers: { contentType: "application/json", messageId: frame.headers.messageId },
      data: '{"response":null}',
    });
    // The ack came after the write: the record is there by the time DingTalk sees it.
    expect(await bot.yearTotals()).toMatchObject({ signing: 1, signingYuan: 520_000_000 });
    await channel.settled();
    expect(oapi.sessionPosts).toHaveLength(1);
  });

  it("acknowledges a re-pushed message again without a second record or reply", async () => {
    await channel.start();
    const c = await gateway.connection(1);
    const first = callback("走出去 赴上海拜访华谊集团", "msgTwice==");
    const again = callback("走出去 赴上海拜访华谊集团", "msgTwice==");
    c.send(first);
    await ackOf(c, first.headers.messageId);
    c.send(again);
    await ackOf(c, again.headers.messageId);
    await channel.settled();
    expect((await bot.yearTotals()).visitOut).toBe(1);
    expect(oapi.sessionPosts).toHaveLength(1);
  });

  it("withholds the ack when the message could not be stored, so DingTalk pushes it again", async () => {
    await channel.start();
    const c = await gateway.connection(1);
    failNext = 1;
    const frame = callback("走出去 赴上海拜访华谊集团", "msgRetry==");
    c.send(frame);
    await channel.settled();
    await roundTrip(c);
    expect(c.received.some((m) => m.headers?.messageId === frame.headers.messageId)).toBe(false);
    expect(oapi.sessionPosts).toHaveLength(0);
    const again = callback("走出去 赴上海拜访华谊集团", "msgRetry==");
    c.send(again);
    await ackOf(c, again.headers.messageId);
    expect((await bot.yearTotals()).visitOut).toBe(1);
  });

  it("answers ping with the same data, and survives a frame that is not JSON", async () => {
    await channel.start();
    const c = await gateway.connection(1);
    c.socket.send("{not json");
    const ping = fixture("stream-ping-frame");
    c.send(ping);
    expect(await ackOf(c, "ping_0001")).toEqual({ code: 200, message: "OK", headers: ping.headers, data: ping.data });
    const bad = { ...callback("x"), data: "{not json" };
    c.send(bad);
    expect(await ackOf(c, bad.headers.messageId)).toMatchObject({ code: 200 });
    expect(logs.entries().some((e) => e.msg === "dingtalk stream: unreadable frame ignored")).toBe(true);
  });

  it("moves to a new connection (new ticket) when the server asks to disconnect", async () => {
    await channel.start();
    const first = await gateway.connection(1);
    first.send(fixture("stream-disconnect-frame"));
    await first.closed;
    const second = await gateway.connection(2);
    expect(second.ticket).not.toBe(first.ticket);
    await roundTrip(second);
    const frame = callback("走出去 赴上海拜访华谊集团");
    second.send(frame);
    await ackOf(second, frame.headers.messageId);
    expect(channel.health()).toMatchObject({ stream: { state: "open", reconnects: 1 } });
  });

  it("reconnects with backoff after the connection drops, logging each state", async () => {
    await channel.start();
    (await gateway.connection(1)).socket.terminate();
    // The gateway refuses twice before it hands out a ticket again.
    gateway.openAnswers.push({ status: 500, body: { code: "ServiceUnavailable" } }, { status: 200, body: {} });
    const back = await gateway.connection(2);
    await roundTrip(back);
    expect(gateway.openRequests).toHaveLength(4);
    expect(states()).toEqual([
      "connecting",
      "open",
      "reconnecting",
      "connecting",
      "reconnecting",
      "connecting",
      "reconnecting",
      "connecting",
      "open",
    ]);
    const reasons = logs
      .entries()
      .filter((e) => e.state === "reconnecting")
      .map((e) => [e.attempt, e.reason]);
    expect(reasons).toEqual([
      [1, "closed with code 1006"],
      [2, "gateway answered HTTP 500 ServiceUnavailable"],
      [3, "gateway answer has no endpoint or ticket"],
    ]);
    expect(channel.health()).toMatchObject({ stream: { state: "open", reconnects: 1 } });
  });

  it("keeps trying when the gateway is unreachable at start", async () => {
    gateway.openAnswers.push({ status: 401, body: { code: "invalidClientIdOrSecret" } });
    await channel.start();
    expect(channel.health()).toMatchObject({ stream: { state: "reconnecting" } });
    await gateway.connection(1);
    await roundTrip(gateway.connections[0]!);
    expect(channel.health()).toMatchObject({ stream: { state: "open" } });
  });

  it("drops a connection that stops answering pings and opens a new one", async () => {
    const silent = await startFakeGateway({ autoPong: false });
    const watched = createDingtalkChannel(
      {
        app: { appKey: APP_KEY, appSecret: APP_SECRET, mode: "stream" },
        webhooks: new Map(),
        oapiBase: oapi.base,
        apiBase: silent.base,
      },
      {
        dispatch: bot.dispatch,
        log: logs.log,
        now: () => now,
        claimOnce: (k, ttl) => bot.store.claimOnce(k, ttl),
        claimFirst: (k, v, ttl) => bot.store.claimFirst(k, v, ttl),
        releaseOnce: (k) => bot.store.releaseOnce(k),
        fetch: globalThis.fetch,
      },
      { stream: { backoff: { initialMs: 5, maxMs: 20 }, heartbeatMs: 10 } },
    )!;
    await watched.start();
    const first = await silent.connection(1);
    await first.closed;
    await silent.connection(2);
    expect(
      logs
        .entries()
        .some((e) => e.msg === "dingtalk stream: no pong within the heartbeat interval; dropping the connection"),
    ).toBe(true);
    await watched.stop();
    await silent.close();
  });

  it("stops cleanly and does not reconnect", async () => {
    await channel.start();
    const c = await gateway.connection(1);
    await channel.stop();
    await c.closed;
    expect(channel.health()).toMatchObject({ stream: { state: "stopped" } });
    expect(gateway.openRequests).toHaveLength(1);
  });
});
