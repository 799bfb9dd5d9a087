// Where every unit stands today: the 赛马 ranking now and as of last Sunday, this week's
// totals and the laggards. A full build reads two totals hashes per unit in one round trip.
// The result is cached per process: while the versions in Redis are unchanged it is reused;
// after reports it re-reads only the units that changed and re-ranks in memory; a change of
// units, targets, rules or day rebuilds it whole.
import { lastEnteredOf } from "./last-entered.ts";
import { findLaggards, type Laggard } from "../domain/laggards.ts";
import { timeProgress } from "../domain/periods.ts";
import { rankUnits, type RankedUnit, type RankingRules } from "../domain/ranking.ts";
import { emptyTotals, TOTAL_FIELDS, type Totals } from "../domain/totals.ts";
import type { IsoDate } from "../domain/types.ts";
import { lastWeekEnd } from "../domain/year-to-date.ts";
import type { Unit } from "../domain/unit.ts";
import type { Store } from "../store/types.ts";
import { loadTotalsAsOf } from "./totals-as-of.ts";

export interface Standings {
  today: IsoDate;
  timeProgress: number;
  rules: RankingRules;
  ranked: RankedUnit[];
  byUnit: Map<string, RankedUnit>;
  /** Rank as of the end of last week (YTD then). */
  previousRank: Map<string, number>;
  weekTotals: Map<string, Totals>;
  /** China date each unit's latest report still in force was entered (补录 count on the day entered). */
  lastEntered: Map<string, IsoDate | null>;
  laggards: Laggard[];
}

interface Snapshot {
  totalsVersion: number;
  directoryVersion: number;
  today: IsoDate;
  units: Unit[];
  rules: RankingRules;
  year: Map<string, Totals>;
  week: Map<string, Totals>;
  /** Year-to-date as of last Sunday. */
  previous: Map<string, Totals>;
  lastEntered: Map<string, IsoDate | null>;
  standings: Standings;
}

/** Past this many changed units a full rebuild is as cheap as patching. */
const PATCH_LIMIT = 100;
const cache = new Map<string, Snapshot>();

export async function loadStandings(store: Store, today: IsoDate): Promise<Standings> {
  const versions = await store.metrics.versions();
  const cached = cache.get(store.deployment);
  let snapshot: Snapshot;
  if (cached && cached.today === today && cached.directoryVersion === versions.directory) {
    if (cached.totalsVersion === versions.totals) return cached.standings;
    const changed = await store.metrics.unitsChangedSince(cached.totalsVersion);
    snapshot =
      changed.length <= PATCH_LIMIT
        ? await patch(store, cached, changed, versions.totals)
        : await build(store, today, versions);
  } else {
    snapshot = await build(store, today, versions);
  }
  cache.set(store.deployment, snapshot);
  return snapshot.standings;
}

async function build(store: Store, today: IsoDate, versions: { totals: number; directory: number }): Promise<Snapshot> {
  const [all, rules] = await Promise.all([store.directory.listUnits(), store.metrics.rankingRules()]);
  const units = all.filter((u) => !u.inactive); // retired units leave the ranking
  const ids = units.map((u) => u.id);
  const { year: yearTotals, week: weekTotals, previous } = await loadUnitTotals(store, ids, today);
  const entered = await Promise.all(ids.map((id) => lastEnteredOf(store, id)));
  const snapshot = {
    totalsVersion: versions.totals,
    directoryVersion: versions.directory,
    today,
    units,
    rules,
    year: new Map(ids.map((id, i) => [id, yearTotals[i]!])),
    week: new Map(ids.map((id, i) => [id, weekTotals[i]!])),
    previous: new Map(ids.map((id, i) => [id, previous[i]!])),
    lastEntered: new Map(ids.map((id, i) => [id, entered[i]!])),
  };
  return { ...snapshot, standings: rank(snapshot) };
}

async function patch(store: Store, old: Snapshot, changed: string[], totalsVersion: number): Promise<Snapshot> {
  const ids = changed.filter((id) => old.year.has(id));
  const { year: yearTotals, week: weekTotals, previous: previousTotals } = await loadUnitTotals(store, ids, old.today);
  const entered = await Promise.all(ids.map((id) => lastEnteredOf(store, id)));
  const next = {
    ...old,
    totalsVersion,
    year: new Map(old.year),
    week: new Map(old.week),
    previous: new Map(old.previous),
    lastEntered: new Map(old.lastEntered),
  };
  let previousChanged = false;
  ids.forEach((id, i) => {
    const previous = previousTotals[i]!;
    previousChanged ||= !sameTotals(previous, old.previous.get(id));
    next.year.set(id, yearTotals[i]!);
    next.week.set(id, weekTotals[i]!);
    next.previous.set(id, previous);
    next.lastEntered.set(id, entered[i]!);
  });
  // Reports dated this week leave last week's totals as they were: keep last week's ranks.
  return { ...next, standings: rank(next, previousChanged ? undefined : old.standings.previousRank) };
}

function sameTotals(a: Totals, b: Totals | undefined): boolean {
  return b !== undefined && TOTAL_FIELDS.every((f) => a[f] === b[f]);
}

function rank(s: Omit<Snapshot, "standings">, previousRank?: Map<string, number>): Standings {
  const inputs = (totals: Map<string, Totals>) =>
    s.units.map((u) => ({ unitId: u.id, name: u.name, targets: u.targets, totals: totals.get(u.id) ?? emptyTotals() }));
  const ranked = rankUnits(inputs(s.year), s.rules);
  const progress = timeProgress(s.today);
  return {
    today: s.today,
    timeProgress: progress,
    rules: s.rules,
    ranked,
    byUnit: new Map(ranked.map((r) => [r.unitId, r])),
    previousRank: previousRank ?? new Map(rankUnits(inputs(s.previous), s.rules).map((r) => [r.unitId, r.rank])),
    weekTotals: s.week,
    lastEntered: s.lastEntered,
    laggards: findLaggards(ranked, s.lastEntered, s.today, progress, s.rules),
  };
}

/** Each unit's totals: the year to date, this week, and the year to date at the end of last week. */
async function loadUnitTotals(store: Store, ids: readonly string[], today: IsoDate) {
  const { asOf, extra } = await loadTotalsAsOf(
    store,
    ids,
    today,
    [lastWeekEnd(today)],
    [
      { kind: "year", year: Number(today.slice(0, 4)) },
      { kind: "week", date: today },
    ],
  );
  return { year: extra[0]!, week: extra[1]!, previous: asOf[0]! };
}

/** Drops this process's cached standings (tests compare a patched ranking with a rebuilt one). */
export function forgetStandings(): void {
  cache.clear();
}
