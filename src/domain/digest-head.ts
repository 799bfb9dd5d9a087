// The digest's first screen (≤ 15 lines): what a leader reads on a phone before scrolling —
// the week against the week before, the county against 序时进度, the top and bottom three
// with their change, and the 亿元以上 signings. Charts follow as images; the full digest is
// 「周报 详细」, the dashboard link and the 通报.
import { formatYuan } from "./amount.ts";
import type { DigestData } from "./digest.ts";
import type { RankingRow } from "./format-status.ts";
import { percent, targetProgress } from "./metrics.ts";
import { BIG_SIGNING_YUAN } from "./record.ts";

export const DIGEST_HEAD_MAX_LINES = 15;
const BIG_SHOWN = 3;

/** "（上周 1 个 3.00亿元）": the same figure a week earlier. */
const versus = (text: string) => `（上周 ${text}）`;

function standing(d: DigestData, field: "fundsArrived" | "signingAmount", label: string): string {
  const p = targetProgress(field, d.yearTotals, d.targets, d.timeProgress);
  if (p.completion === null) return `${label} ${formatYuan(p.actual)}（未设目标）`;
  const mark = p.aheadPoints! >= 0 ? "✅" : `⚠️落后${(-p.aheadPoints!).toFixed(1)}点`;
  return `${label} 完成${percent(p.completion)} ${mark}`;
}

const rankRow = (r: RankingRow) => `${r.name} ${r.score.toFixed(1)}分${r.change === "–" ? "" : ` ${r.change}`}`;

/** "**招才引智** 本周引才 3 人 · 全年 5 人 完成10.0%": only where the county has talent targets or figures. */
function talentLine(d: DigestData): string | null {
  const y = d.yearTotals;
  const any = y.talentPeople || y.talentProject || y.innovationTeam || d.targets.talentPeople !== undefined;
  if (!any) return null;
  const people = targetProgress("talentPeople", y, d.targets, d.timeProgress);
  const rate = people.completion === null ? "" : ` 完成${percent(people.completion)}`;
  const items = [
    y.talentProject ? `人才项目 ${y.talentProject} 个` : null,
    y.innovationTeam ? `创新团队 ${y.innovationTeam} 个` : null,
  ].filter(Boolean);
  return `**招才引智** 本周引才 ${d.weekTotals.talentPeople} 人 · 全年 ${y.talentPeople} 人${rate}${items.length ? ` · ${items.join(" · ")}` : ""}`;
}

export interface DigestHeadOptions {
  /** The dashboard link, when the dashboard is on. */
  link?: string | undefined;
  /** Images follow the text (the push); false for the chat reply. */
  withCharts?: boolean;
}

export function formatDigestHead(d: DigestData, options: DigestHeadOptions = {}): { title: string; markdown: string } {
  const title = `双招双引周报 · ${d.week.label}`;
  const w = d.weekTotals;
  const b = d.previousWeekTotals;
  const lines = [
    `## ${title}`,
    `**本周** 签约 ${w.signing} 个 ${formatYuan(w.signingYuan)}${versus(`${b.signing} 个 ${formatYuan(b.signingYuan)}`)}`,
    `**本周** 到位 ${formatYuan(w.fundsYuan)}${versus(formatYuan(b.fundsYuan))}`,
    `**全县** 序时进度 ${percent(d.timeProgress)} · ${standing(d, "fundsArrived", "到位资金")} · ${standing(d, "signingAmount", "签约金额")}`,
  ];
  const n = d.ranking.length;
  if (n > 0) {
    const top = d.ranking.slice(0, Math.min(3, n));
    lines.push(`**前三** ${top.map(rankRow).join("；")}`);
    if (n > 3)
      lines.push(
        `**后三** ${d.ranking
          .slice(Math.max(3, n - 3))
          .map(rankRow)
          .join("；")}`,
      );
  }
  const big = d.signings.filter((r) => (r.amountYuan ?? 0) >= BIG_SIGNING_YUAN);
  if (w.bigSigning === 0)
    lines.push(
      `**亿元以上签约** 本周无（全年 ${d.yearTotals.bigSigning} 个 ${formatYuan(d.yearTotals.bigSigningYuan)}）`,
    );
  else {
    lines.push(
      `**亿元以上签约** 本周 ${w.bigSigning} 个 ${formatYuan(w.bigSigningYuan)}（全年 ${d.yearTotals.bigSigning} 个）`,
    );
    for (const r of big.slice(0, BIG_SHOWN))
      lines.push(`🔥 ${r.project} ${formatYuan(r.amountYuan ?? 0)}（${r.unitName}）`);
    if (w.bigSigning > BIG_SHOWN) lines.push(`……另有 ${w.bigSigning - BIG_SHOWN} 个`);
  }
  const talent = talentLine(d);
  if (talent) lines.push(talent);
  if (d.laggards.length > 0)
    lines.push(
      `**落后单位** ${d.laggards.length} 个${d.silent.length ? `，其中连续两周未上报 ${d.silent.length} 个` : ""}`,
    );
  const more = [
    options.withCharts ? "图表见下方" : null,
    "全文发「周报 详细」",
    options.link ? `看板：${options.link}` : null,
  ].filter(Boolean);
  lines.push(more.join(" · "));
  return { title, markdown: lines.join("\n") };
}
