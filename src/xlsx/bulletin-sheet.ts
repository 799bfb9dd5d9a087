// 单位进度: the 通报 table, one row per unit in 位次 order, a 全县 row, then the 红榜 and 黑榜.
import { type Bulletin, bulletinMetrics, type MetricFigures } from "../domain/bulletin.ts";
import { monthDay } from "./cells.ts";
import type { CellValue, ColumnSpec, XlsxWriter } from "./writer.ts";

export function writeBulletinSheet(xlsx: XlsxWriter, b: Bulletin, countyName: string, tab?: number): void {
  // A 通报 of one month or quarter shows the period's own figure too; the year to date does not repeat it.
  const showPeriod = b.period.fromMonth > 1 || b.period.kind === "month";
  // 招才引智 columns only when the county has talent targets or figures.
  const metrics = bulletinMetrics(b);
  const columns: ColumnSpec[] = [
    { header: "位次", width: 6, kind: "count" },
    { header: "位次变化", width: 7, kind: "text" },
    { header: "单位", width: 14, kind: "text" },
    { header: "赛马得分", width: 8, kind: "decimal" },
  ];
  for (const m of metrics) {
    const unit = m.money ? "（万元）" : "";
    columns.push({ header: `${m.label}\n年度目标${unit}`, width: 11, kind: m.money ? "wan" : "count" });
    if (showPeriod) columns.push({ header: `${m.label}\n本期完成${unit}`, width: 11, kind: m.money ? "wan" : "count" });
    columns.push(
      { header: `${m.label}\n累计完成${unit}`, width: 11, kind: m.money ? "wan" : "count" },
      { header: `${m.label}\n完成率`, width: 8, kind: "percent" },
      { header: `${m.label}\n超/欠进度（点）`, width: 9, kind: "points" },
      { header: `${m.label}\n同比`, width: 8, kind: "percent" },
    );
  }
  const sheet = xlsx.sheet({
    name: "单位进度",
    title: `${countyName}${b.period.label}招商引资工作通报`,
    subtitle: `截至${monthDay(b.period.end)}，序时进度 ${(b.timeProgress * 100).toFixed(1)}%；金额单位：万元`,
    columns,
    tab,
  });
  const figures = (all: Record<string, MetricFigures>): CellValue[] =>
    metrics.flatMap((m) => {
      const f = all[m.field]!;
      const scale = (n: number | null) => (n === null ? null : m.money ? n / 10_000 : n);
      return [
        scale(f.target),
        ...(showPeriod ? [scale(f.period)] : []),
        scale(f.cumulative),
        f.completion,
        f.aheadPoints,
        f.yoy,
      ];
    });
  for (const u of b.units)
    sheet.row([u.rank, u.rankChange, u.name, Math.round(u.score * 10) / 10, ...figures(u.metrics)]);
  sheet.row([null, null, "全县", null, ...figures(b.county)], "total");
  const board = (label: string, entries: Bulletin["red"]) => {
    if (entries.length === 0) sheet.row([null, null, `${label}：暂无`]);
    for (const [i, e] of entries.entries()) sheet.row([i + 1, label, `${e.name}：${e.reason}`]);
  };
  board("红榜", b.red);
  board("黑榜", b.black);
}
