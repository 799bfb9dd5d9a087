// The group-webhook client and the push transport against a local fake of WeCom's webhook.
import { readFileSync } from "node:fs";
import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createPushTransport,
  NEEDS_ADMIN_RETRY_MS,
  RATE_LIMITED_RETRY_MS,
} from "../../../src/channels/wecom/push-transport.ts";
import { createWebhookClient } from "../../../src/channels/wecom/webhook-client.ts";
import { createKeys } from "../../../src/store/keys.ts";
import { createOutbox } from "../../../src/push/outbox.ts";
import { redisPort } from "../../helpers/test-bot.ts";
import { startFakeWecom, type FakeWecom } from "./fake-wecom.ts";
import { captureLog } from "./log-capture.ts";

const answers = JSON.parse(readFileSync(new URL("../../fixtures/wecom/webhook-answers.json", import.meta.url), "utf8"));
const PNG = Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.alloc(300, 3)]);
let fake: FakeWecom;
let leaders: string;
const client = createWebhookClient({ fetch: globalThis.fetch });

beforeAll(async () => {
  fake = await startFakeWecom({ keys: ["key-leaders", "key-work", "key-unit"] });
  leaders = fake.webhookUrl("key-leaders");
});
afterAll(async () => fake.close());
beforeEach(() => fake.advance(60_000)); // every test starts in a fresh rate-limit window

describe("webhook client", () => {
  it("sends text with mentioned_list and mentioned_mobile_list", async () => {
    const answer = await client.text(leaders, "【落后单位提醒】请尽快补报。", {
      userIds: ["chengxi_zhang", "@all"],
      mobiles: ["13800001111"],
    });
    expect(answer).toEqual({ errcode: 0, errmsg: "ok" });
    expect(fake.accepted("key-leaders").at(-1)).toEqual({
      msgtype: "text",
      text: {
        content: "【落后单位提醒】请尽快补报。",
        mentioned_list: ["chengxi_zhang", "@all"],
        mentioned_mobile_list: ["13800001111"],
      },
    });
  });

  it("sends markdown with <@userid>, split at line boundaries past 4,096 bytes", async () => {
    expect((await client.markdown(leaders, "**本周周报**\n请 <@chengxi_zhang> 关注")).errcode).toBe(0);
    const before = fake.accepted("key-work").length;
    const lines = Array.from({ length: 200 }, (_, i) => `> 第${i + 1}名 城西镇 完成率 ${i}%`);
    expect((await client.markdown(fake.webhookUrl("key-work"), lines.join("\n"))).errcode).toBe(0);
    const sent = fake.accepted("key-work").slice(before) as { markdown: { content: string } }[];
    expect(sent.length).toBeGreaterThan(1);
    expect(sent.map((b) => b.markdown.content).join("\n")).toBe(lines.join("\n"));
  });

  it("sends an image as base64 with the md5 of the raw bytes", async () => {
    expect((await client.image(leaders, PNG)).errcode).toBe(0);
    expect(fake.accepted("key-leaders").at(-1)).toMatchObject({
      msgtype: "image",
      image: { base64: PNG.toString("base64") },
    });
  });

  it('uploads a file (part "media" with filename and filelength), then sends its media_id', async () => {
    const bytes = Buffer.from("单位,走出去\n城西镇,12\n", "utf8");
    expect((await client.file(leaders, "周报 第11周.csv", bytes)).errcode).toBe(0);
    const sent = fake.accepted("key-leaders").at(-1) as { msgtype: string; file: { media_id: string } };
    expect(sent.msgtype).toBe("file");
    expect(fake.uploads.get(sent.file.media_id)).toEqual({ filename: "周报 第11周.csv", bytes });
    expect((await client.file(leaders, "tiny", Buffer.from("hi"))).errcode).toBe(40058);
  });

  it("gets 45009 past 20 messages a minute from the fake, and gets through a minute later", async () => {
    const url = fake.webhookUrl("key-unit");
    const answers = [];
    for (let i = 0; i < 21; i++) answers.push((await client.text(url, `第${i}条`)).errcode);
    expect(answers.slice(0, 20).every((c) => c === 0)).toBe(true);
    expect(answers[20]).toBe(45009);
    fake.advance(60_000);
    expect((await client.text(url, "一分钟后")).errcode).toBe(0);
  });
});

describe("push transport", () => {
  const logs = captureLog();
  const make = () =>
    createPushTransport({
      webhooks: new Map([
        ["leaders", leaders],
        ["removed", fake.webhookUrl("key-unknown-secret")],
      ]),
      webhook: client,
      log: logs.log,
    });
  const body = { msgtype: "markdown", markdown: { content: "**周报**" } };
  const job = { id: "1", attempt: 0 };

  it("knows its destinations", () => {
    const t = make();
    expect(t.channel).toBe("wecom");
    expect(t.hasDestination("leaders")).toBe(true);
    expect(t.hasDestination("城西镇")).toBe(false);
  });

  it("maps WeCom's answers to outcomes: ok, 45009 retry in a minute, -1 back-off, 93000 much later with an error log", async () => {
    const t = make();
    expect(await t.deliver("leaders", body, job)).toEqual({ ok: true });
    fake.script(answers.rateLimited);
    expect(await t.deliver("leaders", body, job)).toEqual({
      ok: false,
      reason: `errcode 45009: ${answers.rateLimited.errmsg}`,
      retryInMs: RATE_LIMITED_RETRY_MS,
    });
    fake.script(answers.busy);
    expect(await t.deliver("leaders", body, job)).toEqual({ ok: false, reason: "errcode -1: system busy" });
    expect(await t.deliver("removed", body, job)).toEqual({
      ok: false,
      reason: "errcode 93000: invalid webhook url",
      retryInMs: NEEDS_ADMIN_RETRY_MS,
    });
    const error = logs.at("error").at(-1)!;
    expect(error).toMatchObject({ destination: "removed", errcode: 93000 });
    expect(logs.text()).not.toContain("key-unknown-secret");
    fake.script(answers.removed);
    expect(await t.deliver("leaders", body, job)).toMatchObject({ ok: false, retryInMs: NEEDS_ADMIN_RETRY_MS });
  });

  it("leaves network failures, HTTP errors and foreign bodies to the outbox's back-off", async () => {
    const t = make();
    fake.script("drop", "http500", "garbage");
    const dropped = await t.deliver("leaders", body, job);
    expect(dropped).toMatchObject({ ok: false, reason: expect.stringContaining("fetch failed") });
    expect(await t.deliver("leaders", body, job)).toEqual({
      ok: false,
      reason: "HTTP 500 with a body that is not JSON",
    });
    expect(await t.deliver("leaders", body, job)).toEqual({
      ok: false,
      reason: "HTTP 200 with a body that is not JSON",
    });
    expect("retryInMs" in dropped).toBe(false);
  });

  it("delivers every rendered body of a digest with attachments, through the real outbox", async () => {
    const redis = new Redis({ port: redisPort() });
    const outbox = createOutbox(redis, createKeys(`wx${Date.now().toString(36)}`), {
      transports: [make()],
      log: logs.log,
    });
    const before = fake.accepted("key-leaders").length;
    const receipt = await outbox.send("leaders", {
      title: "第11周周报",
      markdown: "> 走出去 49 次\n> 请进来 41 批",
      mention: ["chengxi_zhang"],
      attachments: [
        { kind: "image", filename: "chart.png", contentBase64: PNG.toString("base64") },
        { kind: "file", filename: "明细.csv", contentBase64: Buffer.from("a,b\n1,2\n").toString("base64") },
      ],
    });
    expect(receipt).toEqual({ queued: 3, duplicate: false });
    expect(await outbox.runOnce()).toBe(3);
    const sent = fake.accepted("key-leaders").slice(before);
    expect(sent.map((b) => b.msgtype)).toEqual(["markdown", "image", "file"]);
    expect(sent[0]).toEqual({
      msgtype: "markdown",
      markdown: { content: "**第11周周报**\n> 走出去 49 次\n> 请进来 41 批\n<@chengxi_zhang>" },
    });
    expect(await outbox.stats()).toMatchObject({ pending: 0 });
    await redis.quit();
  });
});
