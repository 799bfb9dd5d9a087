// The one idempotency key of an incoming message: platform message ids are unique per platform
// (and per WeCom callback kind, which its channel folds into the id), not across platforms.
import type { IncomingMessage } from "./types.ts";

export function messageKey(message: Pick<IncomingMessage, "id" | "conversation">): string {
  return `${message.conversation.channel}:${message.id}`;
}
