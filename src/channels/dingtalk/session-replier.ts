// Answers a message through its sessionWebhook (protocol §1.5b): a POST of a robot message
// body, no auth header (the URL is the credential, so it is never logged). The callback's 200
// or the Stream ack never waits for this call; the promises are kept so tests and shutdown
// can await them with settled().
import type { Logger } from "pino";
import type { ChannelReply } from "../../bot/dispatcher.ts";
import type { Reply } from "../../bot/types.ts";
import { createInFlight } from "../shared/in-flight.ts";
import type { FileTarget } from "./file-message.ts";
import type { FileReplier } from "./file-replies.ts";
import type { SessionTarget } from "./parse.ts";
import { postFailure, postJson } from "./post-json.ts";
import { renderReply, type RobotMessage } from "./render.ts";

/** The official Go SDK gives sessionWebhook posts 5 s (§1.5, [S17]). */
const TIMEOUT_MS = 5_000;

export interface SessionReplierDeps {
  fetch: typeof fetch;
  /** Where replies may go. */
  oapiBase: string;
  log: Logger;
  now: () => Date;
  timeoutMs?: number;
  /** Sends file replies through the app robot; absent: a file reply posts its fallback text. */
  files?: FileReplier;
}

export interface SessionReplier {
  /**
   * The reply function for one message: starts the POSTs in order and returns at once. A file
   * reply goes to `fileTarget` through the app robot first (file-replies.ts).
   */
  replyTo(session: SessionTarget | null, msgId: string, fileTarget?: FileTarget | null): ChannelReply;
  /** Resolves when every POST started so far has finished (they never reject). */
  settled(): Promise<void>;
}

export function createSessionReplier(deps: SessionReplierDeps): SessionReplier {
  const pending = createInFlight();
  const timeoutMs = deps.timeoutMs ?? TIMEOUT_MS;
  const oapiOrigin = new URL(deps.oapiBase).origin;

  async function post(session: SessionTarget | null, msgId: string, body: RobotMessage): Promise<void> {
    const reason = await deliver(session, body);
    if (reason) deps.log.warn({ msgId, reason }, "reply through sessionWebhook not delivered");
    else deps.log.debug({ msgId }, "replied through sessionWebhook");
  }

  /** null when delivered, else why not. */
  async function deliver(session: SessionTarget | null, body: RobotMessage): Promise<string | null> {
    if (!session) return "the message has no sessionWebhook";
    if (!isSessionWebhook(session.webhook, oapiOrigin))
      return "sessionWebhook is not DingTalk's send-by-session address: not posted";
    if (session.expiresAt !== null && deps.now().getTime() >= session.expiresAt) {
      return `sessionWebhook expired at ${new Date(session.expiresAt).toISOString()}`;
    }
    try {
      const { status, text } = await postJson(deps.fetch, session.webhook, body, timeoutMs);
      if (status < 200 || status >= 300) return `HTTP ${status}`;
      // Same family as robot/send (§1.5b, §3.6): errcode may be a number or "0"; errors come with HTTP 200.
      const answer = parseJson(text);
      const errcode = answer?.errcode;
      if (errcode !== undefined && String(errcode) !== "0")
        return `errcode ${String(errcode)} ${String(answer?.errmsg ?? "")}`.trim();
      return null;
    } catch (error) {
      return postFailure(error);
    }
  }

  return {
    replyTo(session, msgId, fileTarget = null) {
      // One message's replies keep their order; different messages do not wait for each other.
      let chain: Promise<void> = Promise.resolve();
      const shown = async (reply: Reply): Promise<Reply> =>
        reply.kind === "file" && deps.files ? deps.files(fileTarget, reply, msgId) : reply;
      return async (reply) => {
        const next = chain.then(async () => {
          for (const body of renderReply(await shown(reply))) await post(session, msgId, body);
        });
        chain = next;
        pending.track(next);
      };
    },
    settled: () => pending.idle(),
  };
}

/** DingTalk's send-by-session endpoint (protocol §1.5b). */
const SESSION_ORIGIN = "https://oapi.dingtalk.com";
const SESSION_PATH = "/robot/sendBySession";

/**
 * The HTTP callback's signature covers only the timestamp (§1.3), not the body the
 * sessionWebhook comes from: post only to DingTalk's send-by-session endpoint (or the same path
 * on the configured oapi base, for tests), never to another path or host a forged body names.
 */
export function isSessionWebhook(url: string, oapiOrigin: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  if (target.username || target.password || target.hash) return false;
  return (target.origin === SESSION_ORIGIN || target.origin === oapiOrigin) && target.pathname === SESSION_PATH;
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
