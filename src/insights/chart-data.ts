// The figures behind the charts, from running totals only: each unit's year, week and month
// totals in one round trip (O(units × months)), never a scan of records.
import { addDays, weekStart } from "../domain/china-time.ts";
import { sumTargets } from "../domain/metrics.ts";
import { timeProgress } from "../domain/periods.ts";
import { rankUnits } from "../domain/ranking.ts";
import { subtractTotals, type Totals } from "../domain/totals.ts";
import type { IsoDate } from "../domain/types.ts";
import type { ChartInputs } from "../charts/chart-inputs.ts";
import type { Store } from "../store/types.ts";

/**
 * Figures as of `asOf` (the digest's covered Sunday, or today). `today` tells which reports
 * came later: this week's totals are taken off when asOf is an earlier week of the same year.
 */
export async function loadChartData(
  store: Store,
  today: IsoDate,
  asOf: IsoDate,
  unitId?: string,
): Promise<ChartInputs> {
  const [all, rules] = await Promise.all([store.directory.listUnits(), store.metrics.rankingRules()]);
  const units = all.filter((u) => !u.inactive);
  const ids = units.map((u) => u.id);
  const year = Number(asOf.slice(0, 4));
  const lastMonth = Number(asOf.slice(5, 7));
  const later = weekStart(today) > weekStart(asOf) && today.slice(0, 4) === asOf.slice(0, 4);
  const months = Array.from({ length: lastMonth }, (_, i) => `${year}-${String(i + 1).padStart(2, "0")}-01`);
  // Days after asOf in asOf's month (at most six): their reports are taken off the last month.
  const laterDays: IsoDate[] = [];
  for (let d = addDays(asOf, 1); d <= today && d.slice(0, 7) === asOf.slice(0, 7); d = addDays(d, 1)) laterDays.push(d);
  const read = await store.metrics.totalsMany(ids, [
    { kind: "year", year },
    { kind: "week", date: today },
    { kind: "week", date: asOf },
    ...months.map((date) => ({ kind: "month" as const, date })),
    ...laterDays.map((date) => ({ kind: "day" as const, date })),
  ]);
  const [yearNow, thisWeek, covered] = read;
  const monthly = read.slice(3, 3 + months.length);
  const afterAsOf = read.slice(3 + months.length);
  const ytd = yearNow!.map((t, i) => (later ? subtractTotals(t, thisWeek![i]!) : t));
  const before = ytd.map((t, i) => subtractTotals(t, covered![i]!));
  const inputs = (totals: Totals[]) =>
    units.map((u, i) => ({ unitId: u.id, name: u.name, targets: u.targets, totals: totals[i]! }));
  const ranked = rankUnits(inputs(ytd), rules);
  const previous = new Map(rankUnits(inputs(before), rules).map((r) => [r.unitId, r]));
  const scoped = (i: number) => unitId === undefined || ids[i] === unitId;
  const sumMonth = (field: "fundsYuan" | "signing" | "signingYuan") => {
    let running = 0;
    return monthly.map((perUnit, m) => {
      perUnit.forEach((t, i) => {
        if (scoped(i)) running += t[field];
      });
      if (m === monthly.length - 1) {
        for (const day of afterAsOf) for (const [i, t] of day.entries()) running -= scoped(i) ? t[field] : 0;
      }
      return running;
    });
  };
  const targets = sumTargets(units.filter((_, i) => scoped(i)).map((u) => u.targets));
  return {
    year,
    asOf,
    timeProgress: timeProgress(asOf),
    units: ranked.map((r) => {
      const prev = previous.get(r.unitId);
      const target = r.targets.fundsArrived;
      return {
        name: r.name,
        fundsCompletion: target && target > 0 ? r.totals.fundsYuan / target : null,
        rank: r.rank,
        score: r.score,
        ...(prev ? { previousRank: prev.rank, previousScore: prev.score } : {}),
      };
    }),
    cumulative: {
      fundsYuan: sumMonth("fundsYuan"),
      signing: sumMonth("signing"),
      signingYuan: sumMonth("signingYuan"),
    },
    targets: {
      ...(targets.fundsArrived !== undefined ? { fundsArrived: targets.fundsArrived } : {}),
      ...(targets.signingCount !== undefined ? { signingCount: targets.signingCount } : {}),
      ...(targets.signingAmount !== undefined ? { signingAmount: targets.signingAmount } : {}),
    },
  };
}

/** The Sunday a Monday digest covers, or today for this week. */
export function chartAsOf(today: IsoDate, which: "this" | "last"): IsoDate {
  return which === "this" ? today : addDays(weekStart(today), -1);
}
