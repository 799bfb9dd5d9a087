// Runs schedules on node-cron in China time. Every replica runs the same ticks; each message
// is queued in the outbox under a dedupe key (schedule, period, destination), so it is sent
// once per period however many processes tick, and a crash after queueing loses nothing.
import cron, { type ScheduledTask } from "node-cron";
import type { Logger } from "pino";
import { chinaDate } from "../domain/china-time.ts";
import type { HolidayCalendar } from "../domain/holidays.ts";
import type { Store } from "../store/store.ts";
import type { PushMessage, SendFn, SendReceipt } from "./push.ts";
import type { Schedule, ScheduleContext, ScheduleSettings } from "./schedule.ts";

export const SCHEDULE_TIME_ZONE = "Asia/Shanghai";

export interface RunnerDeps {
  schedules: readonly Schedule[];
  settings: ScheduleSettings;
  store: Store;
  send: SendFn;
  calendar: HolidayCalendar;
  log: Logger;
}

export interface RunResult {
  period: string | null;
  sends: Array<{ destination: string; message: PushMessage; receipt: SendReceipt }>;
}

export function createScheduleRunner(deps: RunnerDeps) {
  const tasks: ScheduledTask[] = [];

  async function run(schedule: Schedule, now: Date, options: { byHand: boolean; dryRun: boolean }): Promise<RunResult> {
    const today = chinaDate(now);
    const period = schedule.period({ now, today, settings: deps.settings, calendar: deps.calendar, byHand: options.byHand });
    const result: RunResult = { period, sends: [] };
    if (period === null) return result;
    const log = deps.log.child({ schedule: schedule.name, period });
    const ctx: ScheduleContext = {
      now,
      today,
      period,
      store: deps.store,
      settings: deps.settings,
      calendar: deps.calendar,
      log,
      dryRun: options.dryRun,
      async send(destination, message) {
        const receipt = options.dryRun
          ? { queued: 0, duplicate: false }
          : await deps.send(destination, message, { dedupeKey: `${schedule.name}:${period}:${destination}` });
        result.sends.push({ destination, message, receipt });
        log.info({ destination, queued: receipt.queued, duplicate: receipt.duplicate, dryRun: options.dryRun }, "schedule send");
        return receipt;
      },
    };
    await schedule.run(ctx);
    return result;
  }

  return {
    /** Runs one schedule now, as a tick at `now` would (byHand: whatever the day). */
    runOnce(name: string, now: Date, options: { byHand?: boolean; dryRun?: boolean } = {}): Promise<RunResult> {
      const schedule = deps.schedules.find((s) => s.name === name);
      if (!schedule) throw new Error(`no schedule named ${name}; known: ${deps.schedules.map((s) => s.name).join(", ")}`);
      return run(schedule, now, { byHand: options.byHand ?? true, dryRun: options.dryRun ?? false });
    },

    start(): void {
      for (const schedule of deps.schedules) {
        const expression = schedule.cron(deps.settings);
        const task = cron.schedule(
          expression,
          async (tick) => {
            try {
              await run(schedule, tick.date, { byHand: false, dryRun: false });
            } catch (err) {
              deps.log.error({ err, schedule: schedule.name }, "schedule run failed");
            }
          },
          { timezone: SCHEDULE_TIME_ZONE, name: schedule.name, noOverlap: true },
        );
        tasks.push(task);
        deps.log.info({ schedule: schedule.name, cron: expression, timeZone: SCHEDULE_TIME_ZONE }, "schedule started");
      }
    },

    async stop(): Promise<void> {
      await Promise.all(tasks.splice(0).map((t) => t.destroy()));
    },
  };
}
