// Chart 2: the 赛马 ranking: each unit's score as a bar, labelled with its change since last
// week (rank and points). Over 30 units, the top 10 and the bottom 10 are shown.
import type { ChartInputs, UnitChartRow } from "./chart-inputs.ts";
import { CHART_WIDTH, COLOR, FONT, TITLE_HEIGHT, type ChartSpec } from "./chart-spec.ts";

export const RANKING_ALL_MAX = 30;
const SHOWN_EACH_END = 10;
const BAR_ROW = 48;

/** "↑2名 +3.1分", "持平 -0.4分", "新上榜". */
export function changeLabel(u: UnitChartRow): string {
  if (u.previousRank === undefined || u.previousScore === undefined) return "新上榜";
  const moved = u.previousRank - u.rank;
  const rank = moved > 0 ? `↑${moved}名` : moved < 0 ? `↓${-moved}名` : "名次持平";
  const delta = Math.round((u.score - u.previousScore) * 10) / 10;
  const points = delta === 0 ? "±0分" : `${delta > 0 ? "+" : ""}${delta.toFixed(1)}分`;
  return `${rank} ${points}`;
}

export function rankingChart(input: ChartInputs): ChartSpec {
  const all = input.units;
  const folded = all.length > RANKING_ALL_MAX;
  const shown = folded ? [...all.slice(0, SHOWN_EACH_END), ...all.slice(-SHOWN_EACH_END)] : all;
  const bottomFrom = all.length - Math.max(1, Math.ceil(all.length * 0.2)) + 1;
  const rows = shown.map((u) => ({
    name: `${u.rank}. ${u.name}`,
    value: Math.round(u.score * 10) / 10,
    itemStyle: { color: u.rank >= bottomFrom && all.length > 1 ? COLOR.behind : COLOR.ok },
    label: { formatter: `${(Math.round(u.score * 10) / 10).toFixed(1)}分  ${changeLabel(u)}` },
  }));
  const height = TITLE_HEIGHT + 60 + Math.max(rows.length, 3) * BAR_ROW;
  const option = {
    backgroundColor: "#ffffff",
    title: {
      text: "赛马排名（满分100）",
      subtext: folded
        ? `共 ${all.length} 个单位，显示前 ${SHOWN_EACH_END} 名和后 ${SHOWN_EACH_END} 名 · 标注较上周变化`
        : `共 ${all.length} 个单位 · 标注较上周变化`,
      left: 24,
      top: 16,
      textStyle: { fontSize: FONT.title, color: COLOR.text },
      subtextStyle: { fontSize: FONT.subtitle, color: COLOR.muted },
    },
    grid: { left: 24, right: 250, top: TITLE_HEIGHT, bottom: 30, containLabel: true },
    xAxis: { type: "value", min: 0, max: 100, axisLabel: { fontSize: FONT.axis, color: COLOR.muted } },
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
        barMaxWidth: 32,
        data: rows.map(({ value, itemStyle, label }) => ({ value, itemStyle, label })),
        label: { show: true, position: "right", fontSize: FONT.label, color: COLOR.text },
      },
    ],
  };
  return { name: "ranking", caption: "赛马排名与较上周变化", width: CHART_WIDTH, height, option };
}
