// Charts 3 and 4: a county figure accumulated month by month against the target's straight
// line (0 on 1 January to the full target on 31 December).
import { daysInYear } from "../domain/periods.ts";
import { daysBetween } from "../domain/china-time.ts";
import type { ChartInputs } from "./chart-inputs.ts";
import { CHART_WIDTH, COLOR, FONT, TITLE_HEIGHT, type ChartSpec } from "./chart-spec.ts";

export type CumulativeMetric = "fundsYuan" | "signing" | "signingYuan";

const METRIC: Record<
  CumulativeMetric,
  { name: string; title: string; target: "fundsArrived" | "signingCount" | "signingAmount"; money: boolean }
> = {
  fundsYuan: { name: "funds-cumulative", title: "全县到位资金累计", target: "fundsArrived", money: true },
  signing: { name: "signing-count-cumulative", title: "全县签约项目累计", target: "signingCount", money: false },
  signingYuan: { name: "signing-amount-cumulative", title: "全县签约金额累计", target: "signingAmount", money: true },
};

const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

function monthEnd(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(last).padStart(2, "0")}`;
}

export function cumulativeChart(input: ChartInputs, metric: CumulativeMetric): ChartSpec {
  const m = METRIC[metric];
  const scale = (v: number) => (m.money ? Math.round(v / 1e6) / 100 : v); // yuan → 亿元, 2 decimals
  const unit = m.money ? "亿元" : "个";
  const actual = input.cumulative[metric].map(scale);
  const target = input.targets[m.target];
  const line =
    target === undefined
      ? []
      : MONTHS.map((_, i) => {
          const share = (daysBetween(`${input.year}-01-01`, monthEnd(input.year, i + 1)) + 1) / daysInYear(input.year);
          return m.money ? Math.round((target * share) / 1e6) / 100 : Math.round(target * share * 10) / 10;
        });
  const latest = actual.at(-1) ?? 0;
  const subtitle =
    target === undefined
      ? `累计 ${latest}${unit} · 未设目标`
      : `累计 ${latest}${unit} / 目标 ${scale(target)}${unit} · 完成 ${(((input.cumulative[metric].at(-1) ?? 0) / target) * 100).toFixed(1)}% · 序时进度 ${(input.timeProgress * 100).toFixed(1)}%`;
  const option = {
    backgroundColor: "#ffffff",
    title: {
      text: `${m.title}（${input.year}年）`,
      subtext: subtitle,
      left: 24,
      top: 16,
      textStyle: { fontSize: FONT.title, color: COLOR.text },
      subtextStyle: { fontSize: FONT.subtitle, color: COLOR.muted },
    },
    legend: { bottom: 10, textStyle: { fontSize: FONT.legend, color: COLOR.text }, itemWidth: 40, itemHeight: 20 },
    grid: { left: 24, right: 40, top: TITLE_HEIGHT + 50, bottom: 80, containLabel: true },
    xAxis: { type: "category", data: MONTHS, axisLabel: { fontSize: FONT.axis, color: COLOR.muted } },
    yAxis: {
      type: "value",
      name: unit,
      nameTextStyle: { fontSize: FONT.axis, color: COLOR.muted },
      axisLabel: { fontSize: FONT.axis, color: COLOR.muted },
    },
    series: [
      {
        name: "实际累计",
        type: "bar",
        data: actual,
        barMaxWidth: 48,
        itemStyle: { color: COLOR.ok },
        label: { show: true, position: "top", fontSize: FONT.label - 4, color: COLOR.text },
      },
      ...(line.length
        ? [
            {
              name: "目标进度线",
              type: "line",
              data: line,
              symbol: "none",
              lineStyle: { type: "dashed", width: 3, color: COLOR.target },
              itemStyle: { color: COLOR.target },
            },
          ]
        : []),
    ],
  };
  return { name: m.name, caption: `${m.title}与目标进度线`, width: CHART_WIDTH, height: 720, option };
}
