// The active reply of the intelligent robot (protocol §1.7): one unencrypted JSON POST to the
// message's response_url, which works once and for an hour. In a group WeCom shows it quoting
// the user's message. Failures are logged with their reason and never thrown: the report is
// already stored, and the URL cannot be used a second time anyway.
import type { Logger } from "pino";
import { deadline } from "../shared/deadline.ts";
import { errorReason } from "./error-reason.ts";
import { REPLY_MAX_BYTES, shortenToBytes } from "./render.ts";

export interface ResponseUrlClient {
  /** Posts markdown content; resolves true when WeCom answered errcode 0. */
  send(responseUrl: string, content: string, context: { msgid: string }): Promise<boolean>;
}

export interface ResponseUrlClientOptions {
  fetch: typeof fetch;
  log: Logger;
  timeoutMs?: number;
}

export function createResponseUrlClient(options: ResponseUrlClientOptions): ResponseUrlClient {
  const { log } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    async send(responseUrl, content, { msgid }) {
      // The URL carries a one-shot response_code: log its host only.
      const host = safeHost(responseUrl);
      const body = { msgtype: "markdown", markdown: { content: shortenToBytes(content, REPLY_MAX_BYTES) } };
      let reason: string;
      try {
        const res = await options.fetch(responseUrl, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
          signal: deadline(timeoutMs),
        });
        const text = await res.text();
        const answer = parseAnswer(text);
        if (res.ok && answer?.errcode === 0) {
          log.debug({ msgid }, "reply sent through response_url");
          return true;
        }
        reason = answer ? `errcode ${answer.errcode}: ${answer.errmsg}` : `HTTP ${res.status}, unexpected body`;
      } catch (error) {
        reason = errorReason(error);
      }
      log.error({ msgid, host, reason }, "reply through response_url failed");
      return false;
    },
  };
}

function parseAnswer(text: string): { errcode: number; errmsg: string } | null {
  try {
    const json = JSON.parse(text) as { errcode?: unknown; errmsg?: unknown };
    return typeof json.errcode === "number" ? { errcode: json.errcode, errmsg: String(json.errmsg ?? "") } : null;
  } catch {
    return null;
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "(invalid URL)";
  }
}
