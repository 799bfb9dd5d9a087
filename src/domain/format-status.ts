// /status, 排名 and 总览 replies: pure functions of the figures, sized for a phone screen.
import { formatUsd, formatYuan } from "./amount.ts";
import { carryOverLine } from "./format-carry-over.ts";
import { manufacturingShare, percent, TARGET_ACTUAL, targetProgress } from "./metrics.ts";
import type { Period } from "./periods.ts";
import { FIVE_RATES, RATE_LABEL, scoredRates, scoreLabels, type Rates, type RankingRules } from "./ranking.ts";
import { MONEY_TARGETS, shownTargetFields, TARGET_LABEL, TARGET_UNIT, type Targets } from "./targets.ts";
import type { Totals } from "./totals.ts";
import type { IsoDate } from "./types.ts";

const optional = (line: string | null): string[] => (line ? [line] : []);

const dateLabel = (d: IsoDate) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** One line a week: the counts and amounts that moved. */
export function formatPeriodLine(t: Totals): string {
  const parts = [
    `走出去 ${t.visitOut}`,
    `请进来 ${t.visitIn}`,
    `签约 ${t.signing}个${t.signing ? ` ${formatYuan(t.signingYuan)}` : ""}`,
  ];
  parts.push(`到位 ${formatYuan(t.fundsYuan)}`);
  if (t.fundsUsd) parts.push(`境外 ${formatUsd(t.fundsUsd)}`);
  // 招才引智 only when something moved, so weeks without talent reports read as before.
  if (t.talentPeople) parts.push(`引才 ${t.talentPeople}人`);
  if (t.talentProject) parts.push(`人才项目 ${t.talentProject}个`);
  if (t.innovationTeam) parts.push(`创新团队 ${t.innovationTeam}个`);
  return parts.join(" · ");
}

/** "走出去 20/24次 83.3% ⚠️落后序时6.0点" — each target against the year's time progress. */
export function formatTargetLines(totals: Totals, targets: Targets, progress: number): string[] {
  return shownTargetFields(targets, (f) => totals[TARGET_ACTUAL[f]]).map((field) => {
    const p = targetProgress(field, totals, targets, progress);
    const money = MONEY_TARGETS.has(field);
    const show = (n: number) => (money ? formatYuan(n) : `${n}${TARGET_UNIT[field] ?? ""}`);
    if (p.completion === null) return `${TARGET_LABEL[field]} ${show(p.actual)}（未设目标）`;
    const mark = p.aheadPoints! >= 0 ? "✅" : `⚠️落后序时${(-p.aheadPoints!).toFixed(1)}点`;
    return `${TARGET_LABEL[field]} ${show(p.actual)}/${show(p.target!)} 完成${percent(p.completion)} ${mark}${ofTimeProgress(p.completion, progress)}`;
  });
}

/** "（完成序时进度93.3%）": 完成率 ÷ 序时进度, as county 通报 write it; empty before the year starts. */
export function ofTimeProgress(completion: number, progress: number): string {
  return progress > 0 ? `（完成序时进度${percent(completion / progress)}）` : "";
}

export function formatRates(rates: Rates): string {
  const talent = rates.talentRate === null ? "" : ` · ${RATE_LABEL.talentRate}${percent(rates.talentRate)}`;
  return FIVE_RATES.map((n) => `${RATE_LABEL[n]}${percent(rates[n])}`).join(" · ") + talent;
}

export interface StatusView {
  unitName: string;
  today: IsoDate;
  week: Period;
  weekTotals: Totals;
  yearTotals: Totals;
  targets: Targets;
  timeProgress: number;
  rates: Rates;
  rank: number;
  unitCount: number;
  change: string;
  score: number;
  /** The score as shown, with more decimals when a neighbour would look the same (see scoreLabels). */
  scoreLabel?: string;
  tieNote: string | null;
  laggardReasons: string[];
}

export function formatStatus(v: StatusView): string {
  const lines = [
    `📊 ${v.unitName} · ${v.today.slice(0, 4)}年${dateLabel(v.today)}`,
    `本周${v.week.label.replace(/^第\d+周/, "")}：${formatPeriodLine(v.weekTotals)}`,
    `本年累计（序时进度 ${percent(v.timeProgress)}）：`,
    ...formatTargetLines(v.yearTotals, v.targets, v.timeProgress),
    `制造业资金占比 ${percent(manufacturingShare(v.yearTotals))}${v.yearTotals.fundsUsd ? ` · 境外 ${formatUsd(v.yearTotals.fundsUsd)}` : ""}`,
    `落地 ${v.yearTotals.landed} · 开工 ${v.yearTotals.started} · 投产 ${v.yearTotals.producing} · 入库 ${v.yearTotals.registered}`,
    ...optional(carryOverLine(v.yearTotals)),
    `五个率：${formatRates(v.rates)}`,
    `🏇 赛马第 ${v.rank}/${v.unitCount} 名（${v.change}）· ${v.scoreLabel ?? v.score.toFixed(1)}分${v.tieNote ? `（${v.tieNote}）` : ""}`,
  ];
  if (v.laggardReasons.length > 0) lines.push(`⚠️ 需加油：${v.laggardReasons.join("；")}`);
  return lines.join("\n");
}

export interface RankingRow {
  rank: number;
  name: string;
  score: number;
  change: string;
  tieNote: string | null;
}

/** Rows beyond this are folded: the top and the bottom stay, which is what leaders read. */
const RANKING_MAX_ROWS = 40;

export function formatRanking(
  rows: readonly RankingRow[],
  today: IsoDate,
  progress: number,
  rules: RankingRules,
): string {
  const lines = [`🏇 赛马排名 · ${today.slice(0, 4)}年（截至${dateLabel(today)}，序时进度 ${percent(progress)}）`];
  if (rows.length === 0) return `${lines[0]}\n还没有单位。`;
  const labels = scoreLabels(rows.map((r) => r.score));
  const line = (r: RankingRow, i: number) => `${r.rank}. ${r.name} ${labels[i]}分 ${r.change}`;
  const shown =
    rows.length <= RANKING_MAX_ROWS
      ? rows.map(line)
      : [
          ...rows.slice(0, 30).map(line),
          `……（第 31–${rows.length - 10} 名略）`,
          ...rows.slice(-10).map((r, i) => line(r, rows.length - 10 + i)),
        ];
  lines.push(...shown);
  const ties = rows.filter((r) => r.tieNote).map((r) => `${r.name}${r.tieNote}`);
  if (ties.length > 0) lines.push(`同分说明：${ties.slice(0, 3).join("；")}${ties.length > 3 ? " 等" : ""}`);
  lines.push(
    `得分＝${scoredRates(rules)
      .map((n) => `${RATE_LABEL[n]}×${rules.weights[n]}`)
      .join(" + ")}（折算百分制，单项封顶${percent(rules.rateCap)}）`,
  );
  return lines.join("\n");
}

export interface OverviewView {
  today: IsoDate;
  unitCount: number;
  week: Period;
  weekTotals: Totals;
  yearTotals: Totals;
  targets: Targets;
  timeProgress: number;
  /** Projects still under negotiation (not 在谈 reports): see negotiatingProjects. */
  negotiating: number;
  /** Worst first (see worstFirst), so a cut list keeps the units furthest behind. */
  laggards: Array<{ name: string; reasons: string[] }>;
}

/** Laggards named in 总览 before "等"; the worst come first, so only the better ones are folded. */
const OVERVIEW_LAGGARDS = 8;

/** "到位资金 2.00亿元 = 省外 … + 市外 … + 境外 … + 未注明来源 …": the parts add up to the total; USD apart. */
export function formatFundsSplit(t: Totals): string {
  const unspecified = t.fundsYuan - t.fundsProvOutYuan - t.fundsCityOutYuan - t.fundsForeignYuan;
  const parts = [`省外 ${formatYuan(t.fundsProvOutYuan)}`, `市外 ${formatYuan(t.fundsCityOutYuan)}`];
  if (t.fundsForeignYuan) parts.push(`境外 ${formatYuan(t.fundsForeignYuan)}`);
  if (unspecified) parts.push(`未注明来源 ${formatYuan(unspecified)}`);
  const usd = t.fundsUsd ? `；另有 ${formatUsd(t.fundsUsd)}（美元，不计入上述合计）` : "";
  return `到位资金 ${formatYuan(t.fundsYuan)} = ${parts.join(" + ")}${usd} · 制造业占比 ${percent(manufacturingShare(t))}`;
}

export function formatOverview(v: OverviewView): string {
  const t = v.yearTotals;
  const lines = [
    `🏛 全县总览 · ${v.unitCount} 个单位 · 截至${dateLabel(v.today)}`,
    `本周${v.week.label.replace(/^第\d+周/, "")}：${formatPeriodLine(v.weekTotals)}`,
    `本年累计（序时进度 ${percent(v.timeProgress)}）：`,
    ...formatTargetLines(t, v.targets, v.timeProgress),
    `亿元以上签约 ${t.bigSigning}个 ${formatYuan(t.bigSigningYuan)}`,
    formatFundsSplit(t),
    `项目：在谈 ${v.negotiating} · 签约 ${t.signing} · 落地 ${t.landed} · 开工 ${t.started} · 投产 ${t.producing} · 入库 ${t.registered}`,
    ...optional(carryOverLine(t)),
  ];
  if (v.laggards.length > 0) {
    const names = v.laggards
      .slice(0, OVERVIEW_LAGGARDS)
      .map((l) => l.name)
      .join("、");
    const more =
      v.laggards.length > OVERVIEW_LAGGARDS ? ` 等（另 ${v.laggards.length - OVERVIEW_LAGGARDS} 个较轻）` : "";
    lines.push(`⚠️ 落后单位 ${v.laggards.length} 个（最落后的在前）：${names}${more}（发「/status 单位」看原因）`);
  }
  return lines.join("\n");
}
