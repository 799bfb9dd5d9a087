import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DeliveryOutcome, PushMessage, PushTransport } from "../../src/push/push.ts";
import { createKeys } from "../../src/store/keys.ts";
import { backoffMs, createOutbox } from "../../src/push/outbox.ts";
import { redisPort, silentLog } from "../helpers/test-bot.ts";

/** A transport that records posts and answers from a script of outcomes. */
function fakeTransport(channel: "wecom" | "dingtalk", destinations: string[]) {
  const posted: Array<{ destination: string; body: unknown }> = [];
  const outcomes: DeliveryOutcome[] = [];
  const transport: PushTransport = {
    channel,
    hasDestination: (d) => destinations.includes(d),
    render: (m: PushMessage) => m.markdown.split("\n---\n").map((part) => ({ title: m.title, part })),
    async deliver(destination, body) {
      const outcome = outcomes.shift() ?? { ok: true };
      if (outcome.ok) posted.push({ destination, body });
      return outcome;
    },
  };
  return { transport, posted, outcomes };
}

let redis: Redis;
let clock: number;
const keys = () => createKeys(`ob${Math.random().toString(36).slice(2, 10)}`);
beforeEach(() => {
  redis = new Redis({ port: redisPort() });
  clock = Date.parse("2026-03-16T09:00:00+08:00");
});
afterEach(async () => redis.quit());

describe("outbox", () => {
  it("delivers the pieces of a message in order to every channel serving the destination", async () => {
    const wecom = fakeTransport("wecom", ["leaders"]);
    const ding = fakeTransport("dingtalk", ["leaders", "work-group"]);
    const outbox = createOutbox(redis, keys(), {
      transports: [wecom.transport, ding.transport],
      log: silentLog,
      now: () => clock,
    });
    const receipt = await outbox.send("leaders", { title: "周报", markdown: "一\n---\n二\n---\n三" });
    expect(receipt).toEqual({ queued: 6, duplicate: false });
    expect(await outbox.runOnce()).toBe(6);
    expect(wecom.posted.map((p) => (p.body as { part: string }).part)).toEqual(["一", "二", "三"]);
    expect(ding.posted).toHaveLength(3);
    expect(await outbox.stats()).toEqual({ pending: 0, failing: 0, oldestAgeMs: null });
  });

  it("sends a message once per dedupe key", async () => {
    const wecom = fakeTransport("wecom", ["leaders"]);
    const outbox = createOutbox(redis, keys(), { transports: [wecom.transport], log: silentLog, now: () => clock });
    expect(
      (await outbox.send("leaders", { title: "t", markdown: "m" }, { dedupeKey: "digest:2026-W11" })).duplicate,
    ).toBe(false);
    expect(await outbox.send("leaders", { title: "t", markdown: "m" }, { dedupeKey: "digest:2026-W11" })).toEqual({
      queued: 0,
      duplicate: true,
    });
    await outbox.runOnce();
    expect(wecom.posted).toHaveLength(1);
  });

  it("queues beyond 20 a minute instead of failing, and sends the rest a minute later", async () => {
    const wecom = fakeTransport("wecom", ["leaders"]);
    const outbox = createOutbox(redis, keys(), { transports: [wecom.transport], log: silentLog, now: () => clock });
    for (let i = 0; i < 25; i++) await outbox.send("leaders", { title: "t", markdown: `m${i}` });
    await outbox.runOnce();
    expect(wecom.posted).toHaveLength(20);
    clock += 59_000;
    await outbox.runOnce();
    expect(wecom.posted).toHaveLength(20);
    clock += 1_000;
    await outbox.runOnce();
    expect(wecom.posted.map((p) => (p.body as { part: string }).part)).toEqual(
      Array.from({ length: 25 }, (_, i) => `m${i}`),
    );
  });

  it("keeps a failed piece at the head and retries it with backoff, holding back the ones after it", async () => {
    const wecom = fakeTransport("wecom", ["leaders"]);
    const outbox = createOutbox(redis, keys(), { transports: [wecom.transport], log: silentLog, now: () => clock });
    wecom.outcomes.push(
      { ok: false, reason: "errcode -1 system busy" },
      { ok: false, reason: "errcode 45009", retryInMs: 600_000 },
    );
    await outbox.send("leaders", { title: "t", markdown: "a\n---\nb" });
    await outbox.runOnce();
    expect(wecom.posted).toHaveLength(0);
    expect(await outbox.stats()).toMatchObject({ pending: 2, failing: 1 });
    clock += backoffMs(1);
    await outbox.runOnce();
    expect(wecom.posted).toHaveLength(0);
    clock += 599_999;
    await outbox.runOnce();
    expect(wecom.posted).toHaveLength(0);
    clock += 1;
    await outbox.runOnce();
    expect(wecom.posted.map((p) => (p.body as { part: string }).part)).toEqual(["a", "b"]);
  });

  it("offers a job another process can send again soon, without counting a failed attempt", async () => {
    const wecom = fakeTransport("wecom", ["leaders"]);
    const outbox = createOutbox(redis, keys(), { transports: [wecom.transport], log: silentLog, now: () => clock });
    const elsewhere: DeliveryOutcome = {
      ok: false,
      reason: "held by another replica",
      retryInMs: 2_000,
      elsewhere: true,
    };
    wecom.outcomes.push(elsewhere, elsewhere, { ok: false, reason: "errcode -1 system busy" });
    await outbox.send("leaders", { title: "t", markdown: "a" });
    await outbox.runOnce();
    expect(await outbox.stats()).toMatchObject({ pending: 1, failing: 0 });
    clock += 1_999;
    expect(await outbox.runOnce()).toBe(0);
    clock += 1;
    await outbox.runOnce();
    expect(await outbox.stats()).toMatchObject({ pending: 1, failing: 0 });
    // A real failure after two hand-overs is the first attempt: the first backoff step, not the third.
    clock += 2_000;
    await outbox.runOnce();
    expect(await outbox.stats()).toMatchObject({ pending: 1, failing: 1 });
    clock += backoffMs(1);
    await outbox.runOnce();
    expect(wecom.posted.map((p) => (p.body as { part: string }).part)).toEqual(["a"]);
    expect(await outbox.stats()).toMatchObject({ pending: 0 });
  });

  it("picks up a job whose worker died mid-send once its lease runs out", async () => {
    const k = keys();
    const wecom = fakeTransport("wecom", ["leaders"]);
    let crash = true;
    let sending!: () => void;
    const sendStarted = new Promise<void>((resolve) => {
      sending = resolve;
    });
    const dying: PushTransport = {
      ...wecom.transport,
      deliver: () => {
        sending();
        return crash ? new Promise(() => {}) : wecom.transport.deliver("leaders", {}, { id: "", attempt: 0 });
      },
    };
    const first = createOutbox(redis, k, { transports: [dying], log: silentLog, now: () => clock });
    await first.send("leaders", { title: "t", markdown: "only" });
    void first.runOnce(); // hangs forever: the process "died" holding the lease
    await sendStarted;
    crash = false;
    const second = createOutbox(redis, k, { transports: [wecom.transport], log: silentLog, now: () => clock });
    expect(await second.runOnce()).toBe(0);
    clock += 30_001;
    expect(await second.runOnce()).toBe(1);
    expect(wecom.posted.map((p) => (p.body as { part: string }).part)).toEqual(["only"]);
  });

  it("never delivers a piece twice when several workers run at once", async () => {
    const k = keys();
    const wecom = fakeTransport("wecom", ["leaders"]);
    const workers = [0, 1, 2].map(() =>
      createOutbox(new Redis({ port: redisPort() }), k, {
        transports: [wecom.transport],
        log: silentLog,
        now: () => clock,
      }),
    );
    for (let i = 0; i < 15; i++) await workers[0]!.send("leaders", { title: "t", markdown: `m${i}` });
    await Promise.all(workers.map((w) => w.runOnce()));
    expect(wecom.posted.map((p) => (p.body as { part: string }).part)).toEqual(
      Array.from({ length: 15 }, (_, i) => `m${i}`),
    );
  });

  it("refuses to queue for a destination no channel serves", async () => {
    const outbox = createOutbox(redis, keys(), {
      transports: [fakeTransport("wecom", ["leaders"]).transport],
      log: silentLog,
    });
    expect(await outbox.send("nobody", { title: "t", markdown: "m" })).toEqual({ queued: 0, duplicate: false });
  });
});

describe("outbox stop", () => {
  it("finishes the piece being sent, then stops, leaving the rest queued and no claim held", async () => {
    const k = keys();
    let release!: () => void;
    let firstStarted!: () => void;
    const sending = new Promise<void>((resolve) => {
      firstStarted = resolve;
    });
    const started: string[] = [];
    const transport: PushTransport = {
      channel: "wecom",
      hasDestination: () => true,
      render: (m) => [{ part: m.markdown }],
      async deliver(destination) {
        started.push(destination);
        firstStarted();
        if (started.length === 1) await new Promise<void>((r) => (release = r));
        return { ok: true };
      },
    };
    const outbox = createOutbox(redis, k, { transports: [transport], log: silentLog, now: () => clock });
    for (const d of ["a", "b", "c"]) await outbox.send(d, { title: "t", markdown: d });
    const run = outbox.runOnce();
    await sending;
    const stopped = outbox.stop();
    release();
    await stopped;
    await run;
    expect(started).toHaveLength(1);
    expect((await outbox.stats()).pending).toBe(2);
    expect(await redis.keys(`${k.prefix}out:lock:*`)).toEqual([]);
    expect(await outbox.runOnce()).toBe(2); // a run by hand afterwards still delivers
  });
});
