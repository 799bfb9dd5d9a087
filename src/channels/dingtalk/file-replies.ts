// A file reply (导出台账) in a DingTalk chat: the app robot uploads the file and sends it to the
// group, or to the person in a 1:1 chat (file-message.ts); the sessionWebhook answer then gives
// the file's summary and says it was sent. Whenever the file cannot go (too large, upload or
// send refused, throttled, no token), the answer carries the reply's fallback text instead, so
// the person always learns how to get the file. No retry: a reply is not a push.
import type { Logger } from "pino";
import type { FileReply, IncomingMessage, Reply } from "../../bot/types.ts";
import type { AppRobotClient } from "./app-robot-client.ts";
import { fileProblem, sendFile, type FileTarget } from "./file-message.ts";

/** Sends the file where it can and returns the text to post in the chat; never rejects. */
export type FileReplier = (target: FileTarget | null, reply: FileReply, msgId: string) => Promise<Reply>;

/** Groups: the callback's conversationId is the openConversationId (§1.4); 1:1: the sender's userId. */
export function fileTargetOf(message: IncomingMessage): FileTarget {
  return message.conversation.kind === "group"
    ? { kind: "group", openConversationId: message.conversation.id }
    : { kind: "user", userId: message.sender.id };
}

export function createFileReplier(deps: { client: AppRobotClient; log: Logger }): FileReplier {
  const { log } = deps;
  return async (target, reply, msgId) => {
    const fallback: Reply = { kind: "text", text: reply.fallback };
    if (!target) return fallback;
    try {
      const bytes = Buffer.from(reply.contentBase64, "base64");
      const problem = fileProblem(reply.filename, bytes.length);
      if (problem) {
        log.warn(
          { msgId, bytes: bytes.length },
          "file reply cannot go through DingTalk; the fallback text goes instead",
        );
        return { kind: "text", text: `${problem}\n${reply.fallback}` };
      }
      const result = await sendFile(deps.client, target, reply.filename, bytes);
      if (!result.ok) {
        log.warn(
          { msgId, kind: result.kind, reason: result.reason },
          "file reply through the app robot failed; the fallback text goes instead",
        );
        return fallback;
      }
      log.debug({ msgId, to: target.kind }, "file reply sent through the app robot");
      const sent = `已发送文件「${reply.filename}」。`;
      return { kind: "text", text: reply.summary ? `${reply.summary}\n${sent}` : sent };
    } catch (error) {
      log.warn({ msgId, reason: (error as Error).message }, "file reply failed; the fallback text goes instead");
      return fallback;
    }
  };
}
