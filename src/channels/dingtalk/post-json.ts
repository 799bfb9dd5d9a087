// One JSON POST with a deadline covering the answer's body too. This runs for every reply, so
// the deadline is cheap: the posts started within the same slot of a fifth of the timeout share
// one AbortController and one timer, which abort them between `timeoutMs` and 1.2 × `timeoutMs`
// after they started. A controller and a timer per post were the largest single cost of a
// reply (AbortSignal.timeout() costs about four times as much again on Node 20).
import { setMaxListeners } from "node:events";

export interface PostAnswer {
  status: number;
  text: string;
}

export class PostTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
    this.name = "PostTimeoutError";
  }
}

export async function postJson(
  fetchFn: typeof fetch,
  url: string,
  body: unknown,
  timeoutMs: number,
  headers: Record<string, string> = {},
): Promise<PostAnswer> {
  const res = await fetchFn(url, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
    body: JSON.stringify(body),
    signal: deadline(timeoutMs),
  });
  return { status: res.status, text: await res.text() };
}

const slots = new Map<number, { until: number; signal: AbortSignal }>();

/** A signal that aborts at least `timeoutMs` (at most 1.2 × that) from now, shared within a slot. */
function deadline(timeoutMs: number): AbortSignal {
  const now = Date.now();
  const slot = slots.get(timeoutMs);
  if (slot && slot.until > now) return slot.signal;
  const width = Math.max(1, Math.floor(timeoutMs / 5));
  const controller = new AbortController();
  // One listener per post in flight; they are all expected.
  setMaxListeners(0, controller.signal);
  const timer = setTimeout(() => controller.abort(new PostTimeoutError(timeoutMs)), timeoutMs + width);
  timer.unref();
  slots.set(timeoutMs, { until: now + width, signal: controller.signal });
  return controller.signal;
}

/** The reason to log for a failed post: the timeout, or the network error's message. */
export function postFailure(error: unknown): string {
  return error instanceof PostTimeoutError ? error.message : (error as Error).message;
}
