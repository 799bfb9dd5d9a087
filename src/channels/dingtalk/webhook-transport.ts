// The DingTalk half of outbound pushes: renders a PushMessage into robot bodies and delivers
// one body to a named destination's custom robot. Queueing, the 20/min budget and "never
// drop" belong to the outbox (src/push/outbox.ts); this only maps DingTalk's answers onto
// DeliveryOutcome.
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { DeliveryOutcome, PushTransport } from "../../push/push.ts";
import type { DingtalkWebhook } from "../../config/dingtalk.ts";
import { renderPush } from "./render.ts";
import type { WebhookBody, WebhookClient } from "./webhook-client.ts";

/** §3.5: over 20/min the robot is throttled for 10 minutes; trying sooner only extends it. */
export const RATE_LIMITED_RETRY_MS = 10 * 60_000;
/** A refusal (bad token, robot removed, keyword or signature mismatch…) needs a person: retry rarely. */
export const REFUSED_RETRY_MS = 60 * 60_000;

export interface WebhookTransportDeps {
  webhooks: ReadonlyMap<string, DingtalkWebhook>;
  client: WebhookClient;
  log: Logger;
}

export function createWebhookTransport(deps: WebhookTransportDeps): PushTransport {
  const { log } = deps;
  return {
    channel: "dingtalk",
    hasDestination: (destination) => deps.webhooks.has(destination),
    // §3.4 msgUuid: fixed when the push is queued and stored with the job, so a resend after a
    // timeout that did reach DingTalk is not posted twice. Random rather than the outbox job id,
    // which is a Redis counter and could repeat after Redis lost data.
    render: (message): WebhookBody[] => renderPush(message).map((body) => ({ ...body, msgUuid: randomUUID() })),
    async deliver(destination, body, job): Promise<DeliveryOutcome> {
      const webhook = deps.webhooks.get(destination);
      if (!webhook) {
        log.error({ destination, job: job.id }, "no DingTalk webhook for this destination any more; push kept");
        return { ok: false, reason: "no webhook configured for the destination", retryInMs: REFUSED_RETRY_MS };
      }
      // Jobs queued before msgUuid was fixed at render time fall back to the job id.
      const queued = body as WebhookBody;
      const result = await deps.client.send(webhook, { ...queued, msgUuid: queued.msgUuid ?? job.id });
      if (result.ok) return { ok: true };
      switch (result.kind) {
        case "rate-limited":
          log.warn(
            { destination, job: job.id, errcode: result.errcode },
            "DingTalk robot throttled; retrying in 10 minutes",
          );
          return { ok: false, reason: result.reason, retryInMs: RATE_LIMITED_RETRY_MS };
        case "retryable":
          return { ok: false, reason: result.reason };
        case "refused":
          log.error(
            { destination, job: job.id, errcode: result.errcode, reason: result.reason },
            "DingTalk refused a push; kept and retried hourly",
          );
          return { ok: false, reason: result.reason, retryInMs: REFUSED_RETRY_MS };
      }
    },
  };
}
