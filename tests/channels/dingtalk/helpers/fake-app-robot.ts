// A loopback stand-in for the DingTalk app robot's APIs (protocol notes §4): the access token,
// oapi media/upload (multipart, part "media"; type image or file in the query) and
// /v1.0/robot/groupMessages/send and /v1.0/robot/oToMessages/batchSend with their
// x-acs-dingtalk-access-token header and JSON-string msgParam.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeAppRobot {
  base: string;
  tokenRequests: Array<Record<string, unknown>>;
  uploads: Array<{ token: string; type: string; filename: string; contentType: string; bytes: Buffer }>;
  sends: Array<{
    token: string;
    robotCode: string;
    openConversationId: string;
    msgKey: string;
    msgParam: Record<string, string>;
  }>;
  /** 1:1 sends (oToMessages/batchSend). */
  userSends: Array<{
    token: string;
    robotCode: string;
    userIds: string[];
    msgKey: string;
    msgParam: Record<string, string>;
  }>;
  /** Answers forced on the next groupMessages/send and oToMessages/batchSend calls. */
  sendAnswers: Array<{ status: number; body: unknown }>;
  /** Answers forced on the next media/upload calls. */
  uploadAnswers: Array<{ status: number; body: unknown }>;
  close(): Promise<void>;
}

const TOKEN = "fake-access-token-1";

/** The "media" part of a multipart body: its filename, content type and bytes. */
function mediaPart(body: Buffer, contentType: string): { filename: string; contentType: string; bytes: Buffer } | null {
  const boundary = contentType.split("boundary=")[1];
  if (!boundary) return null;
  const marker = Buffer.from(`--${boundary}`);
  let at = body.indexOf(marker);
  while (at >= 0) {
    const next = body.indexOf(marker, at + marker.length);
    if (next < 0) break;
    const part = body.subarray(at + marker.length + 2, next - 2);
    const split = part.indexOf("\r\n\r\n");
    const head = part.subarray(0, split).toString("utf8");
    if (head.includes('name="media"')) {
      const filename = head.split('filename="')[1]?.split('"')[0] ?? "";
      const type = head.split(/\r\n/).find((l) => l.toLowerCase().startsWith("content-type:"));
      return { filename, contentType: type?.slice(13).trim() ?? "", bytes: Buffer.from(part.subarray(split + 4)) };
    }
    at = next;
  }
  return null;
}

/** appSecret: the one secret the token endpoint accepts (default "app-secret"). */
export async function startFakeAppRobot(options: { appSecret?: string } = {}): Promise<FakeAppRobot> {
  const appSecret = options.appSecret ?? "app-secret";
  const fake: Omit<FakeAppRobot, "base" | "close"> = {
    tokenRequests: [],
    uploads: [],
    sends: [],
    userSends: [],
    sendAnswers: [],
    uploadAnswers: [],
  };
  let mediaSeq = 0;
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const url = new URL(req.url ?? "/", "http://fake");
    const answer = (status: number, value: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(value));
    };
    if (url.pathname === "/v1.0/oauth2/accessToken") {
      const json = JSON.parse(body.toString("utf8")) as Record<string, unknown>;
      fake.tokenRequests.push(json);
      if (json.appSecret !== appSecret) return answer(400, { code: "invalidClientIdOrSecret", message: "bad" });
      return answer(200, { accessToken: TOKEN, expireIn: 7200 });
    }
    if (url.pathname === "/media/upload") {
      const token = url.searchParams.get("access_token") ?? "";
      if (token !== TOKEN) return answer(200, { errcode: 40014, errmsg: "不合法的access_token" });
      const forced = fake.uploadAnswers.shift();
      if (forced) return answer(forced.status, forced.body);
      const part = mediaPart(body, req.headers["content-type"] ?? "");
      if (!part) return answer(200, { errcode: 40005, errmsg: "no media" });
      const type = url.searchParams.get("type") ?? "";
      fake.uploads.push({ token, type, ...part });
      return answer(200, { errcode: 0, errmsg: "ok", type, media_id: `@media${++mediaSeq}`, created_at: 1 });
    }
    if (url.pathname === "/v1.0/robot/groupMessages/send") {
      const token = String(req.headers["x-acs-dingtalk-access-token"] ?? "");
      if (token !== TOKEN) return answer(401, { code: "InvalidAuthentication", message: "token" });
      const forced = fake.sendAnswers.shift();
      if (forced) return answer(forced.status, forced.body);
      const json = JSON.parse(body.toString("utf8")) as Record<string, string>;
      fake.sends.push({
        token,
        robotCode: json.robotCode!,
        openConversationId: json.openConversationId!,
        msgKey: json.msgKey!,
        msgParam: JSON.parse(json.msgParam!),
      });
      return answer(200, { processQueryKey: `q${fake.sends.length}` });
    }
    if (url.pathname === "/v1.0/robot/oToMessages/batchSend") {
      const token = String(req.headers["x-acs-dingtalk-access-token"] ?? "");
      if (token !== TOKEN) return answer(401, { code: "InvalidAuthentication", message: "token" });
      const forced = fake.sendAnswers.shift();
      if (forced) return answer(forced.status, forced.body);
      const json = JSON.parse(body.toString("utf8")) as Record<string, any>;
      fake.userSends.push({
        token,
        robotCode: json.robotCode,
        userIds: json.userIds,
        msgKey: json.msgKey,
        msgParam: JSON.parse(json.msgParam),
      });
      return answer(200, {
        processQueryKey: `o${fake.userSends.length}`,
        invalidStaffIdList: [],
        flowControlledStaffIdList: [],
      });
    }
    answer(404, {});
  });
  server.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  return {
    ...fake,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
