// Long-connection mode through the official SDK against a local WebSocket server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChannelReply } from "../../../src/bot/dispatcher.ts";
import { InternalError } from "../../../src/bot/dispatcher.ts";
import type { IncomingMessage } from "../../../src/bot/types.ts";
import { buildWecomChannel, type WecomChannel } from "../../../src/channels/wecom/index.ts";
import { RATE_LIMITED_RETRY_MS } from "../../../src/channels/wecom/push-transport.ts";
import type { WecomSettings } from "../../../src/config/wecom.ts";
import { createSeededBot, type TestBot } from "../../helpers/test-bot.ts";
import { startFakeLongConnection, type FakeLongConnection } from "./fake-long-connection.ts";
import { captureLog } from "./log-capture.ts";

const CREDENTIALS = { botId: "aibLongConn", secret: "lc-secret-value-1234" };
const PNG = Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.alloc(100, 1)]);

let bot: TestBot;
let server: FakeLongConnection;
let channel: WecomChannel;
const logs = captureLog();
const dispatched: IncomingMessage[] = [];
const dispatchWaiters: Array<() => void> = [];
/** Resolves once the n-th message has reached dispatch. */
const nthDispatch = (n: number) =>
  new Promise<void>((resolve) => (dispatched.length >= n ? resolve() : dispatchWaiters.push(resolve)));
let failWith: Error | null = null;

const settings = (wsUrl: string, secret = CREDENTIALS.secret): WecomSettings => ({
  robotCallback: null,
  appCallback: null,
  longConnection: { botId: CREDENTIALS.botId, secret, wsUrl },
  webhooks: new Map(),
  chats: new Map([["leaders", "wrkLeadersChat"]]),
  apiBase: "http://127.0.0.1:9",
  botNames: ["招商助手"],
});

beforeAll(async () => {
  bot = await createSeededBot();
  server = await startFakeLongConnection(CREDENTIALS);
  channel = buildWecomChannel(
    settings(server.url),
    {
      dispatch: async (message, reply: ChannelReply) => {
        dispatched.push(message);
        for (const w of dispatchWaiters.splice(0)) w();
        if (failWith) throw failWith;
        return bot.dispatch(message, reply);
      },
      log: logs.log,
      now: () => new Date("2026-03-10T10:00:00+08:00"),
      claimOnce: async () => true,
      claimFirst: async () => null,
      releaseOnce: async () => {},
      fetch: globalThis.fetch,
    },
    { reconnectMs: 20 },
  )!;
  await channel.start();
});
afterAll(async () => {
  await channel.stop();
  await server.close();
  await bot.close();
});

const message = (msgid: string, content: string) => ({
  msgid,
  aibotid: CREDENTIALS.botId,
  chatid: "wrkGroup1",
  chattype: "group",
  from: { userid: "u1" },
  msgtype: "text",
  text: { content },
});

describe("long-connection mode", () => {
  it("subscribes with the bot id and secret, and never logs the secret", async () => {
    const subscribe = await server.waitFor("aibot_subscribe");
    expect(subscribe.body).toMatchObject({ bot_id: CREDENTIALS.botId, secret: CREDENTIALS.secret });
    expect(channel.health()).toMatchObject({
      mode: "long-connection",
      longConnection: { connected: true, subscribed: true },
    });
    expect(logs.text()).not.toContain(CREDENTIALS.secret);
  });

  it("stores a report and answers it once with a finished stream on the callback's req_id", async () => {
    const reqId = server.pushMessage(message("lc-1", "@招商助手 走出去 上海 拜访华谊集团"));
    await nthDispatch(1);
    await channel.idle();
    expect(dispatched[0]).toMatchObject({
      id: "lc-1",
      conversation: { id: "wrkGroup1", kind: "group" },
      text: "@招商助手 走出去 上海 拜访华谊集团",
    });
    expect(await bot.store.reportRecordId("wecom:lc-1")).not.toBeNull();
    const replies = server.frames.filter((f) => f.cmd === "aibot_respond_msg");
    expect(replies).toHaveLength(1);
    expect(replies[0]!.headers.req_id).toBe(reqId);
    expect(replies[0]!.body).toMatchObject({
      msgtype: "stream",
      stream: { finish: true, content: expect.stringContaining("已登记") },
    });
  });

  it("answers a re-delivered message (same msgid) not a second time", async () => {
    const before = (await bot.yearTotals()).visitOut;
    const count = dispatched.length;
    server.pushMessage(message("lc-2", "走出去 北京 拜访某集团"));
    server.pushMessage(message("lc-2", "走出去 北京 拜访某集团"));
    await nthDispatch(count + 2);
    await channel.idle();
    expect((await bot.yearTotals()).visitOut).toBe(before + 1);
    expect(server.frames.filter((f) => f.cmd === "aibot_respond_msg")).toHaveLength(2); // lc-1 and lc-2
  });

  it("ignores events and non-text messages", async () => {
    const count = dispatched.length;
    server.pushEvent({
      msgid: "ev",
      create_time: 1,
      aibotid: "a",
      chattype: "single",
      from: { userid: "u1" },
      msgtype: "event",
      event: { eventtype: "enter_chat" },
    });
    server.pushMessage({ ...message("img", ""), msgtype: "image", image: { url: "https://x" } });
    server.pushMessage(message("lc-3", "帮助"));
    await nthDispatch(count + 1);
    await channel.idle();
    expect(dispatched.slice(count).map((m) => m.id)).toEqual(["lc-3"]);
  });

  it("tells the person when the store is down, since nothing makes WeCom retry here", async () => {
    failWith = new InternalError("ab12cd34", new Error("Connection is closed."));
    const count = dispatched.length;
    server.pushMessage(message("lc-4", "走出去 广州 拜访某公司"));
    await nthDispatch(count + 1);
    await channel.idle();
    failWith = null;
    const last = server.frames.filter((f) => f.cmd === "aibot_respond_msg").at(-1)!;
    expect((last.body as { stream: { content: string } }).stream.content).toContain("ab12cd34");
  });

  it("pushes through aibot_send_msg, uploading images and files first", async () => {
    const transport = channel.transport!;
    expect(transport.hasDestination("leaders")).toBe(true);
    const bodies = transport.render({
      title: "周报",
      markdown: "> 走出去 49 次",
      attachments: [
        { kind: "image", filename: "chart.png", contentBase64: PNG.toString("base64") },
        { kind: "file", filename: "明细.csv", contentBase64: Buffer.from("a,b\n1,2\n").toString("base64") },
      ],
    });
    for (const body of bodies)
      expect(await transport.deliver("leaders", body, { id: "1", attempt: 0 })).toEqual({ ok: true });
    const sent = server.frames.filter((f) => f.cmd === "aibot_send_msg").map((f) => f.body!);
    expect(sent[0]).toEqual({
      chatid: "wrkLeadersChat",
      msgtype: "markdown",
      markdown: { content: "**周报**\n> 走出去 49 次" },
    });
    expect(sent.slice(1).map((b) => b.msgtype)).toEqual(["image", "file"]);
    expect((sent[1]!.image as { media_id: string }).media_id).toMatch(/^lc-media-/);
    expect(server.frames.filter((f) => f.cmd === "aibot_upload_media_init").map((f) => f.body?.filename)).toEqual([
      "image.png",
      "明细.csv",
    ]);
  });

  it("maps a refused proactive send to an outcome", async () => {
    server.failNext("aibot_send_msg", 45009, "api freq out of limit");
    const body = { msgtype: "markdown", markdown: { content: "提醒" } };
    expect(await channel.transport!.deliver("leaders", body, { id: "2", attempt: 0 })).toEqual({
      ok: false,
      reason: "errcode 45009: api freq out of limit",
      retryInMs: RATE_LIMITED_RETRY_MS,
    });
  });

  it("reconnects and subscribes again after the connection drops", async () => {
    const subscriptions = server.frames.filter((f) => f.cmd === "aibot_subscribe").length;
    server.dropConnections();
    await server.waitFor("aibot_subscribe", subscriptions + 1);
    const count = dispatched.length;
    server.pushMessage(message("lc-5", "帮助"));
    await nthDispatch(count + 1);
    await channel.idle();
    expect(dispatched.at(-1)?.id).toBe("lc-5");
  });
});

describe("long-connection mode with a wrong secret", () => {
  it("starts without hanging and reports the connection as not subscribed", async () => {
    const log = captureLog();
    const wrong = buildWecomChannel(settings(server.url, "wrong-secret"), {
      dispatch: bot.dispatch,
      log: log.log,
      now: () => new Date(),
      claimOnce: async () => true,
      claimFirst: async () => null,
      releaseOnce: async () => {},
      fetch: globalThis.fetch,
    })!;
    await wrong.start();
    expect(wrong.health()).toMatchObject({ longConnection: { subscribed: false } });
    expect(log.text()).toContain("Authentication failed");
    expect(log.text()).not.toContain("wrong-secret");
    const body = { msgtype: "markdown", markdown: { content: "x" } };
    await wrong.stop();
    expect(await wrong.transport!.deliver("leaders", body, { id: "3", attempt: 0 })).toMatchObject({ ok: false });
  });
});
