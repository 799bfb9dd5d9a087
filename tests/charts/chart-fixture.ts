// Chart inputs made up for tests and the bench: n units with spread-out, repeatable figures.
import type { ChartInputs } from "../../src/charts/chart-inputs.ts";

export function chartFixture(n: number, names?: readonly string[]): ChartInputs {
  const units = Array.from({ length: n }, (_, i) => {
    const score = 90 - (i * 85) / Math.max(1, n - 1);
    return {
      name: names?.[i] ?? `第${i + 1}单位`,
      // Every seventh unit has no funds target; the others spread around 序时进度 (85%).
      fundsCompletion: i % 7 === 6 ? null : ((i * 37) % 120) / 100,
      rank: i + 1,
      score,
      ...(i % 11 === 10 ? {} : { previousRank: ((i + 3) % n) + 1, previousScore: score - 2 + ((i * 13) % 5) }),
    };
  });
  const months = 11;
  return {
    year: 2026,
    asOf: "2026-11-08",
    timeProgress: 312 / 365,
    units,
    cumulative: {
      fundsYuan: Array.from({ length: months }, (_, m) => (m + 1) * 2_3456_0000 * Math.max(1, n / 20)),
      signing: Array.from({ length: months }, (_, m) => (m + 1) * 3),
      signingYuan: Array.from({ length: months }, (_, m) => (m + 1) * 4_1200_0000),
    },
    targets: { fundsArrived: 30_0000_0000 * Math.max(1, n / 20), signingCount: 40, signingAmount: 60_0000_0000 },
  };
}

export const TOWNS = [
  "城西镇",
  "晋熙镇",
  "开发区管委会",
  "城东镇",
  "花凉亭镇",
  "牛头镇",
  "黄铺乡",
  "农委",
  "人社局",
  "商务局",
  "天堂镇",
  "弥陀镇",
];
