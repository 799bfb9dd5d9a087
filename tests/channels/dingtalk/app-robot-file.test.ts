// Files through the app robot (protocol notes §4.2–§4.4), against the loopback fake: the
// multipart upload with type=file, the sampleFile message to a group and to one person, one
// cached token, and what each refusal becomes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAppRobotClient, type AppRobotClient } from "../../../src/channels/dingtalk/app-robot-client.ts";
import { fileProblem, MAX_FILE_BYTES, sendFile } from "../../../src/channels/dingtalk/file-message.ts";
import { createFileReplier } from "../../../src/channels/dingtalk/file-replies.ts";
import { silentLog } from "../../helpers/test-bot.ts";
import { startFakeAppRobot, type FakeAppRobot } from "./helpers/fake-app-robot.ts";

const XLSX = Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.from("pretend workbook 台账")]);
const NAME = "本县2026年招商引资项目台账（截至11月30日）.xlsx";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let app: FakeAppRobot;
let client: AppRobotClient;
beforeEach(async () => {
  app = await startFakeAppRobot();
  client = createAppRobotClient({
    appKey: "dingkey",
    appSecret: "app-secret",
    robotCode: "dingrobot",
    apiBase: app.base,
    oapiBase: app.base,
    fetch: globalThis.fetch,
    now: () => new Date(),
  });
});
afterEach(async () => app.close());

describe("sending a file through the app robot", () => {
  it("uploads it as type=file with its name, then sends sampleFile to the group, reusing one token", async () => {
    const group = { kind: "group", openConversationId: "cidLeaders==" } as const;
    expect(await sendFile(client, group, NAME, XLSX)).toEqual({ ok: true });
    expect(await sendFile(client, group, "第二份.xlsx", XLSX)).toEqual({ ok: true });
    expect(app.tokenRequests).toHaveLength(1);
    expect(app.uploads.map((u) => [u.type, u.filename, u.contentType])).toEqual([
      ["file", NAME, XLSX_TYPE],
      ["file", "第二份.xlsx", XLSX_TYPE],
    ]);
    expect(app.uploads[0]!.bytes.equals(XLSX)).toBe(true);
    expect(app.sends).toEqual([
      {
        token: app.uploads[0]!.token,
        robotCode: "dingrobot",
        openConversationId: "cidLeaders==",
        msgKey: "sampleFile",
        msgParam: { mediaId: "@media1", fileName: NAME, fileType: "xlsx" },
      },
      expect.objectContaining({ msgParam: { mediaId: "@media2", fileName: "第二份.xlsx", fileType: "xlsx" } }),
    ]);
  });

  it("sends to one person's 1:1 chat through oToMessages/batchSend", async () => {
    expect(await sendFile(client, { kind: "user", userId: "manager4321" }, NAME, XLSX)).toEqual({ ok: true });
    expect(app.sends).toEqual([]);
    expect(app.userSends).toEqual([
      expect.objectContaining({
        robotCode: "dingrobot",
        userIds: ["manager4321"],
        msgKey: "sampleFile",
        msgParam: { mediaId: "@media1", fileName: NAME, fileType: "xlsx" },
      }),
    ]);
  });

  it("reads the 1:1 answer's lists: flow controlled is throttling, an invalid userId is a refusal", async () => {
    const user = { kind: "user", userId: "u9" } as const;
    app.sendAnswers.push({ status: 200, body: { processQueryKey: "o1", flowControlledStaffIdList: ["u9"] } });
    expect(await sendFile(client, user, NAME, XLSX)).toMatchObject({ ok: false, kind: "rate-limited" });
    app.sendAnswers.push({ status: 200, body: { processQueryKey: "o2", invalidStaffIdList: ["u9"] } });
    expect(await sendFile(client, user, NAME, XLSX)).toMatchObject({ ok: false, kind: "refused" });
  });

  it("stops at a refused upload and sends nothing", async () => {
    app.uploadAnswers.push({ status: 200, body: { errcode: 40004, errmsg: "不合法的媒体文件类型" } });
    const result = await sendFile(client, { kind: "group", openConversationId: "cid==" }, NAME, XLSX);
    expect(result).toEqual({
      ok: false,
      kind: "refused",
      reason: "media/upload: HTTP 200 errcode 40004 不合法的媒体文件类型",
    });
    expect(app.sends).toEqual([]);
  });

  it("calls a busy upload or a throttled send retryable or rate-limited, never refused", async () => {
    const group = { kind: "group", openConversationId: "cid==" } as const;
    app.uploadAnswers.push({ status: 200, body: { errcode: -1, errmsg: "系统繁忙" } });
    expect(await sendFile(client, group, NAME, XLSX)).toMatchObject({ ok: false, kind: "retryable" });
    app.sendAnswers.push({ status: 400, body: { code: "send.too.fast", message: "限流" } });
    expect(await sendFile(client, group, NAME, XLSX)).toMatchObject({ ok: false, kind: "rate-limited" });
  });

  it("drops an expired token and asks for a new one on the next call", async () => {
    const group = { kind: "group", openConversationId: "cid==" } as const;
    app.uploadAnswers.push({ status: 200, body: { errcode: 42001, errmsg: "access_token expired" } });
    expect(await sendFile(client, group, NAME, XLSX)).toMatchObject({ ok: false, kind: "retryable" });
    expect(await sendFile(client, group, NAME, XLSX)).toEqual({ ok: true });
    expect(app.tokenRequests).toHaveLength(2);
  });

  it("answers a refused token as refused, without the secret in the reason", async () => {
    const bad = createAppRobotClient({
      appKey: "dingkey",
      appSecret: "wrong-secret-value",
      robotCode: "dingrobot",
      apiBase: app.base,
      oapiBase: app.base,
      fetch: globalThis.fetch,
      now: () => new Date(),
    });
    const result = await sendFile(bad, { kind: "group", openConversationId: "cid==" }, NAME, XLSX);
    expect(result).toMatchObject({ ok: false, kind: "refused" });
    expect(JSON.stringify(result)).not.toContain("wrong-secret-value");
    expect(app.uploads).toEqual([]);
  });
});

describe("what DingTalk can carry", () => {
  it("takes files up to 20 MB of the types sampleFile shows", () => {
    expect(fileProblem(NAME, MAX_FILE_BYTES)).toBeNull();
    expect(fileProblem("报告.PDF", 10)).toBeNull();
    expect(fileProblem(NAME, MAX_FILE_BYTES + 1)).toContain("超过钉钉文件消息 20 MB 的上限");
    expect(fileProblem("数据.csv", 10)).toContain("只收 xlsx");
    expect(fileProblem(NAME, 0)).toContain("是空的");
  });
});

describe("the text that goes with a file reply", () => {
  const reply = (filename: string, bytes: Buffer, summary?: string) => ({
    kind: "file" as const,
    filename,
    contentBase64: bytes.toString("base64"),
    fallback: "请管理员运行 npm run export -- --format xlsx",
    ...(summary ? { summary } : {}),
  });
  const group = { kind: "group", openConversationId: "cid==" } as const;

  it("says the file was sent, after the summary when there is one", async () => {
    const files = createFileReplier({ client, log: silentLog });
    expect(await files(group, reply(NAME, XLSX, "台账：2 个单位"), "m1")).toEqual({
      kind: "text",
      text: `台账：2 个单位\n已发送文件「${NAME}」。`,
    });
    expect(await files(group, reply(NAME, XLSX), "m2")).toEqual({ kind: "text", text: `已发送文件「${NAME}」。` });
  });

  it("gives the fallback, with the reason, for a file DingTalk cannot take, and sends nothing", async () => {
    const files = createFileReplier({ client, log: silentLog });
    const answer = await files(group, reply("数据.csv", XLSX), "m3");
    expect(answer).toEqual({
      kind: "text",
      text: "钉钉文件消息只收 xlsx、docx、doc、pdf、zip、rar 文件，「数据.csv」未能发送。\n请管理员运行 npm run export -- --format xlsx",
    });
    expect(await files(null, reply(NAME, XLSX), "m4")).toEqual({
      kind: "text",
      text: "请管理员运行 npm run export -- --format xlsx",
    });
    expect(app.uploads).toEqual([]);
    expect(app.tokenRequests).toEqual([]);
  });
});
