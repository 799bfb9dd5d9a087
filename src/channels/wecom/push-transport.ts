// WeCom's outbound half for the durable outbox: renders a PushMessage into bodies and
// delivers one body to a named destination — a group webhook, or (long-connection mode) a chat
// through aibot_send_msg — and maps WeCom's answer to a DeliveryOutcome. The outbox queues,
// keeps 20/min per destination and never drops; nothing here retries on its own.
import type { Logger } from "pino";
import type { DeliveryOutcome, PushTransport } from "../../push/push.ts";
import { LongConnectionSendError } from "./long-connection.ts";
import { renderPush, type WecomPushBody } from "./render.ts";
import { WebhookTransportError, type WebhookAnswer, type WebhookClient } from "./webhook-client.ts";

/** §6.6/§6.7: over the 20/min limit; the window is about a minute. */
export const RATE_LIMITED_RETRY_MS = 60_000;
/** 93000/93004/93008 and unknown codes need an admin: keep the message, try again much later. */
export const NEEDS_ADMIN_RETRY_MS = 60 * 60_000;
/** A standby replica leaves chat pushes to the one holding the long connection; offered again after this. */
export const NOT_HELD_RETRY_MS = 2_000;
/** §6.7 45009; 130101 "send too fast" is only observed [S23]. */
const RATE_LIMITED = new Set([45009, 130101]);
/** §6.7: -1 system busy. Left to the outbox's backoff. */
const BUSY = -1;
const NEEDS_ADMIN: Record<number, string> = {
  93000: "webhook URL invalid or the robot was removed from the group",
  93004: "robot disabled",
  93008: "robot not in the group",
};

export interface PushTransportOptions {
  /** Destination → webhook send URL. */
  webhooks: ReadonlyMap<string, string>;
  /** Destination → chatid (long-connection mode). */
  chats?: ReadonlyMap<string, string>;
  webhook: WebhookClient;
  /** The long connection's proactive send, when the robot runs in that mode. */
  chatSend?: (chatid: string, body: WecomPushBody) => Promise<void>;
  /** Whether this process holds the long connection (with several replicas only one does). */
  holdsConnection?: () => boolean;
  log: Logger;
}

export function createPushTransport(options: PushTransportOptions): PushTransport {
  const { webhooks, webhook, log } = options;
  const chats = options.chats ?? new Map<string, string>();

  /** Errors are logged by destination name: the URL holds the key. */
  function outcome(destination: string, answer: WebhookAnswer): DeliveryOutcome {
    const { errcode, errmsg } = answer;
    if (errcode === 0) return { ok: true };
    const reason = `errcode ${errcode}: ${errmsg}`;
    if (RATE_LIMITED.has(errcode)) return { ok: false, reason, retryInMs: RATE_LIMITED_RETRY_MS };
    if (errcode === BUSY) return { ok: false, reason };
    log.error(
      { destination, errcode, meaning: NEEDS_ADMIN[errcode] ?? "not retryable as is" },
      "WeCom refused a push; kept for a later retry",
    );
    return { ok: false, reason, retryInMs: NEEDS_ADMIN_RETRY_MS };
  }

  async function toWebhook(url: string, body: WecomPushBody): Promise<WebhookAnswer> {
    if (body.msgtype !== "file_upload") return webhook.post(url, body);
    return webhook.file(url, body.file_upload.filename, Buffer.from(body.file_upload.base64, "base64"));
  }

  return {
    channel: "wecom",
    hasDestination: (destination) =>
      webhooks.has(destination) || (chats.has(destination) && options.chatSend !== undefined),
    render: (message) => renderPush(message),
    async deliver(destination, body) {
      const url = webhooks.get(destination);
      const chatid = chats.get(destination);
      try {
        if (url) return outcome(destination, await toWebhook(url, body as WecomPushBody));
        if (chatid && options.chatSend) {
          if (options.holdsConnection && !options.holdsConnection()) {
            return {
              ok: false,
              reason: "the long connection is held by another replica",
              retryInMs: NOT_HELD_RETRY_MS,
              elsewhere: true,
            };
          }
          await options.chatSend(chatid, body as WecomPushBody);
          return { ok: true };
        }
      } catch (error) {
        if (error instanceof LongConnectionSendError && error.errcode !== undefined) {
          return outcome(destination, { errcode: error.errcode, errmsg: error.errmsg });
        }
        if (error instanceof WebhookTransportError || error instanceof LongConnectionSendError) {
          return { ok: false, reason: error.message }; // network: the outbox backs off
        }
        throw error;
      }
      return {
        ok: false,
        reason: `no WeCom webhook or chat for destination ${destination}`,
        retryInMs: NEEDS_ADMIN_RETRY_MS,
      };
    },
  };
}
