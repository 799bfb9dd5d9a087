// One robot callback payload, from HTTP mode or Stream mode alike: parse, then store through
// the dispatcher (which deduplicates on msgId inside its atomic write) and start the replies.
// Resolves only once the outcome is durable; throws when Redis is unavailable, so the caller
// answers 503 / withholds the Stream ack and DingTalk delivers the message again.
import type { Logger } from "pino";
import type { ChannelDeps } from "../../bot/channel-runtime.ts";
import { fileTargetOf } from "./file-replies.ts";
import { parseCallback, type SessionTarget } from "./parse.ts";
import type { SessionReplier } from "./session-replier.ts";

export const ONLY_TEXT_TEXT =
  "目前只能看懂文字消息。请直接输入文字，例如：走出去 赴上海拜访华谊集团\n发送「帮助」查看全部命令和示例。";
export const UNKNOWN_SENDER_TEXT =
  "暂时无法识别你的钉钉账号（组织外的成员，或机器人尚未发布），这条消息未登记。请联系管理员。";

/** §1.6: keep deduplication entries at least as long as the 1-hour signature window. */
const HINT_DEDUPE_TTL_S = 2 * 3600;

export type HandleOutcome =
  | { status: "stored" | "duplicate" | "answered" | "ignored" }
  | { status: "invalid"; reason: string };

export type MessageHandler = (payload: unknown) => Promise<HandleOutcome>;

export interface MessageHandlerDeps extends Pick<ChannelDeps, "dispatch" | "claimOnce" | "now"> {
  replier: SessionReplier;
  log: Logger;
}

export function createMessageHandler(deps: MessageHandlerDeps): MessageHandler {
  const { log } = deps;

  /** Answers a message the dispatcher never sees, once per msgId. */
  async function hint(msgId: string, session: SessionTarget | null, text: string): Promise<HandleOutcome> {
    if (!(await deps.claimOnce(`dingtalk:hint:${msgId}`, HINT_DEDUPE_TTL_S))) return { status: "duplicate" };
    await deps.replier.replyTo(session, msgId)({ kind: "text", text });
    return { status: "answered" };
  }

  return async function handle(payload) {
    const parsed = parseCallback(payload, deps.now());
    switch (parsed.kind) {
      case "invalid":
        log.warn({ reason: parsed.reason }, "malformed robot callback");
        return { status: "invalid", reason: parsed.reason };
      case "notice":
        // §1.4: errorCode 20001 = the organisation's robot quota is exhausted; not a user message.
        log.error(
          { errorCode: parsed.errorCode, errorMessage: parsed.errorMessage },
          "DingTalk sent a notice instead of a message",
        );
        return { status: "ignored" };
      case "unsupported":
        log.info({ msgId: parsed.msgId, msgtype: parsed.msgtype }, "non-text message");
        return hint(parsed.msgId, parsed.session, ONLY_TEXT_TEXT);
      case "unknown-sender":
        log.warn({ msgId: parsed.msgId }, "message without senderStaffId");
        return hint(parsed.msgId, parsed.session, UNKNOWN_SENDER_TEXT);
      case "text": {
        const { message, session } = parsed;
        const result = await deps.dispatch(message, deps.replier.replyTo(session, message.id, fileTargetOf(message)));
        return { status: result.duplicate ? "duplicate" : "stored" };
      }
    }
  };
}
