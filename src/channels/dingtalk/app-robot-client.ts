// The enterprise app robot's proactive messages (protocol notes §4): an access token
// (POST /v1.0/oauth2/accessToken, cached until shortly before it expires), media upload
// (oapi media/upload, type image or file → media_id, §4.3), POST /v1.0/robot/groupMessages/send
// with the group's openConversationId and POST /v1.0/robot/oToMessages/batchSend to people in
// their 1:1 chat with the robot (§4.4). Custom-robot webhooks cannot carry images or files;
// this path can.
import { deadline } from "../shared/deadline.ts";
import { postFailure, postJson } from "./post-json.ts";

const TIMEOUT_MS = 10_000;
/** A file may be up to 20 MB (§4.3): its upload gets longer than a message. */
const UPLOAD_TIMEOUT_MS = 60_000;
/** Renew the token this long before DingTalk's expiry (7200 s). */
const TOKEN_MARGIN_MS = 5 * 60_000;
/** §4.2: throttling codes. */
const RATE_LIMITED_CODES = new Set(["send.too.fast", "send.byToken.tooFast", "too.many.group", "too.many.people"]);

export type AppRobotResult =
  | { ok: true }
  | { ok: false; kind: "rate-limited" | "retryable" | "refused"; reason: string };

export type AppRobotFailure = Extract<AppRobotResult, { ok: false }>;
export type UploadResult = { ok: true; mediaId: string } | AppRobotFailure;

/** §4.2 message keys this service sends. */
export type AppRobotMsgKey = "sampleMarkdown" | "sampleImageMsg" | "sampleFile";

export interface AppRobotClientDeps {
  appKey: string;
  appSecret: string;
  robotCode: string;
  apiBase: string;
  oapiBase: string;
  fetch: typeof fetch;
  now: () => Date;
}

export interface AppRobotClient {
  /** A message to a group the robot is in. */
  send(openConversationId: string, msgKey: AppRobotMsgKey, msgParam: Record<string, string>): Promise<AppRobotResult>;
  /** A message to one person, in their 1:1 chat with the robot (§4.4). */
  sendToUser(userId: string, msgKey: AppRobotMsgKey, msgParam: Record<string, string>): Promise<AppRobotResult>;
  /** Uploads a PNG/JPG; the media_id, or a failed result. */
  uploadImage(png: Buffer, filename: string): Promise<UploadResult>;
  /** Uploads a document (type=file, §4.3); the media_id, or a failed result. */
  uploadFile(bytes: Buffer, filename: string): Promise<UploadResult>;
}

class TokenError extends Error {}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function createAppRobotClient(deps: AppRobotClientDeps): AppRobotClient {
  let token: { value: string; until: number } | null = null;

  async function accessToken(): Promise<string> {
    if (token && token.until > deps.now().getTime()) return token.value;
    const { status, text } = await postJson(
      deps.fetch,
      `${deps.apiBase}/v1.0/oauth2/accessToken`,
      { appKey: deps.appKey, appSecret: deps.appSecret },
      TIMEOUT_MS,
    );
    const answer = safeJson(text) as { accessToken?: unknown; expireIn?: unknown; code?: unknown };
    if (status !== 200 || typeof answer.accessToken !== "string")
      throw new TokenError(
        `access token refused: HTTP ${status}${typeof answer.code === "string" ? ` ${answer.code}` : ""}`,
      );
    const seconds = typeof answer.expireIn === "number" ? answer.expireIn : 7200;
    token = { value: answer.accessToken, until: deps.now().getTime() + seconds * 1000 - TOKEN_MARGIN_MS };
    return token.value;
  }

  /** Runs a call with a token; a refused token is dropped so the next attempt asks again. */
  async function withToken<T>(call: (token: string) => Promise<T | AppRobotFailure>): Promise<T | AppRobotFailure> {
    try {
      return await call(await accessToken());
    } catch (error) {
      if (error instanceof TokenError) {
        token = null;
        return { ok: false, kind: "refused", reason: error.message };
      }
      return { ok: false, kind: "retryable", reason: `network: ${postFailure(error)}` };
    }
  }

  /** One OpenAPI robot send (§4.2, §4.4): the JSON answer on HTTP 200, else the classified failure. */
  async function post(path: string, body: Record<string, unknown>) {
    return withToken<{ ok: true; answer: Record<string, unknown> }>(async (value) => {
      const { status, text } = await postJson(deps.fetch, `${deps.apiBase}${path}`, body, TIMEOUT_MS, {
        "x-acs-dingtalk-access-token": value,
      });
      const answer = safeJson(text);
      if (status === 200) return { ok: true, answer };
      const code = typeof answer.code === "string" ? answer.code : "";
      const reason = `HTTP ${status}${code ? ` ${code}` : ""}${typeof answer.message === "string" ? ` ${answer.message}` : ""}`;
      if (RATE_LIMITED_CODES.has(code)) return { ok: false, kind: "rate-limited", reason } as const;
      if (status === 401 || code.toLowerCase().includes("token")) {
        token = null;
        return { ok: false, kind: "retryable", reason } as const;
      }
      if (status >= 500 || status === 429) return { ok: false, kind: "retryable", reason } as const;
      return { ok: false, kind: "refused", reason } as const;
    });
  }

  async function upload(type: "image" | "file", bytes: Buffer, filename: string, contentType: string) {
    return withToken<{ ok: true; mediaId: string }>(async (value) => {
      const form = new FormData();
      form.append("media", new Blob([new Uint8Array(bytes)], { type: contentType }), filename);
      const url = `${deps.oapiBase}/media/upload?access_token=${encodeURIComponent(value)}&type=${type}`;
      const timeout = type === "file" ? UPLOAD_TIMEOUT_MS : TIMEOUT_MS;
      const res = await deps.fetch(url, { method: "POST", body: form, signal: deadline(timeout) });
      const answer = safeJson(await res.text()) as { errcode?: unknown; errmsg?: unknown; media_id?: unknown };
      if (answer.errcode === 0 && typeof answer.media_id === "string")
        return { ok: true as const, mediaId: answer.media_id };
      const reason =
        `media/upload: HTTP ${res.status} errcode ${String(answer.errcode)} ${typeof answer.errmsg === "string" ? answer.errmsg : ""}`.trim();
      if (answer.errcode === 40014 || answer.errcode === 42001) token = null; // invalid or expired token
      const retryable = res.status >= 500 || res.status === 429 || answer.errcode === -1 || token === null;
      return { ok: false as const, kind: retryable ? ("retryable" as const) : ("refused" as const), reason };
    });
  }

  return {
    async send(openConversationId, msgKey, msgParam) {
      const body = { robotCode: deps.robotCode, openConversationId, msgKey, msgParam: JSON.stringify(msgParam) };
      const result = await post("/v1.0/robot/groupMessages/send", body);
      return result.ok ? { ok: true } : result;
    },

    async sendToUser(userId, msgKey, msgParam) {
      const body = { robotCode: deps.robotCode, userIds: [userId], msgKey, msgParam: JSON.stringify(msgParam) };
      const result = await post("/v1.0/robot/oToMessages/batchSend", body);
      if (!result.ok) return result;
      const { answer } = result;
      // §4.4: HTTP 200 also when the person was left out; the lists say who and why.
      if (listed(answer.flowControlledStaffIdList, userId))
        return { ok: false, kind: "rate-limited", reason: "oToMessages/batchSend: flow controlled" };
      if (listed(answer.invalidStaffIdList, userId))
        return { ok: false, kind: "refused", reason: "oToMessages/batchSend: invalid userId" };
      return { ok: true };
    },

    uploadImage: (png, filename) =>
      upload("image", png, filename, filename.endsWith(".jpg") ? "image/jpeg" : "image/png"),

    uploadFile: (bytes, filename) =>
      upload(
        "file",
        bytes,
        filename,
        filename.toLowerCase().endsWith(".xlsx") ? XLSX_TYPE : "application/octet-stream",
      ),
  };
}

const listed = (list: unknown, id: string) => Array.isArray(list) && list.includes(id);

function safeJson(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
