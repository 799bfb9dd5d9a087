// The weekly digest for leaders (双招双引工作周报): pure, from figures the insights layer gathers.
// Markdown in the subset both platforms render (headings, bold, plain lines); the channels
// split it to their size limits.
import { formatUsd, formatYuan } from "./amount.ts";
import { formatMoneyOf } from "./format-report.ts";
import { formatTargetLines, type RankingRow } from "./format-status.ts";
import type { Laggard } from "./laggards.ts";
import { manufacturingShare, percent } from "./metrics.ts";
import type { Period } from "./periods.ts";
import { scoreLabels, type RankingRules } from "./ranking.ts";
import { BIG_SIGNING_YUAN, type ReportRecord } from "./record.ts";
import type { Targets } from "./targets.ts";
import type { Totals } from "./totals.ts";
import { KIND_LABEL, type IsoDate } from "./types.ts";
import { shortDate as md } from "./periods.ts";

type Named = ReportRecord & { unitName: string };

export interface DigestData {
  week: Period;
  /** The day the year-to-date figures stand at (the week's Sunday, or today for this week). */
  asOf: IsoDate;
  timeProgress: number;
  unitCount: number;
  weekTotals: Totals;
  /** The week before the covered week, for "against last week". */
  previousWeekTotals: Totals;
  yearTotals: Totals;
  targets: Targets;
  ranking: RankingRow[];
  rules: RankingRules;
  /** The week's largest signings, largest first. */
  signings: Named[];
  /** The week's largest fund arrivals. */
  funds: Named[];
  /** The week's latest stage moves (落地/开工/投产/入库). */
  stageMoves: Named[];
  laggards: Laggard[];
  /** Units with no report this week nor the week before. */
  silent: string[];
}

const money = (r: ReportRecord) => formatMoneyOf(r) ?? "";

/** Long lists are cut so the digest stays readable on a phone; the rest is counted. */
function capped(items: string[], max: number, unit: string): string[] {
  return items.length <= max ? items : [...items.slice(0, max), `……另有 ${items.length - max} ${unit}`];
}

export function digestTitle(week: Period): string {
  return `双招双引工作周报 · ${week.label}`;
}

/** "**招才引智**：引才 5 人（高层次 2 人）· …": only in a week that had talent reports. */
function talentWeek(w: Totals): string[] {
  if (!w.talentRecruit && !w.talentProject && !w.innovationTeam) return [];
  const high = w.talentHighPeople ? `（高层次 ${w.talentHighPeople} 人）` : "";
  return [
    "",
    `**招才引智**：引才 ${w.talentPeople} 人${high}${high ? "" : " "}· 人才项目 ${w.talentProject} 个 · 创新团队 ${w.innovationTeam} 个`,
  ];
}

export function formatDigest(d: DigestData): { title: string; markdown: string } {
  const w = d.weekTotals;
  const title = digestTitle(d.week);
  const lines: string[] = [`## ${title}`, ""];
  lines.push(
    `**本周**：走出去 ${w.visitOut} 次 · 请进来 ${w.visitIn} 批 · 签约 ${w.signing} 个（亿元以上 ${w.bigSigning} 个）${formatYuan(w.signingYuan)} · 到位资金 ${formatYuan(w.fundsYuan)} · 制造业占比 ${percent(manufacturingShare(w))}${w.fundsUsd ? ` · 境外 ${formatUsd(w.fundsUsd)}` : ""}`,
    ...talentWeek(w),
    "",
    `**本年累计**（截至${md(d.asOf)}，序时进度 ${percent(d.timeProgress)}，${d.unitCount} 个单位）`,
    ...formatTargetLines(d.yearTotals, d.targets, d.timeProgress),
    `亿元以上签约 ${d.yearTotals.bigSigning} 个 ${formatYuan(d.yearTotals.bigSigningYuan)} · 制造业资金占比 ${percent(manufacturingShare(d.yearTotals))}${d.yearTotals.fundsUsd ? ` · 境外 ${formatUsd(d.yearTotals.fundsUsd)}` : ""}`,
    "",
    "**赛马排名**",
  );
  const labels = scoreLabels(d.ranking.map((r) => r.score));
  const row = (r: RankingRow) => `${r.rank}. ${r.name} ${labels[r.rank - 1] ?? r.score.toFixed(1)}分 ${r.change}`;
  lines.push(
    ...(d.ranking.length <= 25
      ? d.ranking.map(row)
      : [
          ...d.ranking.slice(0, 15).map(row),
          `……（第 16–${d.ranking.length - 5} 名略，发「排名」查看）`,
          ...d.ranking.slice(-5).map(row),
        ]),
  );
  lines.push("", `**本周签约**（${w.signing} 个，亿元以上 ${w.bigSigning} 个）`);
  if (w.signing === 0) lines.push("本周无新签约");
  for (const r of d.signings) {
    const big = (r.amountYuan ?? 0) >= BIG_SIGNING_YUAN;
    lines.push(`${big ? "🔥 **" : "· "}${r.project} ${money(r)}${big ? "**" : ""}（${r.unitName}）`);
  }
  if (w.signing > d.signings.length) lines.push(`……另有 ${w.signing - d.signings.length} 个`);
  lines.push("", `**项目进展**：落地 ${w.landed} · 开工 ${w.started} · 投产 ${w.producing} · 入库 ${w.registered}`);
  for (const r of d.stageMoves) lines.push(`· ${r.project} ${KIND_LABEL[r.kind]}（${r.unitName}，${md(r.date)}）`);
  if (d.funds.length > 0) {
    lines.push("", "**到位资金前五**");
    for (const [i, r] of d.funds.entries()) lines.push(`${i + 1}. ${r.project} ${money(r)}（${r.unitName}）`);
  }
  lines.push("", `**落后单位**（${d.laggards.length} 个）`);
  if (d.laggards.length === 0) lines.push("无");
  lines.push(
    ...capped(
      d.laggards.map((l) => `· ${l.name}：${l.reasons.join("；")}`),
      20,
      "个单位",
    ),
  );
  if (d.silent.length > 0) {
    lines.push("", `**连续两周以上未上报**（${d.silent.length} 个）：${capped(d.silent, 30, "个").join("、")}`);
  }
  return { title, markdown: lines.join("\n") };
}
