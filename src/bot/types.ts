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
  | { kind: "markdown"; title: string; markdown: string };

export type ReplyFn = (reply: Reply | string) => Promise<void>;
