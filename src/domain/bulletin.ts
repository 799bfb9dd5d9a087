// The monthly / quarterly 通报: per unit and metric the annual target, the period's figure, the
// year to date at the period's end, 完成率, 超/欠进度 against 序时进度, 同比, then the 赛马 位次
// and its change, a 红榜 and a 黑榜 with reasons, and county totals. Pure: the insights layer
// gathers the totals (a backfilled record sits in its own month's totals).
import type { BulletinPeriod } from "./bulletin-period.ts";
import { completionRate, ratio, sumTargets } from "./metrics.ts";
import { rankChange, rankUnits, type RankingRules } from "./ranking.ts";
import type { TargetField, Targets } from "./targets.ts";
import { addTotals, emptyTotals, type TotalField, type Totals } from "./totals.ts";

/** The metrics a 通报 reports, in the order leaders read them. */
export const BULLETIN_METRICS = [
  { field: "fundsArrived", total: "fundsYuan", label: "到位资金", money: true },
  { field: "signingCount", total: "signing", label: "签约项目", money: false },
  { field: "bigSigningCount", total: "bigSigning", label: "亿元以上项目", money: false },
  { field: "signingAmount", total: "signingYuan", label: "签约金额", money: true },
  { field: "visitOut", total: "visitOut", label: "走出去", money: false },
  { field: "visitIn", total: "visitIn", label: "请进来", money: false },
] as const satisfies ReadonlyArray<{ field: TargetField; total: TotalField; label: string; money: boolean }>;

/** 招才引智 metrics: in a 通报 only when the county has a target or a figure for them. */
export const TALENT_BULLETIN_METRICS = [
  { field: "talentPeople", total: "talentPeople", label: "引才", money: false },
  { field: "talentHighPeople", total: "talentHighPeople", label: "高层次人才", money: false },
  { field: "talentProjects", total: "talentProject", label: "人才项目", money: false },
  { field: "innovationTeams", total: "innovationTeam", label: "创新团队", money: false },
] as const satisfies ReadonlyArray<{ field: TargetField; total: TotalField; label: string; money: boolean }>;

export type BulletinMetric = (typeof BULLETIN_METRICS)[number] | (typeof TALENT_BULLETIN_METRICS)[number];

/** The metrics this 通报 shows: the investment ones always, a talent one where the county has a target or figure. */
export function bulletinMetrics(b: Pick<Bulletin, "county">): BulletinMetric[] {
  const talent = TALENT_BULLETIN_METRICS.filter((m) => {
    const f = b.county[m.field];
    return f.target !== null || f.cumulative !== 0 || f.period !== 0;
  });
  return [...BULLETIN_METRICS, ...talent];
}

export interface MetricFigures {
  target: number | null;
  /** The period's own figure (本期). */
  period: number;
  /** Year to date at the period's end (累计完成). */
  cumulative: number;
  /** 完成率 = cumulative ÷ target. */
  completion: number | null;
  /** 完成率 − 序时进度, in percentage points (negative: 欠进度). */
  aheadPoints: number | null;
  /** Last year's same cumulative figure, when known. */
  lastYear: number | null;
  /** 同比 growth: cumulative ÷ lastYear − 1. */
  yoy: number | null;
}

export interface BulletinUnitInput {
  unitId: string;
  name: string;
  targets: Targets;
  /** The period's totals. */
  period: Totals;
  /** Year to date at the period's end. */
  cumulative: Totals;
  /** Year to date at the end of the previous period of the same length (for the rank change); null in the first. */
  previousCumulative: Totals | null;
  /** Last year's totals for the same months; null when unknown. */
  lastYear: Totals | null;
}

export interface BulletinUnitRow {
  unitId: string;
  name: string;
  rank: number;
  /** "↑2", "↓1", "–", or "新" when there was no previous period this year. */
  rankChange: string;
  score: number;
  reports: number;
  metrics: Record<TargetField, MetricFigures>;
}

export interface BoardEntry {
  name: string;
  reason: string;
}

export interface Bulletin {
  period: BulletinPeriod;
  timeProgress: number;
  units: BulletinUnitRow[];
  county: Record<TargetField, MetricFigures>;
  countyPeriod: Totals;
  red: BoardEntry[];
  black: BoardEntry[];
}

export function metricFigures(
  metric: BulletinMetric,
  targets: Targets,
  period: Totals,
  cumulative: Totals,
  lastYear: Totals | null,
  progress: number,
): MetricFigures {
  const target = targets[metric.field];
  const value = cumulative[metric.total];
  const completion = completionRate(value, target);
  const last = lastYear ? lastYear[metric.total] : null;
  const growth = last === null ? null : ratio(value, last);
  return {
    target: target ?? null,
    period: period[metric.total],
    cumulative: value,
    completion,
    aheadPoints: completion === null ? null : (completion - progress) * 100,
    lastYear: last,
    yoy: growth === null ? null : growth - 1,
  };
}

function figuresOf(
  targets: Targets,
  period: Totals,
  cumulative: Totals,
  lastYear: Totals | null,
  progress: number,
): Record<TargetField, MetricFigures> {
  const out = {} as Record<TargetField, MetricFigures>;
  for (const m of [...BULLETIN_METRICS, ...TALENT_BULLETIN_METRICS])
    out[m.field] = metricFigures(m, targets, period, cumulative, lastYear, progress);
  return out;
}

const pts = (n: number) => n.toFixed(1);
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

export function buildBulletin(
  period: BulletinPeriod,
  units: readonly BulletinUnitInput[],
  rules: RankingRules,
  progress: number,
): Bulletin {
  const ranked = rankUnits(
    units.map((u) => ({ unitId: u.unitId, name: u.name, targets: u.targets, totals: u.cumulative })),
    rules,
  );
  const hasPrevious = units.some((u) => u.previousCumulative !== null);
  const previous = hasPrevious
    ? new Map(
        rankUnits(
          units.map((u) => ({
            unitId: u.unitId,
            name: u.name,
            targets: u.targets,
            totals: u.previousCumulative ?? emptyTotals(),
          })),
          rules,
        ).map((r) => [r.unitId, r.rank]),
      )
    : new Map<string, number>();
  const byId = new Map(units.map((u) => [u.unitId, u]));
  const rows: BulletinUnitRow[] = ranked.map((r) => {
    const u = byId.get(r.unitId)!;
    return {
      unitId: u.unitId,
      name: u.name,
      rank: r.rank,
      rankChange: rankChange(r.rank, previous.get(u.unitId)),
      score: r.score,
      reports: u.period.reports,
      metrics: figuresOf(u.targets, u.period, u.cumulative, u.lastYear, progress),
    };
  });
  const sum = (pick: (u: BulletinUnitInput) => Totals | null) =>
    units.reduce((acc, u) => addTotals(acc, pick(u) ?? emptyTotals()), emptyTotals());
  const lastYearKnown = units.some((u) => u.lastYear !== null);
  const countyPeriod = sum((u) => u.period);
  const county = figuresOf(
    sumTargets(units.map((u) => u.targets)),
    countyPeriod,
    sum((u) => u.cumulative),
    lastYearKnown ? sum((u) => u.lastYear) : null,
    progress,
  );
  return { period, timeProgress: progress, units: rows, county, countyPeriod, ...boards(rows, rules) };
}

/**
 * 红榜: units whose 到位资金 完成率 is at or ahead of 序时进度, furthest ahead first, with the other
 * metrics they are ahead on. 黑榜: units behind on 到位资金 by more than the laggard margin, or
 * with nothing reported in the period; the furthest behind first.
 */
function boards(rows: readonly BulletinUnitRow[], rules: RankingRules): { red: BoardEntry[]; black: BoardEntry[] } {
  const funds = (r: BulletinUnitRow) => r.metrics.fundsArrived;
  const aheadOthers = (r: BulletinUnitRow) =>
    BULLETIN_METRICS.filter((m) => m.field !== "fundsArrived" && (r.metrics[m.field].aheadPoints ?? -1) >= 0).map(
      (m) => m.label,
    );
  const red = rows
    .filter((r) => r.reports > 0 && funds(r).aheadPoints !== null && funds(r).aheadPoints! >= 0)
    .sort((a, b) => funds(b).aheadPoints! - funds(a).aheadPoints! || a.rank - b.rank)
    .map((r) => {
      const others = aheadOthers(r);
      return {
        name: r.name,
        reason: `到位资金完成率 ${pct(funds(r).completion!)}，超序时进度 ${pts(funds(r).aheadPoints!)} 个百分点${others.length ? `；${others.join("、")}也超序时` : ""}`,
      };
    });
  const black = rows
    .map((r) => {
      const reasons: string[] = [];
      if (r.reports === 0) reasons.push("本期没有上报任何工作");
      const f = funds(r);
      if (f.aheadPoints !== null && -f.aheadPoints > rules.laggardMarginPoints) {
        reasons.push(`到位资金完成率 ${pct(f.completion!)}，欠序时进度 ${pts(-f.aheadPoints)} 个百分点`);
      }
      return { row: r, reasons, behind: f.aheadPoints ?? 0 };
    })
    .filter((x) => x.reasons.length > 0)
    .sort((a, b) => a.behind - b.behind || b.row.rank - a.row.rank)
    .map((x) => ({ name: x.row.name, reason: x.reasons.join("；") }));
  return { red, black };
}
