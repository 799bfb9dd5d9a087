// The one reader of callback bodies for every HTTP channel. Bodies are read raw: the
// Content-Type the platforms send is not something to rely on (WeCom does not document it), so
// no body parser's type detection decides whether a callback is read. The reader bounds what an
// unauthenticated client can cost: a size limit near what the platform actually sends (checked
// against Content-Length before reading, and while reading) and a deadline for the whole body,
// so a slow sender is cut off in seconds rather than held for Node's default five minutes.
import type { IncomingMessage } from "node:http";

/** Callbacks are a few KB; the platforms answer within 5 s and a real body arrives in milliseconds. */
export const BODY_TIMEOUT_MS = 10_000;

export type RawBody =
  | { ok: true; text: string }
  /** too-large → 413, timeout → 408; aborted: the client went away, nobody is listening. */
  | { ok: false; reason: "too-large" | "timeout" | "aborted" };

export interface RawBodyLimits {
  maxBytes: number;
  timeoutMs?: number;
}

/** The body as UTF-8 text, or why it was not read. Never rejects. */
export function readRawBody(req: IncomingMessage, limits: RawBodyLimits): Promise<RawBody> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limits.maxBytes) return Promise.resolve({ ok: false, reason: "too-large" });
  // Gone before we started reading (the request waited a turn): no event will come any more.
  if (req.destroyed && !req.complete) return Promise.resolve({ ok: false, reason: "aborted" });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: RawBody) => {
      clearTimeout(timer);
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onAbort);
      req.off("aborted", onAbort);
      req.off("close", onClose);
      // An error after we stopped listening must not become an unhandled 'error' event.
      if (!result.ok) req.on("error", () => undefined);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limits.maxBytes) finish({ ok: false, reason: "too-large" });
      else chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, text: Buffer.concat(chunks, size).toString("utf8") });
    const onAbort = () => finish({ ok: false, reason: "aborted" });
    // The connection closed before the body was complete: the client went away.
    const onClose = () =>
      finish(
        req.complete
          ? { ok: true, text: Buffer.concat(chunks, size).toString("utf8") }
          : { ok: false, reason: "aborted" },
      );
    const timer = setTimeout(() => finish({ ok: false, reason: "timeout" }), limits.timeoutMs ?? BODY_TIMEOUT_MS);
    timer.unref();
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("error", onAbort);
    req.once("aborted", onAbort);
    req.once("close", onClose);
  });
}

/** The status for a body that was not read; the connection is closed so the rest is never read. */
export const RAW_BODY_STATUS = { "too-large": 413, timeout: 408, aborted: 400 } as const;
