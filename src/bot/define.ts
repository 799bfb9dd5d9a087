// A command is data plus a function. Access narrows the context the function receives.
import type { Logger } from "pino";
import type { HolidayYear } from "../domain/holidays.ts";
import type { IndustryTable } from "../domain/industry.ts";
import type { ReportRecord } from "../domain/record.ts";
import type { TalentLevels } from "../domain/talent-levels.ts";
import type { IsoDate, ReportKind } from "../domain/types.ts";
import type { Unit } from "../domain/unit.ts";
import type { Store } from "../store/types.ts";
import type { DashboardLinks } from "./dashboard-links.ts";
import type { IncomingMessage, ReplyFn } from "./types.ts";

export type Access = "public" | "member" | "admin";
export type CommandGroup = "report" | "query" | "account" | "admin";

/**
 * Who may ask about units: bound members and admins (default), anyone in the group, or members
 * about their own unit only (the ranking and county totals then need an admin).
 */
export type QueryAccess = "members" | "everyone" | "own-unit";

/** Rules a deployment configures that commands apply. */
export interface BotRules {
  queryAccess: QueryAccess;
  industries: IndustryTable;
  /** Reports dated further back than this many days are refused. */
  maxAgeDays: number;
  /** How long a reading the bot asked about waits for 「是」 (default 10). */
  pendingReadingMinutes?: number;
  /** Amounts above this (integer yuan, or dollars for USD) are refused as typos. */
  amountCeiling: number;
  /** User ids that are admins by configuration (BOT_ADMINS). */
  configAdmins: readonly string[];
  /** The holiday table before admins' changes: built in, or HOLIDAYS_FILE (default: built in). */
  holidays?: Readonly<Record<number, HolidayYear>>;
  /** Signed dashboard links (看板); absent or null without DASHBOARD_SECRET. */
  dashboard?: DashboardLinks | null;
  /** "XX县" in the 台账's and 通报's titles (COUNTY_NAME); default 本县. */
  countyName?: string;
  /** 引才 levels (TALENT_LEVELS) and those counted as 高层次 (TALENT_HIGH_LEVELS); default the built-in list. */
  talentLevels?: TalentLevels;
}

export interface CommandContext {
  message: IncomingMessage;
  /** Text after the trigger word, trimmed, a leading colon removed. */
  args: string;
  trigger: string;
  now: Date;
  today: IsoDate;
  /** The sender's unit, when bound. */
  unit: Unit | undefined;
  isAdmin: boolean;
  /** Set by 代报: an admin reports for `unit`, which is not their own. */
  onBehalf?: boolean;
  /** A 领导/观察员: may query everything, reports nothing (set by the dispatcher). */
  isViewer?: boolean;
  store: Store;
  rules: BotRules;
  log: Logger;
  reply: ReplyFn;
  /** Every command, for 帮助. */
  commands: readonly Command[];
  /**
   * Set when the line did not start with a command word and detectReportKind routed it here;
   * not confident: the bot shows its reading and asks instead of storing.
   */
  detected?: { confident: boolean };
}

export type ContextFor<A extends Access> = A extends "member" ? CommandContext & { unit: Unit } : CommandContext;

export interface CommandResult {
  /** false when the line was refused or not understood (console --json "ok"). */
  ok?: boolean;
  record?: ReportRecord | null;
  /** A re-delivered report: no second confirmation. */
  duplicate?: boolean;
  /** Nothing stored: the reply is a question (a pending reading waits for 「是」). */
  asked?: boolean;
}

export interface Command<A extends Access = Access> {
  name: string;
  triggers: readonly string[];
  group: CommandGroup;
  summary: string;
  /** Shown by 帮助 and each fed through the bot in a test. */
  examples: readonly string[];
  access: A;
  /** The report kind this command stores: lines detected as that kind are routed here. */
  reportKind?: ReportKind;
  /** Matches a whole line regardless of triggers (「是」, 「好的」 confirming a reading). */
  wholeLine?: (text: string) => boolean;
  run(ctx: ContextFor<A>): Promise<CommandResult | void>;
}

export function defineCommand<A extends Access>(command: Command<A>): Command {
  return command as unknown as Command;
}
