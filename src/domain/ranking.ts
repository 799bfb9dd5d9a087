// 赛马: units ranked by a weighted score of the 五个率. Each rate's definition and each weight
// are configuration; the ranking ranks business outcomes only, never bot usage (the rules
// against 指尖上的形式主义 forbid ranking by message counts).
import { ratio } from "./metrics.ts";
import type { TargetField, Targets } from "./targets.ts";
import type { Totals, TotalField } from "./totals.ts";

export const RATE_NAMES = ["signingRate", "landingRate", "startRate", "fundsRate", "mfgShare"] as const;
export type RateName = (typeof RATE_NAMES)[number];

export const RATE_LABEL: Record<RateName, string> = {
  signingRate: "签约率",
  landingRate: "落地率",
  startRate: "开工率",
  fundsRate: "资金到位率",
  mfgShare: "制造业资金占比",
};

export type Operand = { total: TotalField } | { target: TargetField };

export interface RateDefinition {
  numerator: TotalField;
  denominator: Operand;
}

export interface RankingRules {
  rates: Record<RateName, RateDefinition>;
  /** Relative weights; the score is out of 100 whatever they add up to. */
  weights: Record<RateName, number>;
  /** A rate counts at most this much toward the score (1 = 100%, over-fulfilment earns no extra). */
  rateCap: number;
  /** Behind 序时进度 on funds by more than this many points makes a laggard. */
  laggardMarginPoints: number;
  /** The bottom share of the ranking counts as lagging (at least one unit). */
  bottomShare: number;
}

export const DEFAULT_RANKING_RULES: RankingRules = {
  rates: {
    signingRate: { numerator: "signing", denominator: { target: "signingCount" } },
    landingRate: { numerator: "landed", denominator: { total: "signing" } },
    startRate: { numerator: "started", denominator: { total: "signing" } },
    fundsRate: { numerator: "fundsYuan", denominator: { target: "fundsArrived" } },
    mfgShare: { numerator: "fundsMfgYuan", denominator: { total: "fundsYuan" } },
  },
  weights: { signingRate: 30, landingRate: 15, startRate: 15, fundsRate: 30, mfgShare: 10 },
  rateCap: 1,
  laggardMarginPoints: 10,
  bottomShare: 0.2,
};

export type Rates = Record<RateName, number | null>;

/** Each rate of a unit; null when its denominator is zero or its target unset. */
export function computeRates(totals: Totals, targets: Targets, rules: RankingRules): Rates {
  const rates = {} as Rates;
  for (const name of RATE_NAMES) {
    const { numerator, denominator } = rules.rates[name];
    const below = "target" in denominator ? (targets[denominator.target] ?? 0) : totals[denominator.total];
    rates[name] = ratio(totals[numerator], below);
  }
  return rates;
}

/** Weighted score out of 100; a missing rate scores nothing. */
export function scoreOf(rates: Rates, rules: RankingRules): number {
  const total = RATE_NAMES.reduce((sum, name) => sum + rules.weights[name], 0);
  if (total <= 0) return 0;
  const points = RATE_NAMES.reduce((sum, name) => sum + rules.weights[name] * Math.min(rates[name] ?? 0, rules.rateCap), 0);
  return (points / total) * 100;
}

export interface RankInput {
  unitId: string;
  name: string;
  totals: Totals;
  targets: Targets;
}

export interface RankedUnit extends RankInput {
  rank: number;
  rates: Rates;
  score: number;
  /** Why this unit is ahead of an equal-score neighbour, in plain words. */
  tieNote: string | null;
}

/** Ties on score are broken by funds arrived, then signing amount, then unit name (stable). */
const TIE_BREAKERS: Array<{ field: TotalField; label: string }> = [
  { field: "fundsYuan", label: "到位资金" },
  { field: "signingYuan", label: "签约金额" },
];

export function rankUnits(units: readonly RankInput[], rules: RankingRules): RankedUnit[] {
  // Scores are rounded to the 0.01 points shown, so equal-looking scores compare equal.
  const scored = units.map((u) => {
    const rates = computeRates(u.totals, u.targets, rules);
    const score = scoreOf(rates, rules);
    return { u, rates, score, key: Math.round(score * 100) };
  });
  scored.sort((a, b) => {
    if (a.key !== b.key) return b.key - a.key;
    for (const { field } of TIE_BREAKERS) if (a.u.totals[field] !== b.u.totals[field]) return b.u.totals[field] - a.u.totals[field];
    return a.u.name < b.u.name ? -1 : a.u.name > b.u.name ? 1 : 0;
  });
  return scored.map((entry, i) => {
    const next = scored[i + 1];
    let tieNote: string | null = null;
    if (next && next.key === entry.key) {
      const decider = TIE_BREAKERS.find(({ field }) => entry.u.totals[field] !== next.u.totals[field]);
      tieNote = `与${next.u.name}同分，${decider ? `${decider.label}更多` : "按单位名称"}排前`;
    }
    const { unitId, name, totals, targets } = entry.u;
    return { unitId, name, totals, targets, rank: i + 1, rates: entry.rates, score: entry.score, tieNote };
  });
}

/** "↑2", "↓1", "–" (unchanged) or "新" (not ranked last week). */
export function rankChange(rank: number, previous: number | undefined): string {
  if (previous === undefined) return "新";
  if (previous === rank) return "–";
  return previous > rank ? `↑${previous - rank}` : `↓${rank - previous}`;
}
