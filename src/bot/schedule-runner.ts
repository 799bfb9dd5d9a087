// Runs schedules on node-cron in China time. Every replica runs the same ticks; each message
// is queued in the outbox under a dedupe key (schedule, period, destination), so it is sent
// once per period however many processes tick, and a crash after queueing loses nothing.
// A tick that fails (Redis unreachable at 09:00 Monday) is retried with backoff until the end
// of its China day, with the tick's own time, so the retry lands in the same period and the
// dedupe key still makes it once across replicas.
import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "pino";
import type { ChartRenderer } from "../charts/chart-renderer.ts";
import { addDays, chinaDate } from "../domain/china-time.ts";
import type { HolidayCalendar } from "../domain/holidays.ts";
import type { PushMessage, SendFn, SendReceipt } from "../push/push.ts";
import type { Store } from "../store/types.ts";
import type { DashboardLinks } from "./dashboard-links.ts";
import {
  readScheduleSettings,
  type Schedule,
  type ScheduleContext,
  type ScheduleEnvironment,
  type ScheduleSettingsByName,
} from "./schedule.ts";

export const SCHEDULE_TIME_ZONE = "Asia/Shanghai";

export interface RunnerDeps {
  schedules: readonly Schedule[];
  /** Settings by schedule name (from config.ts); a schedule missing here runs with its defaults. */
  settings?: ScheduleSettingsByName;
  environment?: ScheduleEnvironment;
  store: Store;
  send: SendFn;
  /** The calendar, or a loader read at each run (admins add holidays in chat). */
  calendar: HolidayCalendar | (() => Promise<HolidayCalendar>);
  log: Logger;
  /** Called after every attempt of a tick (metrics). */
  observe?: (schedule: string, outcome: "ok" | "failed") => void;
  /** Backoff of a failed tick's retries: first wait, doubling up to max. */
  retry?: { firstMs: number; maxMs: number };
  /** Wall clock, for the retry window (tests pin it). */
  clock?: () => number;
  /** Renders chart images for pushes; absent or null: text only. */
  charts?: ChartRenderer | null;
  /** Signed dashboard links; absent or null without DASHBOARD_SECRET. */
  dashboard?: DashboardLinks | null;
}

export const DEFAULT_RETRY = { firstMs: 30_000, maxMs: 10 * 60_000 };

/** Retries of a tick stop at the end of the tick's China day. */
export function retryDeadline(tick: Date): number {
  return Date.parse(`${addDays(chinaDate(tick), 1)}T00:00:00+08:00`);
}

export interface RunResult {
  period: string | null;
  sends: Array<{ destination: string; message: PushMessage; receipt: SendReceipt }>;
}

export function createScheduleRunner(deps: RunnerDeps) {
  const tasks: ScheduledTask[] = [];
  const retries = new Set<NodeJS.Timeout>();
  const inFlight = new Set<Promise<void>>();
  const retry = deps.retry ?? DEFAULT_RETRY;
  const clock = deps.clock ?? Date.now;
  let stopped = false;
  const environment: ScheduleEnvironment = deps.environment ?? { countyName: "本县" };
  const settingsOf = (schedule: Schedule) => deps.settings?.[schedule.name] ?? readScheduleSettings(schedule, {}, []);
  /** Schedules whose last attempt failed: name → which tick and why (cleared by a success). */
  const failed = new Map<string, { at: Date; reason: string }>();

  async function run(schedule: Schedule, now: Date, options: { byHand: boolean; dryRun: boolean }): Promise<RunResult> {
    const today = chinaDate(now);
    const calendar = typeof deps.calendar === "function" ? await deps.calendar() : deps.calendar;
    const settings = settingsOf(schedule);
    const period = schedule.period({ now, today, settings, calendar, byHand: options.byHand });
    const result: RunResult = { period, sends: [] };
    if (period === null) return result;
    const log = deps.log.child({ schedule: schedule.name, period });
    const ctx: ScheduleContext = {
      now,
      today,
      period,
      store: deps.store,
      settings,
      environment,
      calendar,
      log,
      dryRun: options.dryRun,
      charts: deps.charts ?? null,
      dashboard: deps.dashboard ?? null,
      async send(destination, message) {
        const receipt = options.dryRun
          ? { queued: 0, duplicate: false }
          : await deps.send(destination, message, { dedupeKey: `${schedule.name}:${period}:${destination}` });
        result.sends.push({ destination, message, receipt });
        log.info(
          { destination, queued: receipt.queued, duplicate: receipt.duplicate, dryRun: options.dryRun },
          "schedule send",
        );
        return receipt;
      },
    };
    await schedule.run(ctx);
    return result;
  }

  /** One attempt of a cron tick; a failure schedules the next attempt within the tick's day. */
  async function attempt(schedule: Schedule, at: Date, attempt: number): Promise<void> {
    try {
      await run(schedule, at, { byHand: false, dryRun: false });
      failed.delete(schedule.name);
      deps.observe?.(schedule.name, "ok");
      if (attempt > 0) deps.log.info({ schedule: schedule.name, attempt }, "schedule retry succeeded");
    } catch (err) {
      deps.observe?.(schedule.name, "failed");
      failed.set(schedule.name, { at, reason: err instanceof Error ? err.message : String(err) });
      const wait = Math.min(retry.firstMs * 2 ** attempt, retry.maxMs);
      if (stopped || clock() + wait >= retryDeadline(at)) {
        deps.log.error(
          { err, schedule: schedule.name, tick: at.toISOString(), attempt },
          "schedule run failed; no retry left today",
        );
        return;
      }
      deps.log.warn(
        { err, schedule: schedule.name, tick: at.toISOString(), attempt, retryInMs: wait },
        "schedule run failed; will retry",
      );
      const timer = setTimeout(() => {
        retries.delete(timer);
        track(schedule, at, attempt + 1);
      }, wait);
      retries.add(timer);
    }
  }

  function track(schedule: Schedule, at: Date, n: number): Promise<void> {
    const p = attempt(schedule, at, n).finally(() => inFlight.delete(p));
    inFlight.add(p);
    return p;
  }

  return {
    /**
     * What a cron tick does: runs the schedule for the tick's time and retries it on failure.
     * Resolves after the first attempt (retries continue in the background until stop()).
     */
    tick(name: string, at: Date): Promise<void> {
      const schedule = deps.schedules.find((s) => s.name === name);
      if (!schedule) throw new Error(`no schedule named ${name}`);
      return track(schedule, at, 0);
    },

    /** Runs one schedule now, as a tick at `now` would (byHand: whatever the day). */
    runOnce(name: string, now: Date, options: { byHand?: boolean; dryRun?: boolean } = {}): Promise<RunResult> {
      const schedule = deps.schedules.find((s) => s.name === name);
      if (!schedule)
        throw new Error(`no schedule named ${name}; known: ${deps.schedules.map((s) => s.name).join(", ")}`);
      return run(schedule, now, { byHand: options.byHand ?? true, dryRun: options.dryRun ?? false });
    },

    start(): void {
      stopped = false;
      for (const schedule of deps.schedules) {
        const expression = schedule.cron(settingsOf(schedule));
        const task = cron.schedule(expression, (tick) => track(schedule, tick.date, 0), {
          timezone: SCHEDULE_TIME_ZONE,
          name: schedule.name,
          noOverlap: true,
        });
        tasks.push(task);
        deps.log.info({ schedule: schedule.name, cron: expression, timeZone: SCHEDULE_TIME_ZONE }, "schedule started");
      }
    },

    /** /healthz reasons: schedules whose last attempt failed (retried or not). */
    problems(): string[] {
      return [...failed].map(
        ([name, f]) => `schedule ${name}: the run for ${f.at.toISOString()} failed: ${f.reason.split("\n")[0]}`,
      );
    },

    /** Stops the ticks and pending retries, then waits for runs under way. */
    async stop(): Promise<void> {
      stopped = true;
      await Promise.all(tasks.splice(0).map((t) => t.destroy()));
      for (const timer of retries) clearTimeout(timer);
      retries.clear();
      await Promise.all([...inFlight]);
    },
  };
}
