// 赛马: units ranked by a weighted score of the 五个率. Each rate's definition and each weight
// are configuration; the ranking ranks business outcomes only, never bot usage (the rules
// against 指尖上的形式主义 forbid ranking by message counts).
import { ratio } from "./metrics.ts";
import type { TargetField, Targets } from "./targets.ts";
import type { Totals, TotalField } from "./totals.ts";

export const RATE_NAMES = ["signingRate", "landingRate", "startRate", "fundsRate", "mfgShare", "talentRate"] as const;
export type RateName = (typeof RATE_NAMES)[number];
/** The 五个率 every reply shows; the talent rate (引才完成率) shows where it counts or has a target. */
export const FIVE_RATES: readonly RateName[] = RATE_NAMES.filter((n) => n !== "talentRate");

/** The rates a score formula names: the five, and the talent rate once it has a weight. */
export function scoredRates(rules: Pick<RankingRules, "weights">): RateName[] {
  return RATE_NAMES.filter((n) => n !== "talentRate" || rules.weights.talentRate > 0);
}

export const RATE_LABEL: Record<RateName, string> = {
  signingRate: "签约率",
  landingRate: "落地率",
  startRate: "开工率",
  fundsRate: "资金到位率",
  mfgShare: "制造业资金占比",
  talentRate: "引才完成率",
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
  /** Behind 序时进度 on funds by more than this many points (and behind the county, below) makes a laggard. */
  laggardMarginPoints: number;
  /** …and behind the county's own funds completion by more than this many points. */
  paceMarginPoints: number;
  /** Nothing entered for this many days makes a laggard (0 turns the rule off). */
  silentDays: number;
  /** The bottom share of the ranking counts as lagging (at least one unit; 0 turns the rule off). */
  bottomShare: number;
  /**
   * Projects carried over from earlier years (续建) count in the denominators that are this year's
   * signings (签约个数 → 签约个数 + 续建个数, 签约金额 → + 续建总投资). Off by default, as county
   * 通报 rate this year's signings only; their 落地/开工… this year count in the numerators either way.
   */
  carryOverInRates: boolean;
}

export const DEFAULT_RANKING_RULES: RankingRules = {
  rates: {
    signingRate: { numerator: "signing", denominator: { target: "signingCount" } },
    landingRate: { numerator: "landed", denominator: { total: "signing" } },
    startRate: { numerator: "started", denominator: { total: "signing" } },
    fundsRate: { numerator: "fundsYuan", denominator: { target: "fundsArrived" } },
    mfgShare: { numerator: "fundsMfgYuan", denominator: { total: "fundsYuan" } },
    talentRate: { numerator: "talentPeople", denominator: { target: "talentPeople" } },
  },
  // 引才完成率 counts for nothing until an admin gives it a weight (赛马设置 权重 引才完成率10):
  // a weight of 0 adds 0 to both sums of scoreOf, so rankings stay exactly as they were.
  weights: { signingRate: 30, landingRate: 15, startRate: 15, fundsRate: 30, mfgShare: 10, talentRate: 0 },
  rateCap: 1,
  laggardMarginPoints: 10,
  paceMarginPoints: 10,
  silentDays: 14,
  bottomShare: 0.1,
  carryOverInRates: false,
};

/** With carryOverInRates, what a denominator of this year's signings also counts. */
const CARRIED_OVER_PART: Partial<Record<TotalField, TotalField>> = {
  signing: "carryOver",
  signingYuan: "carryOverYuan",
};

export type Rates = Record<RateName, number | null>;

/** Each rate of a unit; null when its denominator is zero or its target unset. */
export function computeRates(totals: Totals, targets: Targets, rules: RankingRules): Rates {
  const rates = {} as Rates;
  for (const name of RATE_NAMES) {
    const { numerator, denominator } = rules.rates[name];
    const below =
      "target" in denominator ? (targets[denominator.target] ?? 0) : denominatorTotal(totals, denominator.total, rules);
    rates[name] = ratio(totals[numerator], below);
  }
  return rates;
}

function denominatorTotal(totals: Totals, field: TotalField, rules: RankingRules): number {
  const carried = rules.carryOverInRates ? CARRIED_OVER_PART[field] : undefined;
  return totals[field] + (carried ? totals[carried] : 0);
}

/** Weighted score out of 100; a missing rate scores nothing. */
export function scoreOf(rates: Rates, rules: RankingRules): number {
  const total = RATE_NAMES.reduce((sum, name) => sum + rules.weights[name], 0);
  if (total <= 0) return 0;
  const points = RATE_NAMES.reduce(
    (sum, name) => sum + rules.weights[name] * Math.min(rates[name] ?? 0, rules.rateCap),
    0,
  );
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

/** Scores this close are the same score: float noise, not a difference anyone earned. */
const SAME_SCORE = 1e-9;

export function rankUnits(units: readonly RankInput[], rules: RankingRules): RankedUnit[] {
  // Ranks come from exact scores; only a true tie falls to the tie-breakers.
  const scored = units.map((u) => {
    const rates = computeRates(u.totals, u.targets, rules);
    return { u, rates, score: scoreOf(rates, rules) };
  });
  scored.sort((a, b) => {
    if (Math.abs(a.score - b.score) > SAME_SCORE) return b.score - a.score;
    for (const { field } of TIE_BREAKERS)
      if (a.u.totals[field] !== b.u.totals[field]) return b.u.totals[field] - a.u.totals[field];
    return a.u.name < b.u.name ? -1 : a.u.name > b.u.name ? 1 : 0;
  });
  return scored.map((entry, i) => {
    const next = scored[i + 1];
    let tieNote: string | null = null;
    if (next && Math.abs(next.score - entry.score) <= SAME_SCORE) {
      const decider = TIE_BREAKERS.find(({ field }) => entry.u.totals[field] !== next.u.totals[field]);
      tieNote = `与${next.u.name}同分，${decider ? `${decider.label}更多` : "按单位名称"}排前`;
    }
    const { unitId, name, totals, targets } = entry.u;
    return { unitId, name, totals, targets, rank: i + 1, rates: entry.rates, score: entry.score, tieNote };
  });
}

/**
 * Each score as shown, one decimal unless a neighbour with a different exact score would look
 * the same: then as many decimals (up to 4) as tell them apart. Input in rank order.
 */
export function scoreLabels(scores: readonly number[]): string[] {
  const same = (a: number, b: number) => Math.abs(a - b) <= SAME_SCORE;
  const digits = scores.map((score, i) => {
    const neighbours = [scores[i - 1], scores[i + 1]].filter((n): n is number => n !== undefined && !same(n, score));
    let d = 1;
    while (d < 4 && neighbours.some((n) => n.toFixed(d) === score.toFixed(d))) d++;
    return d;
  });
  // Equal scores side by side share one precision, so a true tie looks like one.
  for (let i = 1; i < scores.length; i++)
    if (same(scores[i]!, scores[i - 1]!)) digits[i] = Math.max(digits[i]!, digits[i - 1]!);
  for (let i = scores.length - 2; i >= 0; i--)
    if (same(scores[i]!, scores[i + 1]!)) digits[i] = Math.max(digits[i]!, digits[i + 1]!);
  return scores.map((score, i) => score.toFixed(digits[i]));
}

/** "↑2", "↓1", "–" (unchanged) or "新" (not ranked last week). */
export function rankChange(rank: number, previous: number | undefined): string {
  if (previous === undefined) return "新";
  if (previous === rank) return "–";
  return previous > rank ? `↑${previous - rank}` : `↓${rank - previous}`;
}
