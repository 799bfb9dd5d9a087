// The store as commands, schedules, the bot core and the read models see it: aggregates of the
// domain, written by hand so that nothing outside src/store depends on how Redis holds them.
// The Redis implementation is createStore (store.ts); tests use the same one on a real Redis.
import type { DayOverride, HolidayCalendar, HolidayYear } from "../domain/holidays.ts";
import type { Project } from "../domain/project.ts";
import type { RankingRules } from "../domain/ranking.ts";
import type { NewRecord, ReportRecord } from "../domain/record.ts";
import type { DigestList, ReportKind } from "../domain/report-kinds.ts";
import type { Targets } from "../domain/targets.ts";
import type { Totals } from "../domain/totals.ts";
import type { IsoDate } from "../domain/types.ts";
import type { Unit } from "../domain/unit.ts";
import type { TotalsScope } from "../domain/year-to-date.ts";
import type { MessageStore } from "./message-store.ts";
import type { PendingStore } from "./pending-store.ts";
import type { CorrectResult } from "./record-correct.ts";
import type { ProjectTarget } from "./record-write.ts";

export type { ProjectTarget };

export interface Store {
  /** Names this deployment's data, for per-process caches shared by several stores. */
  readonly deployment: string;
  directory: DirectoryStore;
  records: RecordStore;
  projects: ProjectStore;
  metrics: MetricsStore;
  holidays: HolidayStore;
  /** Message idempotency: claim, answered, release, the stored record (message-store.ts). */
  messages: MessageStore;
  /** Readings waiting for 「是」 (pending-store.ts). */
  pending: PendingStore;
  /** The record stored for a message, if any (same as messages.recordId). */
  reportRecordId(messageKey: string): Promise<number | null>;
  /** reportRecordId of many messages at once (a few round trips per thousand keys). */
  reportRecordIds(messageKeys: readonly string[]): Promise<Array<number | null>>;
}

/** Bot settings an admin changes in chat. */
export interface Settings {
  /** Whether members may bind themselves with 加入. */
  selfJoin: boolean;
}

/** Units (with aliases and targets), member bindings, admins and bot settings. */
export interface DirectoryStore {
  getUnit(id: string): Promise<Unit | null>;
  listUnits(): Promise<Unit[]>;
  /** Exact name or alias lookup. */
  unitByName(name: string): Promise<Unit | null>;
  /** Creates a unit, or returns the existing one of that name. */
  addUnit(name: string): Promise<{ unit: Unit; created: boolean }>;
  /** Renames a unit, keeping its records and totals; false when the new name is taken. */
  renameUnit(unitId: string, name: string): Promise<boolean>;
  /** Adds an alias; false when the alias already names another unit. */
  addAlias(unitId: string, alias: string): Promise<boolean>;
  removeAlias(unitId: string, alias: string): Promise<boolean>;
  /** Retires or restores a unit; its records and totals are kept either way. */
  setActive(unitId: string, active: boolean): Promise<Unit | null>;
  /** Merges targets into the unit's; returns the updated unit. */
  setTargets(unitId: string, targets: Targets): Promise<Unit | null>;
  /** The sender's unit and admin flag in one round trip: this runs for every message. */
  identify(userId: string): Promise<{ unit: Unit | undefined; admin: boolean }>;
  memberUnitId(userId: string): Promise<string | null>;
  bindMember(userId: string, unitId: string): Promise<void>;
  unbindMember(userId: string): Promise<boolean>;
  membersOf(unitId: string): Promise<string[]>;
  isAdmin(userId: string): Promise<boolean>;
  addAdmin(userId: string): Promise<boolean>;
  removeAdmin(userId: string): Promise<boolean>;
  listAdmins(): Promise<string[]>;
  /** 领导/观察员: may query everything, report nothing, bound to no unit. */
  isViewer(userId: string): Promise<boolean>;
  addViewer(userId: string): Promise<boolean>;
  removeViewer(userId: string): Promise<boolean>;
  listViewers(): Promise<string[]>;
  settings(): Promise<Settings>;
  setSelfJoin(on: boolean): Promise<void>;
}

export type IngestResult =
  | { status: "created"; record: ReportRecord; yearTotals: Totals }
  /** This message's record was stored before (a re-delivery): nothing written. */
  | { status: "duplicate"; existingId: number }
  /** The project already has this once-per-project kind (签约, a milestone): nothing written. */
  | { status: "repeat"; earlierId: number; earlierDate: string; earlierKind?: ReportKind }
  /** The pending reading being confirmed was confirmed, cancelled or expired meanwhile. */
  | { status: "gone" };

export interface IngestOptions {
  /**
   * Refuse (atomically) when the project's history already has this kind (a 签约 also when it
   * has a 续建; a 续建 whenever the project exists: see refusingKinds in domain/carry-over.ts).
   */
  oncePerProject?: boolean;
  /** Store only while this pending reading is still there, and consume it. */
  pending?: { key: string; token: string };
}

/** Reports: the idempotent atomic write, undo, reads and the export scan. */
export interface RecordStore {
  /** Last year's month figures per unit from an imported ledger (for 同比); replaces those months. */
  setPriorMonths(months: ReadonlyArray<{ unitId: string; month: string; figures: Partial<Totals> }>): Promise<void>;
  getRecord(id: number): Promise<ReportRecord | null>;
  /** Stores a report once per message key; a repeat writes nothing and returns the first record's id. */
  ingest(messageKey: string, record: NewRecord, project: ProjectTarget, options?: IngestOptions): Promise<IngestResult>;
  /** Replaces a record by a corrected one (更正), atomically and once per message key. */
  correct(
    messageKey: string,
    old: ReportRecord,
    next: NewRecord,
    project: ProjectTarget,
    options: { by: string; at: Date; oncePerProject: boolean },
  ): Promise<CorrectResult>;
  /** Marks a record revoked and reverses its totals; false when it already was. */
  revoke(record: ReportRecord, by: string, at: Date): Promise<boolean>;
  /** The reporter's latest records, newest first. */
  recentOf(userId: string, count?: number): Promise<ReportRecord[]>;
  /** A unit's latest records in the order they were stored, newest first. */
  recentOfUnit(unitId: string, count: number): Promise<ReportRecord[]>;
  yearTotals(unitId: string, year: number): Promise<Totals>;
  weekTotals(unitId: string, date: IsoDate): Promise<Totals>;
  monthTotals(unitId: string, date: IsoDate): Promise<Totals>;
  dayTotals(unitId: string, date: IsoDate): Promise<Totals>;
  /** A week's notable records, largest (signings, funds) or latest (stage moves) first. */
  weekEvents(date: IsoDate, list: DigestList, count: number): Promise<ReportRecord[]>;
  /** Every record in id order, revoked ones flagged, read in pages. */
  allRecords(pageSize?: number): AsyncGenerator<ReportRecord>;
}

/** Projects of each unit, with their history of reports. */
export interface ProjectStore {
  /** Every project of the deployment (one read: projects number in the hundreds, not millions). */
  all(): Promise<Project[]>;
  /** A unit's projects with their stage history, in the order they were registered. */
  projectsOfUnit(unitId: string): Promise<Project[]>;
  /** Project names of a unit with their ids (names as first registered). */
  namesOf(unitId: string): Promise<Array<{ id: string; name: string }>>;
  getProject(id: string): Promise<Project | null>;
  /** A unit's 人才项目 or 创新团队 of that exact name, with its history (kept apart from projects). */
  talentItem(unitId: string, name: string): Promise<Project | null>;
}

/** Reads for metrics: many units' totals at once, the versions that key cached rankings, the rules. */
export interface MetricsStore {
  /** Totals of every unit for each scope, in one round trip: result[scope][unit]. */
  totalsMany(unitIds: readonly string[], scopes: readonly TotalsScope[]): Promise<Totals[][]>;
  /** The totals and directory versions: a cached ranking is valid while both are unchanged. */
  versions(): Promise<{ totals: number; directory: number }>;
  /** Units whose totals changed after `version`. */
  unitsChangedSince(version: number): Promise<string[]>;
  /** How many reminders each unit got in a week ("2026-W47"). */
  remindersSent(week: string): Promise<Map<string, number>>;
  countReminders(week: string, unitIds: readonly string[]): Promise<void>;
  rankingRules(): Promise<RankingRules>;
  setRankingRules(rules: RankingRules): Promise<void>;
}

/** Admins' changes to the holiday calendar, shared by every replica. */
export interface HolidayStore {
  overrides(): Promise<Record<IsoDate, DayOverride>>;
  /** The calendar as it is now: `base` (built in or HOLIDAYS_FILE) with the admins' changes. */
  calendar(base: Readonly<Record<number, HolidayYear>>): Promise<HolidayCalendar>;
  /** Sets each date's change; null forgets an admin's change (the table's day applies again). */
  change(changes: ReadonlyArray<[IsoDate, DayOverride | null]>): Promise<void>;
}
