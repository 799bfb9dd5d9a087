// A schedule is data plus a function, like a command. It owns its settings (day, time,
// destination…: each with a default and the environment variable that overrides it), so a new
// schedule is one file plus its line in schedules/index.ts. The runner owns the time zone
// (Asia/Shanghai whatever the server's clock zone), the once-per-period guarantee and errors;
// `run` only computes and sends.
import type { Logger } from "pino";
import type { ChartRenderer } from "../charts/chart-renderer.ts";
import type { z } from "zod";
import type { HolidayCalendar } from "../domain/holidays.ts";
import type { IsoDate } from "../domain/types.ts";
import type { PushMessage, SendReceipt } from "../push/push.ts";
import type { Store } from "../store/types.ts";
import type { DashboardLinks } from "./dashboard-links.ts";

/** One setting: the variable that sets it (read by config.ts) and its schema with the default. */
export interface SettingSpec<T> {
  env: string;
  /** One line for .env.example and the README. */
  comment: string;
  schema: z.ZodType<T>;
}

export type SettingSpecs<S> = { [K in keyof S]: SettingSpec<S[K]> };

/** Resolved settings of every schedule, by schedule name. */
export type ScheduleSettingsByName = Record<string, Record<string, unknown>>;

/** Deployment-wide facts every schedule may use. */
export interface ScheduleEnvironment {
  /** "XX县": titles of files and 通报. */
  countyName: string;
}

export interface ScheduleContext<S = Record<string, unknown>> {
  /** The tick's time (or --now for a run by hand). */
  now: Date;
  today: IsoDate;
  /** The period this run stands for ("2026-W47"): a destination gets one message per period. */
  period: string;
  store: Store;
  settings: S;
  environment: ScheduleEnvironment;
  calendar: HolidayCalendar;
  log: Logger;
  dryRun: boolean;
  /** Renders charts to attach; null when charts are off (no font, CHARTS=off). */
  charts: ChartRenderer | null;
  /** Signed dashboard links; null without DASHBOARD_SECRET. */
  dashboard: DashboardLinks | null;
  send(destination: string, message: PushMessage): Promise<SendReceipt>;
}

export interface Schedule<S = Record<string, unknown>> {
  name: string;
  summary: string;
  settings: SettingSpecs<S>;
  /** node-cron expression (seconds optional), read in China time. */
  cron(settings: S): string;
  /**
   * The period a tick belongs to, or null to let this tick pass (not the day, a holiday).
   * `byHand` runs (npm run schedule) always get a period.
   */
  period(tick: TickInfo<S>): string | null;
  run(ctx: ScheduleContext<S>): Promise<void>;
}

export interface TickInfo<S = Record<string, unknown>> {
  now: Date;
  today: IsoDate;
  settings: S;
  calendar: HolidayCalendar;
  byHand: boolean;
}

export function defineSchedule<S>(schedule: Schedule<S>): Schedule {
  return schedule as unknown as Schedule;
}

/**
 * A schedule's settings from environment variables (unset or empty: the default); problems are
 * collected as "VAR: message" lines.
 */
export function readScheduleSettings(
  schedule: Schedule,
  env: Record<string, string | undefined>,
  problems: string[],
): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(schedule.settings)) {
    const raw = env[spec.env];
    const parsed = spec.schema.safeParse(raw === "" ? undefined : raw);
    if (parsed.success) settings[key] = parsed.data;
    else problems.push(`${spec.env}: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  }
  return settings;
}

/** Every schedule's settings at their defaults (tests, tools without configuration). */
export function defaultScheduleSettings(schedules: readonly Schedule[]): ScheduleSettingsByName {
  const problems: string[] = [];
  const all = Object.fromEntries(schedules.map((s) => [s.name, readScheduleSettings(s, {}, problems)]));
  if (problems.length) throw new Error(problems.join("\n"));
  return all;
}

/** "09:00" → [9, 0]. */
export function clockTime(time: string): [number, number] {
  const [h, m] = time.split(":").map(Number);
  return [h ?? 0, m ?? 0];
}
