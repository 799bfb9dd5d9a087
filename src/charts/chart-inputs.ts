// The figures the charts draw, gathered by src/insights/chart-data.ts from running totals.
import type { IsoDate } from "../domain/types.ts";

export interface UnitChartRow {
  name: string;
  /** 到位资金 完成率 (0.25 = 25%), null without a funds target. */
  fundsCompletion: number | null;
  rank: number;
  score: number;
  /** Rank and score at the end of the week before; absent for a unit not ranked then. */
  previousRank?: number;
  previousScore?: number;
}

export interface ChartInputs {
  year: number;
  /** The day the figures stand at. */
  asOf: IsoDate;
  timeProgress: number;
  /** Ranked order (rank 1 first). */
  units: UnitChartRow[];
  /** County cumulative by the end of each month, January first, up to asOf's month. */
  cumulative: { fundsYuan: number[]; signing: number[]; signingYuan: number[] };
  /** County targets (sum over units); absent when no unit has one. */
  targets: { fundsArrived?: number; signingCount?: number; signingAmount?: number };
}
