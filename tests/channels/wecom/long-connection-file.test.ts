// A file reply (导出台账) over the long connection: uploaded and sent to the chat, with the stream
// answer saying so; when the upload is refused, the answer carries the fallback instead.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dispatch } from "../../../src/bot/dispatcher.ts";
import { buildWecomChannel, type WecomChannel } from "../../../src/channels/wecom/index.ts";
import { startFakeLongConnection, type FakeLongConnection } from "./fake-long-connection.ts";
import { captureLog } from "./log-capture.ts";

const CREDENTIALS = { botId: "aibFileBot", secret: "file-secret-value-5678" };
const XLSX = Buffer.from("PK\u0003\u0004 pretend workbook");

let server: FakeLongConnection;
let channel: WecomChannel;
let handled = 0;
const waiters: Array<() => void> = [];
const logs = captureLog();

const dispatch: Dispatch = async (message, reply) => {
  const file = {
    kind: "file" as const,
    filename: "本县2026年招商引资项目台账（截至11月30日）.xlsx",
    contentBase64: XLSX.toString("base64"),
    fallback: "请管理员运行 npm run export -- --format xlsx",
  };
  await reply(file);
  handled++;
  for (const w of waiters.splice(0)) w();
  return { ok: true, replies: [file], record: null, duplicate: false };
};
const nth = (n: number) => new Promise<void>((resolve) => (handled >= n ? resolve() : waiters.push(resolve)));

beforeAll(async () => {
  server = await startFakeLongConnection(CREDENTIALS);
  channel = buildWecomChannel(
    {
      robotCallback: null,
      appCallback: null,
      longConnection: { ...CREDENTIALS, wsUrl: server.url },
      webhooks: new Map(),
      chats: new Map(),
      apiBase: "http://127.0.0.1:9",
      botNames: ["招商助手"],
    },
    {
      dispatch,
      log: logs.log,
      now: () => new Date(),
      claimOnce: async () => true,
      claimFirst: async () => null,
      releaseOnce: async () => {},
      fetch: globalThis.fetch,
    },
    { reconnectMs: 20 },
  )!;
  await channel.start();
  await server.waitFor("aibot_subscribe");
});
afterAll(async () => {
  await channel.stop();
  await server.close();
});

const message = (msgid: string) => ({
  msgid,
  aibotid: CREDENTIALS.botId,
  chatid: "wrkGroupFile",
  chattype: "group",
  from: { userid: "admin" },
  msgtype: "text",
  text: { content: "导出台账" },
});

describe("file replies over the long connection", () => {
  it("uploads the workbook, sends it to the chat as a file, and says so in the answer", async () => {
    server.pushMessage(message("f-1"));
    await nth(1);
    await channel.idle();
    const init = server.frames.filter((f) => f.cmd === "aibot_upload_media_init");
    expect(init.map((f) => f.body?.filename)).toEqual(["本县2026年招商引资项目台账（截至11月30日）.xlsx"]);
    const sent = server.frames.filter((f) => f.cmd === "aibot_send_msg").map((f) => f.body!);
    expect(sent).toEqual([
      { chatid: "wrkGroupFile", msgtype: "file", file: { media_id: expect.stringMatching(/^lc-media-/) } },
    ]);
    const answer = server.frames.filter((f) => f.cmd === "aibot_respond_msg").at(-1)!;
    expect((answer.body as { stream: { content: string } }).stream.content).toContain(
      "已发送文件「本县2026年招商引资项目台账（截至11月30日）.xlsx」",
    );
  });

  it("answers with the fallback when the upload is refused", async () => {
    server.failNext("aibot_upload_media_init", 40058, "invalid media");
    server.pushMessage(message("f-2"));
    await nth(2);
    await channel.idle();
    const answer = server.frames.filter((f) => f.cmd === "aibot_respond_msg").at(-1)!;
    expect((answer.body as { stream: { content: string } }).stream.content).toContain(
      "请管理员运行 npm run export -- --format xlsx",
    );
    expect(logs.text()).toContain("file reply over the long connection failed");
  });
});
