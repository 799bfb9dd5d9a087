// 落后单位: the few units that need a push, each with its reasons in plain words. Rules are
// configuration (RankingRules), with defaults meant to name a handful of units on real data:
// nothing entered for `silentDays` days (by the day it was entered, so a 补录 counts), funds
// clearly behind both 序时进度 and the county's own pace, and the bottom of the ranking.
import { daysBetween } from "./china-time.ts";
import { completionRate, percent } from "./metrics.ts";
import type { RankedUnit, RankingRules } from "./ranking.ts";
import type { IsoDate } from "./types.ts";

export interface Laggard {
  unitId: string;
  name: string;
  rank: number;
  reasons: string[];
}

export function bottomCount(units: number, share: number): number {
  return units < 2 || share <= 0 ? 0 : Math.max(1, Math.round(units * share));
}

/** The county's own pace on funds: all units' funds arrived ÷ their funds targets (null without targets). */
export function countyFundsRate(ranked: readonly RankedUnit[]): number | null {
  let actual = 0;
  let target = 0;
  for (const u of ranked) {
    if (!u.targets.fundsArrived) continue;
    actual += u.totals.fundsYuan;
    target += u.targets.fundsArrived;
  }
  return completionRate(actual, target);
}

export interface LaggardFacts {
  today: IsoDate;
  timeProgress: number;
  unitCount: number;
  /** See countyFundsRate. */
  countyFunds: number | null;
  /** China date the unit's latest report (not undone) was entered; null when none this year. */
  lastEntered: IsoDate | null;
}

/** Reasons for one unit; empty when it does not lag. */
export function laggardReasons(unit: RankedUnit, facts: LaggardFacts, rules: RankingRules): string[] {
  const reasons: string[] = [];
  if (rules.silentDays > 0) {
    if (facts.lastEntered === null || facts.lastEntered.slice(0, 4) !== facts.today.slice(0, 4))
      reasons.push("今年还没有上报");
    else {
      const days = daysBetween(facts.lastEntered, facts.today);
      if (days >= rules.silentDays)
        reasons.push(
          `已 ${days} 天没有上报（最近一次 ${Number(facts.lastEntered.slice(5, 7))}月${Number(facts.lastEntered.slice(8, 10))}日）`,
        );
    }
  }
  const funds = completionRate(unit.totals.fundsYuan, unit.targets.fundsArrived);
  if (funds !== null) {
    const behindTime = (facts.timeProgress - funds) * 100;
    const behindCounty = facts.countyFunds === null ? null : (facts.countyFunds - funds) * 100;
    if (behindTime > rules.laggardMarginPoints && (behindCounty === null || behindCounty > rules.paceMarginPoints)) {
      const county =
        behindCounty === null ? "" : `、全县平均（${percent(facts.countyFunds)}）${behindCounty.toFixed(1)} 个百分点`;
      reasons.push(`到位资金完成率 ${percent(funds)}，落后序时进度 ${behindTime.toFixed(1)} 个百分点${county}`);
    }
  }
  const bottom = bottomCount(facts.unitCount, rules.bottomShare);
  if (bottom > 0 && unit.rank > facts.unitCount - bottom)
    reasons.push(`赛马排名第 ${unit.rank}/${facts.unitCount}，处于末位`);
  return reasons;
}

export function findLaggards(
  ranked: readonly RankedUnit[],
  lastEntered: ReadonlyMap<string, IsoDate | null>,
  today: IsoDate,
  timeProgress: number,
  rules: RankingRules,
): Laggard[] {
  const countyFunds = countyFundsRate(ranked);
  return ranked
    .map((u) => ({
      unitId: u.unitId,
      name: u.name,
      rank: u.rank,
      reasons: laggardReasons(
        u,
        { today, timeProgress, unitCount: ranked.length, countyFunds, lastEntered: lastEntered.get(u.unitId) ?? null },
        rules,
      ),
    }))
    .filter((l) => l.reasons.length > 0);
}

/** Worst first: a list cut short for a phone screen never drops the units furthest behind. */
export function worstFirst<T extends { rank: number }>(laggards: readonly T[]): T[] {
  return [...laggards].sort((a, b) => b.rank - a.rank);
}
