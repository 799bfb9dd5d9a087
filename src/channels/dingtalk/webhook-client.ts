// Custom-robot webhook client (protocol §3): POST robot/send?access_token=… with a fresh
// signature per request when the robot uses 加签, and the answer classified by errcode —
// which must be read even on HTTP 200 (§3.6). The URL holds the access token: never logged.
import type { DingtalkWebhook } from "../../config/dingtalk.ts";
import type { RobotMessage } from "./render.ts";
import { postFailure, postJson } from "./post-json.ts";
import { signWebhookUrl } from "./signature.ts";

const TIMEOUT_MS = 10_000;

/** §3.6/§3.5: the documented and the observed rate-limit codes; both throttle for 10 minutes. */
export const RATE_LIMIT_ERRCODES: readonly number[] = [410100, 130101];
/** §3.6: "system busy, retry later". */
export const BUSY_ERRCODE = -1;

export type WebhookBody = RobotMessage & { msgUuid?: string };

export type WebhookResult =
  | { ok: true }
  | {
      ok: false;
      /** rate-limited: 410100/130101; retryable: -1, HTTP 5xx or no answer; refused: any other errcode or HTTP 4xx. */
      kind: "rate-limited" | "retryable" | "refused";
      reason: string;
      errcode?: number;
    };

export interface WebhookClientDeps {
  fetch: typeof fetch;
  now: () => Date;
  timeoutMs?: number;
}

export interface WebhookClient {
  send(webhook: DingtalkWebhook, body: WebhookBody): Promise<WebhookResult>;
}

export function createWebhookClient(deps: WebhookClientDeps): WebhookClient {
  const timeoutMs = deps.timeoutMs ?? TIMEOUT_MS;
  return {
    async send(webhook, body) {
      // §3.3: sign per request — the timestamp must be within an hour of DingTalk's clock.
      const url = webhook.secret ? signWebhookUrl(webhook.url, webhook.secret, deps.now().getTime()) : webhook.url;
      let status: number;
      let text: string;
      try {
        ({ status, text } = await postJson(deps.fetch, url, body, timeoutMs));
      } catch (error) {
        return { ok: false, kind: "retryable", reason: `network: ${postFailure(error)}` };
      }
      const answer = parseAnswer(text);
      if (answer) {
        if (answer.errcode === 0) return { ok: true };
        const reason = `errcode ${answer.errcode}${answer.errmsg ? ` ${answer.errmsg}` : ""}`;
        if (RATE_LIMIT_ERRCODES.includes(answer.errcode))
          return { ok: false, kind: "rate-limited", reason, errcode: answer.errcode };
        if (answer.errcode === BUSY_ERRCODE) return { ok: false, kind: "retryable", reason, errcode: answer.errcode };
        return { ok: false, kind: "refused", reason, errcode: answer.errcode };
      }
      if (status >= 500 || status === 429) return { ok: false, kind: "retryable", reason: `HTTP ${status}` };
      return { ok: false, kind: "refused", reason: `HTTP ${status} without an errcode` };
    },
  };
}

/** { errcode, errmsg }; the doc example shows errcode "0" as a string, the table a Number (§3.6). */
function parseAnswer(text: string): { errcode: number; errmsg: string } | null {
  try {
    const value = JSON.parse(text) as { errcode?: unknown; errmsg?: unknown };
    const errcode = typeof value.errcode === "string" ? Number(value.errcode) : value.errcode;
    if (typeof errcode !== "number" || !Number.isFinite(errcode)) return null;
    return { errcode, errmsg: typeof value.errmsg === "string" ? value.errmsg : "" };
  } catch {
    return null;
  }
}
