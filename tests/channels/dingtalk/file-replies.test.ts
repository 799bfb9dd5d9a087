// 导出台账 in a DingTalk chat, through the real dispatcher and command: the app robot uploads the
// workbook and sends it as sampleFile (group: openConversationId; 1:1: the sender's userId), and
// the sessionWebhook answer gives the summary. Whenever the file cannot go, the answer carries
// the fallback text. HTTP callback mode here; Stream mode shares the handler (last test).
import { afterEach, describe, expect, it } from "vitest";
import { createDingtalkChannel } from "../../../src/channels/dingtalk/index.ts";
import { createSeededBot, type TestBot } from "../../helpers/test-bot.ts";
import { openWorkbook } from "../../xlsx/workbook-helpers.ts";
import { startFakeAppRobot, type FakeAppRobot } from "./helpers/fake-app-robot.ts";
import { startFakeOapi } from "./helpers/fake-oapi.ts";
import { startFakeGateway } from "./helpers/fake-stream-gateway.ts";
import { APP_KEY, APP_SECRET, startHttpHarness, type HttpHarness } from "./helpers/http-harness.ts";
import { startPathRouter } from "./helpers/path-router.ts";
import { captureLog, fixture, type CapturedLog } from "./helpers/support.ts";

const NOW = "2026-11-30T10:00:00+08:00";
const NAME = "本县2026年招商引资项目台账（截至11月30日）.xlsx";
const HOW_TO = "npm run export -- --format xlsx > 台账.xlsx";

let bot: TestBot;
let app: FakeAppRobot;
let h: HttpHarness;
let logs: CapturedLog;
const closers: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  expect(logs.text()).not.toContain(APP_SECRET);
  expect(logs.text()).not.toContain("fake-access-token");
});

async function setUp(appSecret = APP_SECRET): Promise<void> {
  bot = await createSeededBot(NOW);
  await bot.say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外", { from: "u1" });
  app = await startFakeAppRobot({ appSecret });
  logs = captureLog();
  const now = new Date(NOW);
  h = await startHttpHarness({
    dispatch: bot.dispatch,
    store: bot.store,
    log: logs.log,
    now: () => now,
    appRobot: app,
  });
  closers.push(
    () => bot.close(),
    () => app.close(),
    () => h.close(),
  );
}

async function exportIn(fixtureName: string): Promise<Record<string, any>> {
  const payload = h.message(fixtureName, { text: { content: " 导出台账" } });
  expect((await h.post(payload)).status).toBe(200);
  await h.channel.settled();
  return payload;
}

const answers = () => h.fake.sessionPosts.map((p) => p.body.markdown.text as string);
const warnings = () => logs.entries().filter((e) => e.level === 40);

describe("导出台账 in DingTalk", () => {
  it("group: uploads the workbook, sends it as sampleFile to the group, and answers with the summary", async () => {
    await setUp();
    const payload = await exportIn("group-text");
    expect(app.uploads.map((u) => [u.type, u.filename])).toEqual([["file", NAME]]);
    expect(app.sends).toEqual([
      expect.objectContaining({
        robotCode: APP_KEY,
        openConversationId: payload.conversationId,
        msgKey: "sampleFile",
        msgParam: { mediaId: "@media1", fileName: NAME, fileType: "xlsx" },
      }),
    ]);
    const wb = await openWorkbook(app.uploads[0]!.bytes);
    expect(wb.getWorksheet("项目台账")!.getCell("B4").value).toBe("年产10万吨功能膜项目");
    expect(answers()).toHaveLength(1);
    expect(answers()[0]).toContain("签约 1 个 5.20亿元");
    expect(answers()[0]).toContain(`已发送文件「${NAME}」`);
    expect(answers()[0]).not.toContain(HOW_TO);
  });

  it("1:1 chat: sends the file to the person through oToMessages/batchSend, with one token for two exports", async () => {
    await setUp();
    await exportIn("direct-text");
    await exportIn("direct-text");
    expect(app.sends).toEqual([]);
    expect(app.userSends.map((s) => [s.userIds, s.msgKey, s.msgParam.fileName])).toEqual([
      [["u1"], "sampleFile", NAME],
      [["u1"], "sampleFile", NAME],
    ]);
    expect(app.tokenRequests).toHaveLength(1);
    expect(answers().every((a) => a.includes(`已发送文件「${NAME}」`))).toBe(true);
  });

  it("answers with the fallback when the upload is refused", async () => {
    await setUp();
    app.uploadAnswers.push({ status: 200, body: { errcode: 40004, errmsg: "不合法的媒体文件类型" } });
    await exportIn("group-text");
    expect(app.sends).toEqual([]);
    expect(answers()).toHaveLength(1);
    expect(answers()[0]).toContain(HOW_TO);
    expect(answers()[0]).toContain("签约 1 个 5.20亿元");
    expect(warnings().map((e) => [e.msg, e.kind, e.reason])).toEqual([
      [
        "file reply through the app robot failed; the fallback text goes instead",
        "refused",
        "media/upload: HTTP 200 errcode 40004 不合法的媒体文件类型",
      ],
    ]);
  });

  it("answers with the fallback when the send is throttled", async () => {
    await setUp();
    app.sendAnswers.push({ status: 400, body: { code: "send.too.fast", message: "限流" } });
    await exportIn("group-text");
    expect(answers()[0]).toContain(HOW_TO);
    expect(warnings().map((e) => e.kind)).toEqual(["rate-limited"]);
  });

  it("answers with the fallback when the app's credentials get no token", async () => {
    await setUp("the-secret-dingtalk-knows");
    await exportIn("group-text");
    expect(app.uploads).toEqual([]);
    expect(answers()[0]).toContain(HOW_TO);
    expect(warnings().map((e) => [e.kind, e.reason])).toEqual([
      ["refused", "access token refused: HTTP 400 invalidClientIdOrSecret"],
    ]);
  });
});

describe("导出台账 in DingTalk Stream mode", () => {
  it("sends the workbook as sampleFile too", async () => {
    bot = await createSeededBot(NOW);
    await bot.say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外", { from: "u1" });
    const now = new Date(NOW);
    app = await startFakeAppRobot({ appSecret: APP_SECRET });
    const gateway = await startFakeGateway();
    const oapi = await startFakeOapi(() => now.getTime());
    const router = await startPathRouter([
      ["/v1.0/gateway/", gateway.base],
      ["/robot/", oapi.base],
      ["/", app.base],
    ]);
    logs = captureLog();
    const channel = createDingtalkChannel(
      {
        app: { appKey: APP_KEY, appSecret: APP_SECRET, mode: "stream" },
        webhooks: new Map(),
        oapiBase: router.base,
        apiBase: router.base,
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
      { stream: { backoff: { initialMs: 5, maxMs: 20 }, heartbeatMs: 0 } },
    )!;
    closers.push(
      () => bot.close(),
      () => app.close(),
      () => gateway.close(),
      () => oapi.close(),
      () => router.close(),
      () => channel.stop(),
    );
    await channel.start();
    const c = await gateway.connection(1);
    const frame = fixture("stream-callback-frame");
    const data = {
      ...JSON.parse(frame.data as string),
      text: { content: " 导出台账" },
      msgId: "msgStreamExport==",
      senderStaffId: "u1",
      createAt: now.getTime(),
      sessionWebhook: `${router.base}/robot/sendBySession?session=streamExport`,
      sessionWebhookExpiredTime: now.getTime() + 5_400_000,
    };
    c.send({ ...frame, data: JSON.stringify(data) });
    await c.next((m) => m.headers?.messageId === frame.headers.messageId);
    await channel.settled();
    expect(app.sends.map((s) => [s.openConversationId, s.msgKey, s.msgParam.fileName])).toEqual([
      [data.conversationId, "sampleFile", NAME],
    ]);
    expect(oapi.sessionPosts.map((p) => p.body.markdown.text)).toEqual([
      expect.stringContaining(`已发送文件「${NAME}」`),
    ]);
  });
});
