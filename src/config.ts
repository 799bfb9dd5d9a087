// The only reader of process.env. Every problem is collected and reported at once.
import { existsSync, readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { parseMoney } from "./domain/amount.ts";
import { readDashboardConfig, type DashboardSettings } from "./config/dashboard.ts";
import { readDingtalkConfig, type DingtalkConfig } from "./config/dingtalk.ts";
import { readHolidaysFile } from "./config/holidays.ts";
import type { HolidayYear } from "./domain/holidays.ts";
import { readRedisSettings, type RedisSettings } from "./config/redis.ts";
import { readWecomConfig, type WecomConfig } from "./config/wecom.ts";
import type { QueryAccess } from "./bot/define.ts";
import { readScheduleSettings, type Schedule, type ScheduleSettingsByName } from "./bot/schedule.ts";
import {
  createIndustryTable,
  DEFAULT_INDUSTRIES,
  DEFAULT_MANUFACTURING,
  type IndustryTable,
} from "./domain/industry.ts";
import {
  createTalentLevels,
  DEFAULT_HIGH_LEVELS,
  DEFAULT_TALENT_LEVELS,
  type TalentLevels,
} from "./domain/talent-levels.ts";

export interface Config {
  port: number;
  /** Which Redis deployment (single server, Sentinel, Cluster) and how writes are confirmed. */
  redis: RedisSettings;
  /** /healthz fails when a push has waited longer than this. */
  healthOutboxMaxAgeMs: number;
  /** Deployment id: the hash tag of every key, so bureaus never share data. */
  org: string;
  admins: string[];
  botNames: string[];
  selfJoinDefault: boolean;
  maxAgeDays: number;
  /** How long a reading the bot asked about waits for 「是」 (PENDING_READING_MINUTES). */
  pendingReadingMinutes: number;
  /** How long message ids are remembered to drop re-deliveries (MESSAGE_DEDUPE_DAYS). */
  messageDedupeDays: number;
  amountCeilingYuan: number;
  industries: IndustryTable;
  /** 引才 levels (TALENT_LEVELS) and those counted as 高层次人才 (TALENT_HIGH_LEVELS). */
  talentLevels: TalentLevels;
  logLevel: string;
  /** auto: readable when stderr is a terminal, JSON otherwise. */
  logFormat: "auto" | "json" | "pretty";
  /** Unset: /metrics is off (404). */
  metricsToken: string | undefined;
  /** How long a graceful stop may take before the process exits anyway. */
  shutdownTimeoutMs: number;
  /** Built-in holiday table with HOLIDAYS_FILE's years in place; admins' chat changes go on top. */
  holidays: Record<number, HolidayYear>;
  queryAccess: QueryAccess;
  /** The county or district named in the 台账's and 通报's titles ("XX县"). */
  countyName: string;
  /** Whether `serve` runs the cron schedules (one replica may turn them off; it is not needed). */
  schedulesOn: boolean;
  /** Each schedule's settings by its name, read from the variables the schedule names. */
  schedules: ScheduleSettingsByName;
  /** null: the channel is off. */
  wecom: WecomConfig;
  dingtalk: DingtalkConfig;
  /** The signed-link dashboard (/dash) and the charts of pushes. */
  dashboard: DashboardSettings;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`configuration problems:\n${problems.map((p) => `- ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Reads ./.env when present; variables already set in the environment win. */
export function loadDotEnv(path = ".env"): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

const list = (raw: string | undefined) =>
  (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  BOT_ORG: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, "letters, digits, - and _ only (1–40)")
    .default("default"),
  BOT_ADMINS: z.string().optional(),
  BOT_NAMES: z.string().default("招商助手"),
  BOT_SELF_JOIN: z.enum(["true", "false"]).default("true"),
  REPORT_MAX_AGE_DAYS: z.coerce.number().int().min(0).max(3660).default(90),
  PENDING_READING_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  MESSAGE_DEDUPE_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  AMOUNT_CEILING: z.string().default("5000亿"),
  INDUSTRY_FILE: z.string().optional(),
  MANUFACTURING_TAGS: z.string().optional(),
  TALENT_LEVELS: z.string().optional(),
  TALENT_HIGH_LEVELS: z.string().optional(),
  SCHEDULES: z.enum(["on", "off"]).default("on"),
  COUNTY_NAME: z.string().min(1).max(30).default("本县"),
  QUERY_ACCESS: z.enum(["members", "everyone", "own-unit"]).default("members"),
  HEALTH_OUTBOX_MAX_AGE_MIN: z.coerce.number().int().min(1).max(10_080).default(30),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_FORMAT: z.enum(["auto", "json", "pretty"]).default("auto"),
  METRICS_TOKEN: z.string().min(16, "at least 16 characters (e.g. openssl rand -hex 24)").optional(),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(20),
  HOLIDAYS_FILE: z.string().optional(),
});

const industryFileSchema = z
  .array(z.object({ tag: z.string().min(1), keywords: z.array(z.string().min(1)).default([]) }))
  .min(1);

/** `schedules`: the jobs whose settings to read (each names its own variables). */
export function readConfig(
  env: Record<string, string | undefined> | undefined = process.env,
  schedules: readonly Schedule[] = [],
): Config {
  // Empty strings in a .env file mean "not set".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(cleaned);
  const problems: string[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  // The checks below read the raw values, so they report even when the schema failed.
  const ceilingText = cleaned.AMOUNT_CEILING ?? "5000亿";
  const ceiling = parseMoney(ceilingText);
  if (ceiling?.currency !== "CNY" || ceiling.value <= 0) {
    problems.push(`AMOUNT_CEILING: "${ceilingText}" is not an amount in yuan (e.g. 5000亿)`);
  }
  const tags = readIndustryFile(cleaned.INDUSTRY_FILE, problems);
  const known = new Set(tags.map((t) => t.tag));
  // Unset: the default manufacturing tags that the (possibly custom) table has.
  const manufacturing = cleaned.MANUFACTURING_TAGS
    ? list(cleaned.MANUFACTURING_TAGS)
    : DEFAULT_MANUFACTURING.filter((t) => known.has(t));
  const unknown = manufacturing.filter((t) => !known.has(t));
  if (unknown.length > 0) problems.push(`MANUFACTURING_TAGS: unknown industry tags ${unknown.join(", ")}`);

  const talentLevels = readTalentLevels(cleaned.TALENT_LEVELS, cleaned.TALENT_HIGH_LEVELS, problems);
  const holidays = readHolidaysFile(cleaned.HOLIDAYS_FILE, problems);
  const redis = readRedisSettings(cleaned, problems);
  const wecom = readWecomConfig(cleaned, problems);
  const dingtalk = readDingtalkConfig(cleaned, problems);
  const dashboard = readDashboardConfig(cleaned, problems);
  const scheduleSettings = Object.fromEntries(
    schedules.map((s) => [s.name, readScheduleSettings(s, cleaned, problems)]),
  );

  if (problems.length > 0 || !parsed.success) throw new ConfigError(problems);
  const e = parsed.data;
  return {
    port: e.PORT,
    redis,
    healthOutboxMaxAgeMs: e.HEALTH_OUTBOX_MAX_AGE_MIN * 60_000,
    org: e.BOT_ORG,
    admins: list(e.BOT_ADMINS),
    botNames: list(e.BOT_NAMES),
    selfJoinDefault: e.BOT_SELF_JOIN === "true",
    maxAgeDays: e.REPORT_MAX_AGE_DAYS,
    pendingReadingMinutes: e.PENDING_READING_MINUTES,
    messageDedupeDays: e.MESSAGE_DEDUPE_DAYS,
    amountCeilingYuan: ceiling!.value,
    industries: createIndustryTable(tags, manufacturing),
    talentLevels,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    metricsToken: e.METRICS_TOKEN,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    holidays,
    queryAccess: e.QUERY_ACCESS,
    countyName: e.COUNTY_NAME,
    schedulesOn: e.SCHEDULES === "on",
    schedules: scheduleSettings,
    wecom,
    dingtalk,
    dashboard,
  };
}

function readIndustryFile(path: string | undefined, problems: string[]): IndustryTable["tags"] {
  if (!path) return DEFAULT_INDUSTRIES;
  try {
    const text = readFileSync(path, "utf8");
    const result = industryFileSchema.safeParse(path.endsWith(".json") ? JSON.parse(text) : parseYaml(text));
    if (result.success) return result.data;
    problems.push(`INDUSTRY_FILE: ${result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  } catch (error) {
    problems.push(`INDUSTRY_FILE: cannot read ${path}: ${(error as Error).message}`);
  }
  return DEFAULT_INDUSTRIES;
}

/** TALENT_LEVELS / TALENT_HIGH_LEVELS: comma-separated; every 高层次 level must be one of the levels. */
function readTalentLevels(levelsText: string | undefined, highText: string | undefined, problems: string[]) {
  const levels = levelsText ? list(levelsText) : [...DEFAULT_TALENT_LEVELS];
  const high = highText !== undefined ? list(highText) : DEFAULT_HIGH_LEVELS.filter((l) => levels.includes(l));
  if (levels.length === 0) problems.push("TALENT_LEVELS: no level given");
  if (new Set(levels).size !== levels.length) problems.push("TALENT_LEVELS: a level is listed twice");
  const unknown = high.filter((l) => !levels.includes(l));
  if (unknown.length > 0) problems.push(`TALENT_HIGH_LEVELS: not in TALENT_LEVELS: ${unknown.join(", ")}`);
  return createTalentLevels(levels, high);
}
