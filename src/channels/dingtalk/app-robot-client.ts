// The enterprise app robot's proactive group messages (protocol notes §4): an access token
// (POST /v1.0/oauth2/accessToken, cached until shortly before it expires), image upload
// (oapi media/upload, type=image → media_id) and POST /v1.0/robot/groupMessages/send with the
// robot code and the group's openConversationId. Custom-robot webhooks cannot carry images;
// this path can.
import { deadline } from "../shared/deadline.ts";
import { postFailure, postJson } from "./post-json.ts";

const TIMEOUT_MS = 10_000;
/** Renew the token this long before DingTalk's expiry (7200 s). */
const TOKEN_MARGIN_MS = 5 * 60_000;
/** §4.2: throttling codes. */
const RATE_LIMITED_CODES = new Set(["send.too.fast", "send.byToken.tooFast"]);

export type AppRobotResult =
  | { ok: true }
  | { ok: false; kind: "rate-limited" | "retryable" | "refused"; reason: string };

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
  send(
    openConversationId: string,
    msgKey: "sampleMarkdown" | "sampleImageMsg",
    msgParam: Record<string, string>,
  ): Promise<AppRobotResult>;
  /** Uploads a PNG/JPG; the media_id, or a failed result. */
  uploadImage(
    png: Buffer,
    filename: string,
  ): Promise<{ ok: true; mediaId: string } | Extract<AppRobotResult, { ok: false }>>;
}

class TokenError extends Error {}

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
  async function withToken<T>(call: (token: string) => Promise<T | AppRobotResult>): Promise<T | AppRobotResult> {
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

  return {
    async send(openConversationId, msgKey, msgParam) {
      return withToken(async (value) => {
        const body = { robotCode: deps.robotCode, openConversationId, msgKey, msgParam: JSON.stringify(msgParam) };
        const { status, text } = await postJson(
          deps.fetch,
          `${deps.apiBase}/v1.0/robot/groupMessages/send`,
          body,
          TIMEOUT_MS,
          { "x-acs-dingtalk-access-token": value },
        );
        if (status === 200) return { ok: true } as const;
        const answer = safeJson(text) as { code?: unknown; message?: unknown };
        const code = typeof answer.code === "string" ? answer.code : "";
        const reason = `HTTP ${status}${code ? ` ${code}` : ""}${typeof answer.message === "string" ? ` ${answer.message}` : ""}`;
        if (RATE_LIMITED_CODES.has(code)) return { ok: false, kind: "rate-limited", reason } as const;
        if (status === 401 || code.toLowerCase().includes("token")) {
          token = null;
          return { ok: false, kind: "retryable", reason } as const;
        }
        if (status >= 500 || status === 429) return { ok: false, kind: "retryable", reason } as const;
        return { ok: false, kind: "refused", reason } as const;
      }) as Promise<AppRobotResult>;
    },

    async uploadImage(png, filename) {
      const result = await withToken(async (value) => {
        const form = new FormData();
        form.append(
          "media",
          new Blob([new Uint8Array(png)], { type: filename.endsWith(".jpg") ? "image/jpeg" : "image/png" }),
          filename,
        );
        const url = `${deps.oapiBase}/media/upload?access_token=${encodeURIComponent(value)}&type=image`;
        const res = await deps.fetch(url, { method: "POST", body: form, signal: deadline(TIMEOUT_MS) });
        const answer = safeJson(await res.text()) as { errcode?: unknown; errmsg?: unknown; media_id?: unknown };
        if (answer.errcode === 0 && typeof answer.media_id === "string")
          return { ok: true as const, mediaId: answer.media_id };
        const reason =
          `media/upload: HTTP ${res.status} errcode ${String(answer.errcode)} ${typeof answer.errmsg === "string" ? answer.errmsg : ""}`.trim();
        if (answer.errcode === 40014 || answer.errcode === 42001) token = null; // invalid or expired token
        return {
          ok: false as const,
          kind:
            res.status >= 500 || answer.errcode === -1 || token === null
              ? ("retryable" as const)
              : ("refused" as const),
          reason,
        };
      });
      return result as { ok: true; mediaId: string } | Extract<AppRobotResult, { ok: false }>;
    },
  };
}

function safeJson(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
