// Deadlines for the channels' outgoing HTTP calls (replies, pushes), which run for every message:
// the calls started within the same slot of a fifth of the timeout share one AbortController and
// one timer, which abort them between `timeoutMs` and 1.2 × `timeoutMs` after they started. A
// controller and a timer per call were the largest single cost of a DingTalk reply, and
// AbortSignal.timeout() costs about four times as much again on Node 20.
import { setMaxListeners } from "node:events";

/** The abort reason; named like AbortSignal.timeout()'s so that callers read it the same way. */
export class DeadlineError extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = "TimeoutError";
  }
}

const slots = new Map<number, { until: number; signal: AbortSignal }>();

/** A signal that aborts at least `timeoutMs` (at most 1.2 × that) from now, shared within a slot. */
export function deadline(timeoutMs: number): AbortSignal {
  const now = Date.now();
  const slot = slots.get(timeoutMs);
  if (slot && slot.until > now) return slot.signal;
  const width = Math.max(1, Math.floor(timeoutMs / 5));
  const controller = new AbortController();
  // One listener per call in flight; they are all expected.
  setMaxListeners(0, controller.signal);
  setTimeout(() => controller.abort(new DeadlineError(timeoutMs)), timeoutMs + width).unref();
  slots.set(timeoutMs, { until: now + width, signal: controller.signal });
  return controller.signal;
}
