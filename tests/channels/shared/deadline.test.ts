// The shared deadline of outgoing channel calls.
import { describe, expect, it } from "vitest";
import { deadline, DeadlineError } from "../../../src/channels/shared/deadline.ts";
import { errorReason } from "../../../src/channels/wecom/error-reason.ts";

describe("deadline", () => {
  it("shares one signal within a slot and aborts it with a DeadlineError after the timeout", async () => {
    const started = Date.now();
    // A slot is a fifth of the timeout (100 ms here): wide enough for two calls in a row on a busy machine.
    const a = deadline(500);
    expect(deadline(500)).toBe(a);
    expect(deadline(600)).not.toBe(a);
    await new Promise((resolve) => a.addEventListener("abort", resolve, { once: true }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(495);
    expect(a.reason).toBeInstanceOf(DeadlineError);
    expect((a.reason as DeadlineError).message).toBe("no answer within 500 ms");
  });

  it("is read as a timeout where AbortSignal.timeout() used to be", () => {
    expect(errorReason(new DeadlineError(10_000))).toBe("no answer in time");
  });
});
