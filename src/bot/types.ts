// The platform-neutral shapes every channel produces and every command consumes.
import type { ChannelName } from "../domain/types.ts";

export type { ChannelName };

export interface ConversationRef {
  channel: ChannelName;
  id: string;
}

export interface IncomingMessage {
  /** The platform's message id: the idempotency key. */
  id: string;
  conversation: ConversationRef & { kind: "direct" | "group"; title?: string };
  sender: { id: string; name?: string };
  /** What the person typed, @bot mention removed, trimmed. */
  text: string;
  sentAt: Date;
}

export type Reply =
  | { kind: "text"; text: string; mention?: string[] }
  | { kind: "markdown"; title: string; markdown: string }
  | FileReply;

/**
 * A file (the 台账 xlsx). A channel that can send files in the conversation sends it; any other
 * sends `fallback` instead: a short text saying how to get the file.
 */
export interface FileReply {
  kind: "file";
  filename: string;
  contentBase64: string;
  fallback: string;
  /** One line about the file's content, shown beside it where the file is sent. */
  summary?: string;
}

/** The text a channel shows for a reply when it shows text only. */
export function replyText(reply: Reply): string {
  return reply.kind === "text" ? reply.text : reply.kind === "markdown" ? reply.markdown : reply.fallback;
}

export type ReplyFn = (reply: Reply | string) => Promise<void>;
