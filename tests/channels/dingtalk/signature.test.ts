import { describe, expect, it } from "vitest";
import {
  CALLBACK_WINDOW_MS,
  signature,
  signWebhookUrl,
  verifySignature,
} from "../../../src/channels/dingtalk/signature.ts";

// Worked vectors of the protocol reference: §1.3 (callback, official Java snippet run
// unchanged) and §3.3 (custom-robot webhook, official Java and Python snippets).
const CALLBACK = {
  timestamp: "1577262236757",
  secret: "this is a secret",
  sign: "DJrE6qdyVGCQz9z5r2MDuNcNAhwYnuAkyj13cx169CA=",
};
const WEBHOOK = {
  timestamp: 1577262236757,
  secret: "this is secret",
  raw: "hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=",
  encoded: "hmPWwU%2B7lVdm3ZZz0r9tSfx0L4Q26jWOZr9%2BGs6EZQM%3D",
};
const at = Number(CALLBACK.timestamp);

describe("callback signature (§1.3)", () => {
  it("matches the official worked example", () => {
    expect(signature(CALLBACK.timestamp, CALLBACK.secret)).toBe(CALLBACK.sign);
    expect(verifySignature({ timestamp: CALLBACK.timestamp, sign: CALLBACK.sign }, CALLBACK.secret, at)).toEqual({
      ok: true,
    });
  });

  it("refuses a tampered sign, timestamp or secret", () => {
    const flipped = `E${CALLBACK.sign.slice(1)}`;
    expect(verifySignature({ timestamp: CALLBACK.timestamp, sign: flipped }, CALLBACK.secret, at)).toEqual({
      ok: false,
      reason: "mismatch",
    });
    expect(verifySignature({ timestamp: String(at + 1), sign: CALLBACK.sign }, CALLBACK.secret, at)).toEqual({
      ok: false,
      reason: "mismatch",
    });
    expect(verifySignature({ timestamp: CALLBACK.timestamp, sign: CALLBACK.sign }, "this is secret", at)).toEqual({
      ok: false,
      reason: "mismatch",
    });
    // URL-encoded or truncated forms are not the header DingTalk sends.
    expect(
      verifySignature({ timestamp: CALLBACK.timestamp, sign: encodeURIComponent(CALLBACK.sign) }, CALLBACK.secret, at)
        .ok,
    ).toBe(false);
    expect(
      verifySignature({ timestamp: CALLBACK.timestamp, sign: CALLBACK.sign.slice(0, -1) }, CALLBACK.secret, at).ok,
    ).toBe(false);
  });

  it("refuses missing headers and a timestamp that is not milliseconds", () => {
    expect(verifySignature({ timestamp: undefined, sign: CALLBACK.sign }, CALLBACK.secret, at)).toEqual({
      ok: false,
      reason: "missing",
    });
    expect(verifySignature({ timestamp: CALLBACK.timestamp, sign: undefined }, CALLBACK.secret, at)).toEqual({
      ok: false,
      reason: "missing",
    });
    expect(verifySignature({ timestamp: "1577262236757.0", sign: CALLBACK.sign }, CALLBACK.secret, at)).toEqual({
      ok: false,
      reason: "malformed timestamp",
    });
  });

  it("accepts up to one hour of clock difference either way and refuses beyond", () => {
    const headers = { timestamp: CALLBACK.timestamp, sign: CALLBACK.sign };
    expect(verifySignature(headers, CALLBACK.secret, at + CALLBACK_WINDOW_MS)).toEqual({ ok: true });
    expect(verifySignature(headers, CALLBACK.secret, at - CALLBACK_WINDOW_MS)).toEqual({ ok: true });
    expect(verifySignature(headers, CALLBACK.secret, at + CALLBACK_WINDOW_MS + 1)).toEqual({
      ok: false,
      reason: "stale",
    });
    expect(verifySignature(headers, CALLBACK.secret, at - CALLBACK_WINDOW_MS - 1)).toEqual({
      ok: false,
      reason: "stale",
    });
  });
});

describe("webhook signature (§3.3)", () => {
  it("matches the official worked example, URL-encoded once", () => {
    expect(signature(String(WEBHOOK.timestamp), WEBHOOK.secret)).toBe(WEBHOOK.raw);
    expect(
      signWebhookUrl("https://oapi.dingtalk.com/robot/send?access_token=abc", WEBHOOK.secret, WEBHOOK.timestamp),
    ).toBe(`https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1577262236757&sign=${WEBHOOK.encoded}`);
  });
});
