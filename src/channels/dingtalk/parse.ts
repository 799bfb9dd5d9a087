// Turns a robot callback payload (HTTP body or Stream frame data, protocol §1.4) into the
// normalised IncomingMessage. No raw DingTalk field travels past this file and the reply target.
import type { IncomingMessage } from "../../bot/types.ts";

/** Where to answer one message: its sessionWebhook, valid ~90 minutes (§1.4, §1.5b). */
export interface SessionTarget {
  webhook: string;
  /** ms epoch; null when the payload did not say. */
  expiresAt: number | null;
}

export type ParsedCallback =
  | { kind: "text"; message: IncomingMessage; session: SessionTarget | null }
  /** A picture, voice, file, richText…: answered with a hint, nothing stored. */
  | { kind: "unsupported"; msgId: string; msgtype: string; session: SessionTarget | null }
  /** No senderStaffId: an external user, or the robot is not published yet (§1.4). */
  | { kind: "unknown-sender"; msgId: string; session: SessionTarget | null }
  /** The organisation's robot quota is exhausted: errorCode 20001 and no content (§1.4). */
  | { kind: "notice"; errorCode: string; errorMessage: string }
  | { kind: "invalid"; reason: string };

type Payload = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** createAt and sessionWebhookExpiredTime are documented as String but sent as numbers: accept both. */
function epochMs(v: unknown): number | null {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
}

export function parseCallback(body: unknown, now: Date): ParsedCallback {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return { kind: "invalid", reason: "not a JSON object" };
  const p = body as Payload;
  if (p.errorCode !== undefined && p.errorCode !== null && p.text === undefined && p.content === undefined) {
    return { kind: "notice", errorCode: String(p.errorCode), errorMessage: str(p.errorMessage) ?? "" };
  }
  const msgId = str(p.msgId);
  const msgtype = str(p.msgtype);
  const conversationId = str(p.conversationId);
  // "1" = 1:1, "2" = group; a string in every example, tolerate a number.
  const conversationType = String(p.conversationType ?? "");
  if (!msgId) return { kind: "invalid", reason: "msgId missing" };
  if (!msgtype) return { kind: "invalid", reason: "msgtype missing" };
  if (!conversationId) return { kind: "invalid", reason: "conversationId missing" };
  if (conversationType !== "1" && conversationType !== "2")
    return { kind: "invalid", reason: "conversationType is not 1 or 2" };
  const webhook = str(p.sessionWebhook);
  const session = webhook ? { webhook, expiresAt: epochMs(p.sessionWebhookExpiredTime) } : null;

  if (msgtype !== "text") return { kind: "unsupported", msgId, msgtype, session };
  const content = textContent(p);
  if (content === undefined) return { kind: "invalid", reason: "text message without text.content" };
  const staffId = str(p.senderStaffId)?.trim();
  if (!staffId) return { kind: "unknown-sender", msgId, session };

  const nick = str(p.senderNick)?.trim();
  const title = str(p.conversationTitle)?.trim();
  const message: IncomingMessage = {
    id: msgId,
    conversation: {
      channel: "dingtalk",
      id: conversationId,
      kind: conversationType === "1" ? "direct" : "group",
      ...(title ? { title } : {}),
    },
    sender: { id: staffId, ...(nick ? { name: nick } : {}) },
    // DingTalk has already removed the @robot mention and leaves a leading space (§1.4);
    // other @mentions stay in the text as typed.
    text: content.trim(),
    sentAt: new Date(epochMs(p.createAt) ?? now.getTime()),
  };
  return { kind: "text", message, session };
}

/** text.content; one official page shows a top-level string `content` instead (§1.4). */
function textContent(p: Payload): string | undefined {
  const text = p.text;
  if (typeof text === "object" && text !== null && typeof (text as Payload).content === "string") {
    return (text as Payload).content as string;
  }
  return str(p.content);
}
