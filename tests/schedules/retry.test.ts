// A failed tick (Redis blip at 09:00 Monday) is retried within its day, as of the tick's time,
// so that week's digest is still sent — once, however many replicas retry.
import { Redis } from "ioredis";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PushTransport } from "../../src/push/push.ts";
import { createScheduleRunner } from "../../src/bot/schedule-runner.ts";
import { defineSchedule, type ScheduleSettingsByName } from "../../src/bot/schedule.ts";
import { weekId } from "../../src/domain/periods.ts";
import { createHolidayCalendar } from "../../src/domain/holidays.ts";
import { createKeys } from "../../src/store/keys.ts";
import { createOutbox } from "../../src/push/outbox.ts";
import type { RedisStore as Store } from "../../src/store/store.ts";
import { redisPort, silentLog } from "../helpers/test-bot.ts";

const settings: ScheduleSettingsByName = { digest: {} };

/** A digest-like schedule whose first `failures` runs throw, as a Redis error would. */
function flaky(failures: number) {
  const runs: Date[] = [];
  const schedule = defineSchedule({
    name: "digest",
    summary: "test",
    settings: {},
    cron: () => "0 9 * * 1",
    period: ({ today }) => weekId(today),
    async run(ctx) {
      runs.push(ctx.now);
      if (runs.length <= failures) throw new Error("connect ECONNREFUSED 127.0.0.1:6379");
      await ctx.send("leaders", { title: "周报", markdown: `周报 ${ctx.period}` });
    },
  });
  return { schedule, runs };
}

function runnerFor(
  schedule: ReturnType<typeof flaky>["schedule"],
  send: Parameters<typeof createScheduleRunner>[0]["send"],
  retry = { firstMs: 30_000, maxMs: 600_000 },
  clock?: () => number,
) {
  const outcomes: string[] = [];
  let succeeded!: () => void;
  /** Resolves when a run of the schedule succeeds. */
  const ok = new Promise<void>((resolve) => {
    succeeded = resolve;
  });
  const runner = createScheduleRunner({
    schedules: [schedule],
    settings,
    store: {} as Store,
    send,
    calendar: createHolidayCalendar(),
    log: silentLog,
    retry,
    ...(clock ? { clock } : {}),
    observe: (_name, outcome) => {
      outcomes.push(outcome);
      if (outcome === "ok") succeeded();
    },
  });
  return { runner, outcomes, ok };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("schedule retry", () => {
  it("retries a failed Monday 09:00 tick with backoff, as of the tick, until it sends", async () => {
    const tick = new Date("2026-03-16T09:00:00+08:00");
    vi.useFakeTimers({ now: tick });
    const { schedule, runs } = flaky(2);
    const sent: string[] = [];
    const { runner, outcomes } = runnerFor(schedule, async (_d, _m, o) => {
      sent.push(o!.dedupeKey!);
      return { queued: 1, duplicate: false };
    });
    await runner.tick("digest", tick);
    expect(outcomes).toEqual(["failed"]);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(runs).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(outcomes).toEqual(["failed", "failed"]);
    await vi.advanceTimersByTimeAsync(60_000); // the wait doubles
    expect(outcomes).toEqual(["failed", "failed", "ok"]);
    expect(runs.map((d) => d.toISOString())).toEqual([tick, tick, tick].map((d) => d.toISOString()));
    expect(sent).toEqual(["digest:2026-W12:leaders"]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("gives up at the end of the tick's China day", async () => {
    const tick = new Date("2026-03-16T23:58:00+08:00");
    vi.useFakeTimers({ now: tick });
    const { schedule, runs } = flaky(100);
    const { runner } = runnerFor(schedule, async () => ({ queued: 1, duplicate: false }));
    await runner.tick("digest", tick);
    await vi.advanceTimersByTimeAsync(24 * 3600_000);
    // 23:58:00, 23:58:30, 23:59:30; the next wait (2 min) would cross midnight.
    expect(runs).toHaveLength(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("stop() cancels the retries that are waiting", async () => {
    const tick = new Date("2026-03-16T09:00:00+08:00");
    vi.useFakeTimers({ now: tick });
    const { schedule, runs } = flaky(1);
    const { runner } = runnerFor(schedule, async () => ({ queued: 1, duplicate: false }));
    await runner.tick("digest", tick);
    await runner.stop();
    await vi.advanceTimersByTimeAsync(3600_000);
    expect(runs).toHaveLength(1);
  });

  it("queues the digest once when two replicas both fail and retry (real Redis outbox)", async () => {
    const redis = new Redis({ port: redisPort() });
    try {
      const transport: PushTransport = {
        channel: "wecom",
        hasDestination: (d) => d === "leaders",
        render: (m) => [{ text: m.markdown }],
        deliver: async () => ({ ok: true }),
      };
      const outbox = createOutbox(redis, createKeys(`rt${Math.random().toString(36).slice(2, 10)}`), {
        transports: [transport],
        log: silentLog,
      });
      const tick = new Date("2026-03-16T09:00:00+08:00");
      const a = runnerFor(flaky(1).schedule, outbox.send, { firstMs: 5, maxMs: 20 }, () => tick.getTime());
      const b = runnerFor(flaky(2).schedule, outbox.send, { firstMs: 7, maxMs: 20 }, () => tick.getTime());
      await Promise.all([a.runner.tick("digest", tick), b.runner.tick("digest", tick)]);
      await Promise.all([a.ok, b.ok]);
      expect(a.outcomes).toEqual(["failed", "ok"]);
      expect(b.outcomes).toEqual(["failed", "failed", "ok"]);
      expect((await outbox.stats()).pending).toBe(1);
      await Promise.all([a.runner.stop(), b.runner.stop()]);
    } finally {
      await redis.quit();
    }
  });
});
