// The 通报 as chat markdown: the first screen on a phone carries the county's figures, then the
// 位次 list, the 红榜 and the 黑榜. The full unit × metric table goes into the xlsx (单位进度).
import { formatYuan } from "./amount.ts";
import { type Bulletin, type BulletinMetric, bulletinMetrics, type MetricFigures } from "./bulletin.ts";
import { shortDate } from "./periods.ts";

/** Past this many units the 位次 list is cut (the file has every unit). */
const MAX_RANK_LINES = 30;

export function bulletinTitle(b: Bulletin): string {
  return `${b.period.label}招商引资工作通报${b.period.running ? "（进行中）" : ""}`;
}

export function formatFigure(metric: BulletinMetric, n: number): string {
  return metric.money ? formatYuan(n) : `${n}${COUNT_UNIT[metric.field] ?? "个"}`;
}

const COUNT_UNIT: Partial<Record<BulletinMetric["field"], string>> = {
  visitOut: "次",
  visitIn: "批",
  talentPeople: "人",
  talentHighPeople: "人",
};

/** "超 3.2 点" / "欠 5.0 点" / "" without a target. */
export function aheadText(f: MetricFigures): string {
  if (f.aheadPoints === null) return "";
  return f.aheadPoints >= 0 ? `超 ${f.aheadPoints.toFixed(1)} 点` : `欠 ${(-f.aheadPoints).toFixed(1)} 点`;
}

/** "同比 +12.0%" / "同比 -3.5%" / "" when last year is unknown or zero. */
export function yoyText(f: MetricFigures): string {
  if (f.yoy === null) return "";
  return `同比 ${f.yoy >= 0 ? "+" : ""}${(f.yoy * 100).toFixed(1)}%`;
}

function metricLine(metric: BulletinMetric, f: MetricFigures): string {
  const parts = [`本期 ${formatFigure(metric, f.period)}`, `累计 ${formatFigure(metric, f.cumulative)}`];
  if (f.target !== null)
    parts.push(
      `目标 ${formatFigure(metric, f.target)}`,
      `完成率 ${((f.completion ?? 0) * 100).toFixed(1)}%`,
      aheadText(f),
    );
  const yoy = yoyText(f);
  if (yoy) parts.push(yoy);
  return `- **${metric.label}**：${parts.filter(Boolean).join(" · ")}`;
}

export function formatBulletin(b: Bulletin): { title: string; markdown: string } {
  const title = bulletinTitle(b);
  const lines = [
    `## ${title}`,
    "",
    `> 截至${shortDate(b.period.end)} · 序时进度 ${(b.timeProgress * 100).toFixed(1)}% · ${b.units.length} 个单位`,
    "",
    "**全县**",
    ...bulletinMetrics(b).map((m) => metricLine(m, b.county[m.field])),
    "",
    "**位次**（赛马得分 · 到位资金完成率 · 超/欠序时进度）",
  ];
  if (b.units.length === 0) lines.push("还没有单位。");
  for (const u of b.units.slice(0, MAX_RANK_LINES)) {
    const f = u.metrics.fundsArrived;
    const funds = f.completion === null ? "到位资金无目标" : `到位 ${(f.completion * 100).toFixed(1)}% ${aheadText(f)}`;
    lines.push(`${u.rank}. ${u.name} ${u.score.toFixed(1)}分 ${u.rankChange} · ${funds}`);
  }
  if (b.units.length > MAX_RANK_LINES)
    lines.push(`……另有 ${b.units.length - MAX_RANK_LINES} 个单位，见台账文件「单位进度」表`);
  lines.push("", "**红榜**（到位资金超序时进度）");
  lines.push(...(b.red.length ? b.red.map((e, i) => `${i + 1}. ${e.name}：${e.reason}`) : ["暂无单位超序时进度。"]));
  lines.push("", "**黑榜**（落后序时进度或本期未上报）");
  lines.push(...(b.black.length ? b.black.map((e, i) => `${i + 1}. ${e.name}：${e.reason}`) : ["暂无。"]));
  return { title, markdown: lines.join("\n") };
}
