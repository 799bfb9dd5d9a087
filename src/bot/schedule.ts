// A schedule is data plus a function, like a command. The runner owns the time zone
// (Asia/Shanghai whatever the server's clock zone), the once-per-period guarantee and errors;
// `run` only computes and sends.
import type { Logger } from "pino";
import type { ChartRenderer } from "../charts/chart-renderer.ts";
import type { HolidayCalendar } from "../domain/holidays.ts";
import type { IsoDate } from "../domain/types.ts";
import type { PushMessage, SendReceipt } from "../push/push.ts";
import type { Store } from "../store/types.ts";
import type { DashboardLinks } from "./dashboard-links.ts";

export interface ScheduleSettings {
  digest: { day: number; time: string; destination: string };
  reminder: { day: number; time: string; destination: string; staleDays: number; maxPerWeek: number };
}

export interface ScheduleContext {
  /** The tick's time (or --now for a run by hand). */
  now: Date;
  today: IsoDate;
  /** The period this run stands for ("2026-W47"): a destination gets one message per period. */
  period: string;
  store: Store;
  settings: ScheduleSettings;
  calendar: HolidayCalendar;
  log: Logger;
  dryRun: boolean;
  /** Renders charts to attach; null when charts are off (no font, CHARTS=off). */
  charts: ChartRenderer | null;
  /** Signed dashboard links; null without DASHBOARD_SECRET. */
  dashboard: DashboardLinks | null;
  send(destination: string, message: PushMessage): Promise<SendReceipt>;
}

export interface Schedule {
  name: string;
  summary: string;
  /** node-cron expression (seconds optional), read in China time. */
  cron(settings: ScheduleSettings): string;
  /**
   * The period a tick belongs to, or null to let this tick pass (not the day, a holiday).
   * `byHand` runs (npm run schedule) always get a period.
   */
  period(tick: TickInfo): string | null;
  run(ctx: ScheduleContext): Promise<void>;
}

export interface TickInfo {
  now: Date;
  today: IsoDate;
  settings: ScheduleSettings;
  calendar: HolidayCalendar;
  byHand: boolean;
}

export function defineSchedule(schedule: Schedule): Schedule {
  return schedule;
}

/** "09:00" → [9, 0]. */
export function clockTime(time: string): [number, number] {
  const [h, m] = time.split(":").map(Number);
  return [h ?? 0, m ?? 0];
}
