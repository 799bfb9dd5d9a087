// 落后单位: who lags, each with its reasons in plain words. Rules are configuration
// (RankingRules), with the defaults leaders use: no report this week, funds behind 序时进度
// by more than 10 points, the bottom 20% of the ranking.
import { completionRate, percent } from "./metrics.ts";
import type { RankedUnit, RankingRules } from "./ranking.ts";

export interface Laggard {
  unitId: string;
  name: string;
  reasons: string[];
}

export function bottomCount(units: number, share: number): number {
  return units < 2 || share <= 0 ? 0 : Math.max(1, Math.round(units * share));
}

/** Reasons for one unit; empty when it does not lag. */
export function laggardReasons(
  unit: RankedUnit,
  weekReports: number,
  unitCount: number,
  timeProgress: number,
  rules: RankingRules,
): string[] {
  const reasons: string[] = [];
  if (weekReports === 0) reasons.push("本周还没有上报");
  const funds = completionRate(unit.totals.fundsYuan, unit.targets.fundsArrived);
  if (funds !== null && (timeProgress - funds) * 100 > rules.laggardMarginPoints) {
    reasons.push(`到位资金完成率 ${percent(funds)}，落后序时进度 ${((timeProgress - funds) * 100).toFixed(1)} 个百分点`);
  }
  const bottom = bottomCount(unitCount, rules.bottomShare);
  if (bottom > 0 && unit.rank > unitCount - bottom) reasons.push(`赛马排名第 ${unit.rank}/${unitCount}，处于末位`);
  return reasons;
}

export function findLaggards(
  ranked: readonly RankedUnit[],
  weekReports: ReadonlyMap<string, number>,
  timeProgress: number,
  rules: RankingRules,
): Laggard[] {
  return ranked
    .map((u) => ({
      unitId: u.unitId,
      name: u.name,
      reasons: laggardReasons(u, weekReports.get(u.unitId) ?? 0, ranked.length, timeProgress, rules),
    }))
    .filter((l) => l.reasons.length > 0);
}
