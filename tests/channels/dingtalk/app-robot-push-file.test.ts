// Pushes with a file (the 通报's xlsx) to DingTalk: the app robot uploads it (type=file) and sends
// it as sampleFile after the text; a custom robot gets the text only, and the log says why once
// per destination; a file DingTalk cannot take becomes a note. Driven through the real outbox.
import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { schedules } from "../../../schedules/index.ts";
import { createScheduleRunner } from "../../../src/bot/schedule-runner.ts";
import { defaultScheduleSettings } from "../../../src/bot/schedule.ts";
import { createHolidayCalendar } from "../../../src/domain/holidays.ts";
import { createAppRobotClient } from "../../../src/channels/dingtalk/app-robot-client.ts";
import { createDingtalkPushTransport } from "../../../src/channels/dingtalk/push-transport.ts";
import { createWebhookClient } from "../../../src/channels/dingtalk/webhook-client.ts";
import { createWebhookTransport } from "../../../src/channels/dingtalk/webhook-transport.ts";
import { createOutbox } from "../../../src/push/outbox.ts";
import type { PushMessage } from "../../../src/push/push.ts";
import { createKeys } from "../../../src/store/keys.ts";
import { createSeededBot, redisPort, silentLog } from "../../helpers/test-bot.ts";
import { openWorkbook } from "../../xlsx/workbook-helpers.ts";
import { startFakeAppRobot, type FakeAppRobot } from "./helpers/fake-app-robot.ts";
import { startFakeOapi, type FakeOapi } from "./helpers/fake-oapi.ts";
import { captureLog, type CapturedLog } from "./helpers/support.ts";

const XLSX = Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.from("pretend 通报 workbook")]);
const NAME = "本县2026年招商引资项目台账及10月通报（截至11月4日）.xlsx";
const bulletin = (file: Buffer = XLSX): PushMessage => ({
  title: "10月招商引资通报",
  markdown: "## 10月招商引资通报\n**红榜** 城西镇",
  attachments: [{ kind: "file", filename: NAME, contentBase64: file.toString("base64") }],
});

let app: FakeAppRobot;
let oapi: FakeOapi;
let redis: Redis;
let logs: CapturedLog;
let clock: number;
beforeEach(async () => {
  app = await startFakeAppRobot();
  oapi = await startFakeOapi(() => Date.now());
  oapi.robots.set("tokenplain", {});
  redis = new Redis({ host: "127.0.0.1", port: redisPort() });
  logs = captureLog();
  clock = Date.now();
});
afterEach(async () => {
  await app.close();
  await oapi.close();
  redis.disconnect();
});

function outbox() {
  const client = createAppRobotClient({
    appKey: "dingkey",
    appSecret: "app-secret",
    robotCode: "dingrobot",
    apiBase: app.base,
    oapiBase: app.base,
    fetch: globalThis.fetch,
    now: () => new Date(),
  });
  const webhooks = createWebhookTransport({
    webhooks: new Map([["work-group", { url: `${oapi.base}/robot/send?access_token=tokenplain` }]]),
    client: createWebhookClient({ fetch: globalThis.fetch, now: () => new Date() }),
    log: logs.log,
  });
  const transport = createDingtalkPushTransport({
    webhooks,
    app: { groups: new Map([["leaders", "cidLeaders=="]]), client },
    log: logs.log,
  });
  return createOutbox(redis, createKeys(`t${Math.random().toString(36).slice(2, 10)}`), {
    transports: [transport],
    log: logs.log,
    now: () => clock,
  });
}

const noFilesLines = () => logs.entries().filter((e) => String(e.msg).startsWith("custom robots cannot send files"));

describe("DingTalk pushes with a file", () => {
  it("app robot: the markdown, then the file uploaded as type=file and sent as sampleFile", async () => {
    const box = outbox();
    expect((await box.send("leaders", bulletin())).queued).toBe(2);
    await box.runOnce();
    expect(app.uploads.map((u) => [u.type, u.filename])).toEqual([["file", NAME]]);
    expect(app.uploads[0]!.bytes.equals(XLSX)).toBe(true);
    expect(app.sends.map((s) => [s.openConversationId, s.msgKey])).toEqual([
      ["cidLeaders==", "sampleMarkdown"],
      ["cidLeaders==", "sampleFile"],
    ]);
    expect(app.sends[1]!.msgParam).toEqual({ mediaId: "@media1", fileName: NAME, fileType: "xlsx" });
    expect((await box.stats()).pending).toBe(0);
  });

  it("custom robot: the text only, and the log says once per destination why the file is left out", async () => {
    const box = outbox();
    await box.send("work-group", bulletin());
    await box.send("work-group", { ...bulletin(), title: "11月招商引资通报" });
    await box.runOnce();
    expect(app.uploads).toEqual([]);
    expect(oapi.robotPosts.map((p) => p.body.msgtype)).toEqual(["markdown", "markdown"]);
    expect(noFilesLines()).toHaveLength(1);
    expect(noFilesLines()[0]).toMatchObject({ level: 30, destination: "work-group" });
    expect((await box.stats()).pending).toBe(0);
  });

  it("keeps a file whose upload failed and sends it on the outbox's retry", async () => {
    app.uploadAnswers.push({ status: 200, body: { errcode: -1, errmsg: "系统繁忙" } });
    const box = outbox();
    await box.send("leaders", bulletin());
    await box.runOnce();
    expect(app.sends.map((s) => s.msgKey)).toEqual(["sampleMarkdown"]);
    expect(await box.stats()).toMatchObject({ pending: 1, failing: 1 });
    clock += 60_000;
    await box.runOnce();
    expect(app.sends.map((s) => s.msgKey)).toEqual(["sampleMarkdown", "sampleFile"]);
    expect((await box.stats()).pending).toBe(0);
  });

  it("says so instead of queueing a file over 20 MB, which DingTalk would refuse forever", async () => {
    const box = outbox();
    await box.send("leaders", bulletin(Buffer.alloc(20 * 1024 * 1024 + 1, 1)));
    await box.runOnce();
    expect(app.uploads).toEqual([]);
    expect(app.sends.map((s) => s.msgKey)).toEqual(["sampleMarkdown", "sampleMarkdown"]);
    expect(app.sends[1]!.msgParam.text).toContain("超过钉钉文件消息 20 MB 的上限，未能发送");
    expect((await box.stats()).pending).toBe(0);
  });
});

describe("the monthly 通报 schedule through DingTalk", () => {
  it("reaches a DINGTALK_APP_GROUPS group with the workbook as a file message", async () => {
    const bot = await createSeededBot("2026-10-10T09:00:00+08:00");
    try {
      await bot.say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外", { from: "u1" });
      const box = outbox();
      const runner = createScheduleRunner({
        schedules,
        settings: defaultScheduleSettings(schedules),
        environment: { countyName: "太湖县" },
        store: bot.store,
        calendar: createHolidayCalendar(),
        log: silentLog,
        send: (destination, message, options) => box.send(destination, message, options),
      });
      await runner.runOnce("monthly-bulletin", new Date("2026-10-10T09:00:00+08:00"), { byHand: false });
      await box.runOnce();
      const name = "太湖县2026年招商引资项目台账及2026年9月通报（截至10月10日）.xlsx";
      expect(app.sends.map((s) => s.msgKey)).toEqual(["sampleMarkdown", "sampleFile"]);
      expect(app.sends[0]!.msgParam.text).toContain("完整表格见随附文件");
      expect(app.sends[1]!.msgParam).toEqual({ mediaId: "@media1", fileName: name, fileType: "xlsx" });
      const wb = await openWorkbook(app.uploads[0]!.bytes);
      expect(wb.getWorksheet("单位进度")!.getCell("A1").value).toBe("太湖县2026年9月招商引资工作通报");
      expect(wb.getWorksheet("项目台账")!.getCell("B4").value).toBe("年产10万吨功能膜项目");
    } finally {
      await bot.close();
    }
  });
});
