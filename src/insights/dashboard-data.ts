// What the dashboard shows, for the county or one unit: the cached standings (O(units)), the
// chart figures from running totals, and the year's 亿元以上 signings from the weekly
// notable-signings index (a few keys per week) — never a scan of records.
import type { DashboardScope } from "../bot/dashboard-links.ts";
import type { ChartInputs } from "../charts/chart-inputs.ts";
import { addDays, weekStart } from "../domain/china-time.ts";
import { sumTargets } from "../domain/metrics.ts";
import { rankChange } from "../domain/ranking.ts";
import { BIG_SIGNING_YUAN } from "../domain/record.ts";
import type { Targets } from "../domain/targets.ts";
import { addTotals, emptyTotals, type Totals } from "../domain/totals.ts";
import type { IsoDate } from "../domain/types.ts";
import type { Store } from "../store/types.ts";
import { loadChartData } from "./chart-data.ts";
import { loadStandings } from "./standings.ts";

export interface DashboardUnitRow {
  unitId: string;
  name: string;
  rank: number;
  score: number;
  change: string;
  totals: Totals;
  targets: Targets;
}

export interface BigSigning {
  project: string;
  unitName: string;
  amountYuan: number;
  date: IsoDate;
}

export interface DashboardData {
  today: IsoDate;
  timeProgress: number;
  /** null: the county; else the unit's name. */
  unitName: string | null;
  unitCount: number;
  totals: Totals;
  targets: Targets;
  /** Every unit for the county; the one unit for a unit's page. */
  rows: DashboardUnitRow[];
  bigSignings: BigSigning[];
  charts: ChartInputs;
}

/** Weekly notable signings are kept top 50 by amount: enough for every 亿元以上 one in practice. */
const SIGNINGS_PER_WEEK = 50;

/** null when the unit no longer exists or is retired. */
export async function loadDashboardData(
  store: Store,
  today: IsoDate,
  scope: DashboardScope,
): Promise<DashboardData | null> {
  const standings = await loadStandings(store, today);
  const unitId = scope.kind === "unit" ? scope.unitId : undefined;
  const ranked = unitId === undefined ? standings.ranked : standings.ranked.filter((r) => r.unitId === unitId);
  if (unitId !== undefined && ranked.length === 0) return null;
  const rows = ranked.map((r) => ({
    unitId: r.unitId,
    name: r.name,
    rank: r.rank,
    score: r.score,
    change: rankChange(r.rank, standings.previousRank.get(r.unitId)),
    totals: r.totals,
    targets: r.targets,
  }));
  const names = new Map(standings.ranked.map((r) => [r.unitId, r.name]));
  const weeks: IsoDate[] = [];
  for (let d = weekStart(`${today.slice(0, 4)}-01-01`); d <= today; d = addDays(d, 7)) weeks.push(d);
  const [charts, perWeek] = await Promise.all([
    loadChartData(store, today, today, unitId),
    Promise.all(weeks.map((w) => store.records.weekEvents(w, "signing", SIGNINGS_PER_WEEK))),
  ]);
  const year = today.slice(0, 4);
  const bigSignings = perWeek
    .flat()
    .filter(
      (r) =>
        r.date.startsWith(year) &&
        (r.amountYuan ?? 0) >= BIG_SIGNING_YUAN &&
        (unitId === undefined || r.unitId === unitId),
    )
    .map((r) => ({
      project: r.project ?? "",
      unitName: names.get(r.unitId) ?? r.unitId,
      amountYuan: r.amountYuan ?? 0,
      date: r.date,
    }))
    .sort((a, b) => b.amountYuan - a.amountYuan || (a.date < b.date ? -1 : 1));
  return {
    today,
    timeProgress: standings.timeProgress,
    unitName: unitId === undefined ? null : rows[0]!.name,
    unitCount: standings.ranked.length,
    totals: rows.map((r) => r.totals).reduce(addTotals, emptyTotals()),
    targets: sumTargets(rows.map((r) => r.targets)),
    rows,
    bigSignings,
    charts: unitId === undefined ? charts : { ...charts, units: charts.units.filter((u) => u.name === rows[0]!.name) },
  };
}
