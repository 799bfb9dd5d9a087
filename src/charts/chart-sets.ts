// Which charts go with which message: the weekly digest (1–3) and the monthly 通报 (1–4).
import type { ChartInputs } from "./chart-inputs.ts";
import type { ChartSpec } from "./chart-spec.ts";
import { cumulativeChart } from "./cumulative-chart.ts";
import { fundsCompletionChart } from "./funds-completion-chart.ts";
import { rankingChart } from "./ranking-chart.ts";

export function digestCharts(input: ChartInputs): ChartSpec[] {
  return [fundsCompletionChart(input), rankingChart(input), cumulativeChart(input, "fundsYuan")];
}

export function reportCharts(input: ChartInputs): ChartSpec[] {
  return [...digestCharts(input), cumulativeChart(input, "signing"), cumulativeChart(input, "signingYuan")];
}
