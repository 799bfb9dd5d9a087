// Where every unit stands today: the 赛马 ranking now and as of last Sunday, this week's
// totals and the laggards. Computing it reads two totals hashes per unit in one round trip;
// the result is cached per process until the deployment's totals version changes (every
// report, undo, target or rule change bumps it) or the day changes.
import { addDays, weekStart } from "../../src/domain/china-time.ts";
import { findLaggards, type Laggard } from "../../src/domain/laggards.ts";
import { timeProgress } from "../../src/domain/periods.ts";
import { rankUnits, type RankedUnit, type RankingRules } from "../../src/domain/ranking.ts";
import { addTotals, emptyTotals, TOTAL_FIELDS, type Totals } from "../../src/domain/totals.ts";
import type { IsoDate } from "../../src/domain/types.ts";
import type { Unit } from "../../src/store/directory-store.ts";
import type { Store } from "../../src/store/store.ts";

export interface Standings {
  today: IsoDate;
  timeProgress: number;
  rules: RankingRules;
  ranked: RankedUnit[];
  byUnit: Map<string, RankedUnit>;
  /** Rank as of the end of last week (YTD then). */
  previousRank: Map<string, number>;
  weekTotals: Map<string, Totals>;
  laggards: Laggard[];
}

const cache = new Map<string, { key: string; value: Standings }>();

export async function loadStandings(store: Store, today: IsoDate): Promise<Standings> {
  const version = await store.metrics.totalsVersion();
  const key = `${version}|${today}`;
  const hit = cache.get(store.keys.prefix);
  if (hit?.key === key) return hit.value;
  const value = await computeStandings(store, today);
  cache.set(store.keys.prefix, { key, value });
  return value;
}

async function computeStandings(store: Store, today: IsoDate): Promise<Standings> {
  const [units, rules] = await Promise.all([store.directory.listUnits(), store.metrics.rankingRules()]);
  const ids = units.map((u) => u.id);
  const year = Number(today.slice(0, 4));
  const [yearTotals, weekTotals] = await store.metrics.totalsMany(ids, [
    { kind: "year", year },
    { kind: "week", date: today },
  ]);
  const lastSunday = addDays(weekStart(today), -1);
  const previous = await previousYearToDate(store, units, lastSunday, today, yearTotals!, weekTotals!);
  const ranked = rankUnits(toInputs(units, yearTotals!), rules);
  const before = rankUnits(toInputs(units, previous), rules);
  const weekMap = new Map(ids.map((id, i) => [id, weekTotals![i]!]));
  const progress = timeProgress(today);
  const weekReports = new Map(ids.map((id, i) => [id, weekTotals![i]!.reports]));
  return {
    today,
    timeProgress: progress,
    rules,
    ranked,
    byUnit: new Map(ranked.map((r) => [r.unitId, r])),
    previousRank: new Map(before.map((r) => [r.unitId, r.rank])),
    weekTotals: weekMap,
    laggards: findLaggards(ranked, weekReports, progress, rules),
  };
}

function toInputs(units: readonly Unit[], totals: readonly Totals[]) {
  return units.map((u, i) => ({ unitId: u.id, name: u.name, targets: u.targets, totals: totals[i] ?? emptyTotals() }));
}

/**
 * Year-to-date totals as of last Sunday: this year's totals less this week's. In the first days
 * of January the week started last year: then last year's totals less the days of this week
 * that fell in it.
 */
async function previousYearToDate(
  store: Store,
  units: readonly Unit[],
  lastSunday: IsoDate,
  today: IsoDate,
  yearTotals: readonly Totals[],
  weekTotals: readonly Totals[],
): Promise<Totals[]> {
  const ids = units.map((u) => u.id);
  if (lastSunday.slice(0, 4) === today.slice(0, 4)) return yearTotals.map((t, i) => subtract(t, weekTotals[i]!));
  const lastYear = Number(lastSunday.slice(0, 4));
  const tail: IsoDate[] = [];
  for (let d = addDays(lastSunday, 1); d.slice(0, 4) === String(lastYear); d = addDays(d, 1)) tail.push(d);
  const [old, ...days] = await store.metrics.totalsMany(ids, [{ kind: "year", year: lastYear }, ...tail.map((date) => ({ kind: "day" as const, date }))]);
  return old!.map((t, i) => subtract(t, days.reduce((sum, d) => addTotals(sum, d[i]!), emptyTotals())));
}

function subtract(a: Totals, b: Totals): Totals {
  const out = emptyTotals();
  for (const f of TOTAL_FIELDS) out[f] = a[f] - b[f];
  return out;
}
