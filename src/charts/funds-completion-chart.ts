// Chart 1: every unit's 到位资金 完成率 as bars, sorted, with 序时进度 as a dashed line; bars
// behind the line in the warning colour.
import type { ChartInputs } from "./chart-inputs.ts";
import { CHART_WIDTH, COLOR, FONT, TITLE_HEIGHT, type ChartSpec } from "./chart-spec.ts";

/** Up to this many units get a named horizontal bar each; beyond, a sorted profile without names. */
export const NAMED_BARS_MAX = 60;
const BAR_ROW = 44;

const pct = (rate: number) => Math.round(rate * 1000) / 10;

export function fundsCompletionChart(input: ChartInputs): ChartSpec {
  const rows = input.units
    .filter((u) => u.fundsCompletion !== null)
    .map((u) => ({ name: u.name, value: pct(u.fundsCompletion!) }))
    .sort((a, b) => b.value - a.value || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const line = pct(input.timeProgress);
  const behind = rows.filter((r) => r.value < line).length;
  const noTarget = input.units.length - rows.length;
  const subtitle = `序时进度 ${line.toFixed(1)}% · 落后 ${behind}/${rows.length} 个单位${noTarget ? ` · ${noTarget} 个未设到位资金目标` : ""}`;
  const named = rows.length <= NAMED_BARS_MAX;
  const markLine = {
    silent: true,
    symbol: "none",
    lineStyle: { type: "dashed", color: COLOR.line, width: 3 },
    label: {
      formatter: `序时进度 ${line.toFixed(1)}%`,
      fontSize: FONT.label,
      color: COLOR.line,
      position: named ? "start" : "insideEndTop",
    },
    data: [named ? { xAxis: line } : { yAxis: line }],
  };
  const valueAxis = { type: "value", axisLabel: { fontSize: FONT.axis, formatter: "{value}%", color: COLOR.muted } };
  const title = {
    text: `各单位到位资金完成率（截至${Number(input.asOf.slice(5, 7))}月${Number(input.asOf.slice(8, 10))}日）`,
    subtext: subtitle,
    left: 24,
    top: 16,
    textStyle: { fontSize: FONT.title, color: COLOR.text },
    subtextStyle: { fontSize: FONT.subtitle, color: COLOR.muted },
  };
  if (!named) {
    // Too many units for a bar each to be seen: the sorted profile as two filled steps, ahead
    // of the line then behind it (rows are sorted, so each part is contiguous) — two shapes
    // instead of a thousand bars, drawn in milliseconds.
    const ahead = rows.length - behind;
    const part = (from: number, to: number) => rows.map((r, i) => (i >= from && i < to ? r.value : null));
    const area = (name: string, data: Array<number | null>, color: string, extra: Record<string, unknown> = {}) => ({
      name,
      type: "line",
      step: "middle",
      data,
      symbol: "none",
      connectNulls: false,
      lineStyle: { width: 1, color },
      areaStyle: { color, opacity: 1 },
      itemStyle: { color },
      ...extra,
    });
    const option = {
      backgroundColor: "#ffffff",
      title,
      legend: { bottom: 10, textStyle: { fontSize: FONT.legend, color: COLOR.text } },
      grid: { left: 24, right: 40, top: TITLE_HEIGHT, bottom: 110, containLabel: true },
      xAxis: {
        type: "category",
        data: rows.map((_, i) => i + 1),
        axisLabel: { show: false },
        axisTick: { show: false },
        name: `${rows.length} 个单位，按完成率从高到低`,
        nameLocation: "middle",
        nameGap: 24,
        nameTextStyle: { fontSize: FONT.axis, color: COLOR.muted },
      },
      yAxis: valueAxis,
      series: [
        area(`达到序时 ${ahead} 个`, part(0, ahead), COLOR.ok, { markLine }),
        area(`落后序时 ${behind} 个`, part(ahead, rows.length), COLOR.behind),
      ],
    };
    return {
      name: "funds-completion",
      caption: "各单位到位资金完成率与序时进度",
      width: CHART_WIDTH,
      height: 900,
      option,
    };
  }
  const data = rows.map((r) => ({ value: r.value, itemStyle: { color: r.value < line ? COLOR.behind : COLOR.ok } }));
  const height = TITLE_HEIGHT + 80 + Math.max(rows.length, 3) * BAR_ROW;
  const option = {
    backgroundColor: "#ffffff",
    title,
    grid: { left: 24, right: 120, top: TITLE_HEIGHT, bottom: 40, containLabel: true },
    xAxis: valueAxis,
    yAxis: {
      type: "category",
      inverse: true,
      data: rows.map((r) => r.name),
      axisLabel: { fontSize: FONT.axis, color: COLOR.text },
      axisTick: { show: false },
    },
    series: [
      {
        type: "bar",
        data,
        barMaxWidth: 32,
        label: { show: true, position: "right", formatter: "{c}%", fontSize: FONT.label, color: COLOR.text },
        markLine,
      },
    ],
  };
  return { name: "funds-completion", caption: "各单位到位资金完成率与序时进度", width: CHART_WIDTH, height, option };
}
