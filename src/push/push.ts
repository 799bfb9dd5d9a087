// Outbound pushes (digests, reminders) address a named destination, never a platform:
// "leaders", "work-group", or a unit's name. Each channel that has a webhook for the
// destination renders and delivers the message through the durable outbox.
import type { ChannelName } from "../domain/types.ts";

export interface PushMessage {
  /** Shown as the title in chat lists (DingTalk markdown) and as the first line elsewhere. */
  title: string;
  /** Body in the common Markdown subset: headings, **bold**, > quotes, plain lines. */
  markdown: string;
  /** Platform user ids to @-mention. */
  mention?: readonly string[];
  /** Files sent after the text where the platform can (WeCom webhooks: image, file); others skip them. */
  attachments?: ReadonlyArray<{ kind: "image" | "file"; filename: string; contentBase64: string }>;
  /** A page with the same content (the dashboard): offered where a platform cannot show the images. */
  link?: { title: string; url: string };
}

export type DeliveryOutcome =
  | { ok: true }
  | {
      ok: false;
      reason: string;
      /** When to try again; the outbox backs off by attempt count when absent. */
      retryInMs?: number;
      /**
       * Another process can send it and this one cannot (it holds the connection): the job goes
       * back without counting as a failed attempt, for whichever process claims it next.
       */
      elsewhere?: true;
    };

/** A channel's outbound half. */
export interface PushTransport {
  channel: ChannelName;
  /** Whether this channel has a webhook configured for the destination. */
  hasDestination(destination: string): boolean;
  /** JSON bodies for one message, split to the platform's limits, in sending order. */
  render(message: PushMessage): unknown[];
  /** Posts one body; `attempt` starts at 0 (a platform idempotency key may use jobId). */
  deliver(destination: string, body: unknown, job: { id: string; attempt: number }): Promise<DeliveryOutcome>;
}

export interface SendReceipt {
  /** Pieces queued, across all channels that serve the destination. */
  queued: number;
  /** The dedupe key was seen before: nothing was queued. */
  duplicate: boolean;
}

export type SendFn = (
  destination: string,
  message: PushMessage,
  options?: { dedupeKey?: string },
) => Promise<SendReceipt>;
