// The two DingTalk signatures: the robot callback's `sign` header (protocol §1.3) and the
// custom-robot webhook's signed URL (§3.3). Both are Base64(HMAC-SHA256(secret, ts + "\n" + secret)).
import { createHmac, timingSafeEqual } from "node:crypto";

/** §1.3: reject when |now − timestamp| > 1 hour; exactly one hour is still accepted. */
export const CALLBACK_WINDOW_MS = 3_600_000;

/** Base64(HMAC-SHA256(key = secret, data = timestamp + "\n" + secret)), standard alphabet with padding. */
export function signature(timestamp: string, secret: string): string {
  return createHmac("sha256", secret).update(`${timestamp}\n${secret}`, "utf8").digest("base64");
}

export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: "missing" | "malformed timestamp" | "stale" | "mismatch" };

/**
 * Checks the callback headers. The signature covers only the timestamp (§1.3), so the clock
 * window and msgId deduplication are what limit replays; compared in constant time.
 */
export function verifySignature(
  headers: { timestamp: string | undefined; sign: string | undefined },
  secret: string,
  nowMs: number,
): SignatureCheck {
  const { timestamp, sign } = headers;
  if (!timestamp || !sign) return { ok: false, reason: "missing" };
  if (!/^\d{1,16}$/.test(timestamp)) return { ok: false, reason: "malformed timestamp" };
  if (Math.abs(nowMs - Number(timestamp)) > CALLBACK_WINDOW_MS) return { ok: false, reason: "stale" };
  // The header is the signature verbatim (plain base64, not URL-encoded). It must be exactly
  // the canonical encoding — Buffer.from(…, "base64") would ignore anything appended, and the
  // last character's two unused bits let a sibling string decode to the same bytes — and its
  // decoded bytes must be the HMAC: both compared in constant time.
  const expectedText = signature(timestamp, secret);
  const given = Buffer.from(sign, "utf8");
  const expected = Buffer.from(expectedText, "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "mismatch" };
  const decoded = Buffer.from(sign, "base64");
  const digest = Buffer.from(expectedText, "base64");
  if (decoded.length !== digest.length || !timingSafeEqual(decoded, digest)) return { ok: false, reason: "mismatch" };
  return { ok: true };
}

/**
 * §3.3: the webhook URL with "&timestamp=…&sign=…" appended; the sign is URL-encoded once
 * (encodeURIComponent agrees with Java's URLEncoder on base64 output).
 */
export function signWebhookUrl(url: string, secret: string, nowMs: number): string {
  const timestamp = String(nowMs);
  const separator = url.includes("?") ? "&" : "?";
  return `${url}${separator}timestamp=${timestamp}&sign=${encodeURIComponent(signature(timestamp, secret))}`;
}
