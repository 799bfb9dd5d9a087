// Everything the weekly digest shows, for this week or last week, from running totals and
// the week's notable-event lists — never a scan of all records.
import { addDays } from "../domain/china-time.ts";
import type { DigestData } from "../domain/digest.ts";
import { findLaggards } from "../domain/laggards.ts";
import { sumTargets } from "../domain/metrics.ts";
import { timeProgress, weekOf } from "../domain/periods.ts";
import { rankChange, rankUnits } from "../domain/ranking.ts";
import { addTotals, emptyTotals, type Totals } from "../domain/totals.ts";
import type { IsoDate } from "../domain/types.ts";
import { lastWeekEnd } from "../domain/year-to-date.ts";
import type { Store } from "../store/types.ts";
import { loadTotalsAsOf } from "./totals-as-of.ts";
import { lastEnteredMany } from "./last-entered.ts";

/** `which` is the week reported: the one containing today, or the one before. */
export async function loadDigestData(store: Store, today: IsoDate, which: "this" | "last"): Promise<DigestData> {
  const week = weekOf(which === "this" ? today : lastWeekEnd(today));
  const asOf = which === "this" ? today : week.end;
  const [all, rules] = await Promise.all([store.directory.listUnits(), store.metrics.rankingRules()]);
  const units = all.filter((u) => !u.inactive); // retired units leave the ranking
  const ids = units.map((u) => u.id);
  // Year to date at the end of the covered week, and at the end of the week before it.
  const {
    asOf: [ytd, ytdBefore],
    extra: [covered, before],
  } = await loadTotalsAsOf(
    store,
    ids,
    today,
    [asOf, lastWeekEnd(asOf)],
    [
      { kind: "week", date: week.start },
      { kind: "week", date: addDays(week.start, -7) },
    ],
  );
  const inputs = (totals: Totals[]) =>
    units.map((u, i) => ({ unitId: u.id, name: u.name, targets: u.targets, totals: totals[i]! }));
  const ranked = rankUnits(inputs(ytd!), rules);
  const previous = new Map(rankUnits(inputs(ytdBefore!), rules).map((r) => [r.unitId, r.rank]));
  const progress = timeProgress(asOf);
  const lastEntered = await lastEnteredMany(store, ids, asOf);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const [signings, funds, stageMoves] = await Promise.all([
    store.records.weekEvents(week.start, "signing", 10),
    store.records.weekEvents(week.start, "funds", 5),
    store.records.weekEvents(week.start, "stage", 10),
  ]);
  const named = <T extends { unitId: string }>(r: T) => ({ ...r, unitName: unitName.get(r.unitId) ?? r.unitId });
  return {
    week,
    asOf,
    timeProgress: progress,
    unitCount: units.length,
    weekTotals: covered!.reduce(addTotals, emptyTotals()),
    previousWeekTotals: before!.reduce(addTotals, emptyTotals()),
    yearTotals: ytd!.reduce(addTotals, emptyTotals()),
    targets: sumTargets(units.map((u) => u.targets)),
    ranking: ranked.map((r) => ({
      rank: r.rank,
      name: r.name,
      score: r.score,
      change: rankChange(r.rank, previous.get(r.unitId)),
      tieNote: r.tieNote,
    })),
    rules,
    signings: signings.map(named),
    funds: funds.map(named),
    stageMoves: stageMoves.map(named),
    laggards: findLaggards(ranked, lastEntered, asOf, progress, rules),
    silent: units.filter((_, i) => covered![i]!.reports === 0 && before![i]!.reports === 0).map((u) => u.name),
  };
}
