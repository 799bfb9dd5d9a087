// The shared deadline of outgoing channel calls.
import { describe, expect, it } from "vitest";
import { deadline, DeadlineError } from "../../src/bot/deadline.ts";
import { errorReason } from "../../src/channels/wecom/error-reason.ts";

describe("deadline", () => {
  it("shares one signal within a slot and aborts it with a DeadlineError after the timeout", async () => {
    const started = Date.now();
    const a = deadline(50);
    expect(deadline(50)).toBe(a);
    expect(deadline(60)).not.toBe(a);
    await new Promise((resolve) => a.addEventListener("abort", resolve, { once: true }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(a.reason).toBeInstanceOf(DeadlineError);
    expect((a.reason as DeadlineError).message).toBe("no answer within 50 ms");
  });

  it("is read as a timeout where AbortSignal.timeout() used to be", () => {
    expect(errorReason(new DeadlineError(10_000))).toBe("no answer in time");
  });
});
