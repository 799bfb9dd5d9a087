// The charts as leaders get them: text really drawn, the same bytes for the same data,
// legible sizes, and the rules each chart encodes.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ChartFontMissingError, loadChartFont } from "../../src/charts/chart-font.ts";
import { reportCharts } from "../../src/charts/chart-sets.ts";
import { COLOR } from "../../src/charts/chart-spec.ts";
import { fundsCompletionChart } from "../../src/charts/funds-completion-chart.ts";
import { changeLabel, rankingChart } from "../../src/charts/ranking-chart.ts";
import { chartSvg, rasterise } from "../../src/charts/rasterise.mjs";
import { chartFixture, TOWNS } from "./chart-fixture.ts";

const font = loadChartFont();
const sha = (data: string | Buffer) => createHash("sha256").update(data).digest("hex").slice(0, 16);
const draw = (option: Record<string, unknown>, width = 400, height = 120) =>
  rasterise(option, { width, height, face: font.face, family: font.family });

describe("chart font", () => {
  it("refuses a missing file and a family the file does not have, saying how to fix it", () => {
    expect(() => loadChartFont("/nonexistent/font.ttc")).toThrow(ChartFontMissingError);
    expect(() => loadChartFont("/nonexistent/font.ttc")).toThrow(/fonts-noto-cjk/);
    expect(() => loadChartFont(undefined, "No Such Family")).toThrow(/No Such Family/);
  });
});

describe("rasterising", () => {
  it("draws the Chinese text: the PNG differs from one without the label, and between two labels", async () => {
    const titled = (text: string) => ({ title: { text, textStyle: { fontSize: 40 } } });
    const [none, a, b] = await Promise.all([draw(titled("")), draw(titled("城西镇")), draw(titled("晋熙镇"))]);
    expect(a.svg).toContain("城西镇");
    expect(a.png.equals(none.png)).toBe(false);
    expect(a.png.equals(b.png)).toBe(false);
  });

  it("gives the same bytes for the same data (pinned)", async () => {
    const specs = reportCharts(chartFixture(12, TOWNS));
    const first = await Promise.all(
      specs.map((s) => rasterise(s.option, { width: s.width, height: s.height, face: font.face, family: font.family })),
    );
    const again = await Promise.all(
      specs.map((s) => rasterise(s.option, { width: s.width, height: s.height, face: font.face, family: font.family })),
    );
    for (const [i, image] of first.entries()) expect(image.png.equals(again[i]!.png)).toBe(true);
    expect(Object.fromEntries(specs.map((s, i) => [s.name, sha(first[i]!.svg)]))).toMatchInlineSnapshot(`
      {
        "funds-completion": "fece27cfb9015488",
        "funds-cumulative": "d3726f8be5102d3c",
        "ranking": "f3265047b77e4edd",
        "signing-amount-cumulative": "af4a4d4cb49b62d2",
        "signing-count-cumulative": "7e20eb700ae7623f",
      }
    `);
  });

  it("keeps every chart 1080 px wide, text at 12 px or more, and under 300 KB, also for 1,000 units", async () => {
    for (const n of [12, 1000]) {
      for (const spec of reportCharts(chartFixture(n, n === 12 ? TOWNS : undefined))) {
        const { svg, png } = await rasterise(spec.option, {
          width: spec.width,
          height: spec.height,
          face: font.face,
          family: font.family,
        });
        expect(png.readUInt32BE(16), spec.name).toBe(1080); // IHDR width
        const sizes = [...svg.matchAll(/font-size[:=]"?\s*(\d+(?:\.\d+)?)px/g)].map((m) => Number(m[1]));
        expect(sizes.length, spec.name).toBeGreaterThan(3);
        expect(Math.min(...sizes), spec.name).toBeGreaterThanOrEqual(12);
        expect(png.length, spec.name).toBeLessThanOrEqual(300 * 1024);
      }
    }
  });
});

describe("what the charts say", () => {
  it("sorts units by funds 完成率 and colours those behind 序时进度", () => {
    const input = chartFixture(12, TOWNS);
    const spec = fundsCompletionChart(input);
    const series = (
      spec.option.series as Array<{
        data: Array<{ value: number; itemStyle: { color: string } }>;
        markLine: { data: Array<{ xAxis: number }> };
      }>
    )[0]!;
    const values = series.data.map((d) => d.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const line = series.markLine.data[0]!.xAxis;
    expect(line).toBe(85.5);
    for (const d of series.data) expect(d.itemStyle.color).toBe(d.value < line ? COLOR.behind : COLOR.ok);
    // Units without a funds target are left out and counted in the subtitle.
    expect(series.data.length).toBe(input.units.filter((u) => u.fundsCompletion !== null).length);
    expect(JSON.stringify(spec.option)).toContain("1 个未设到位资金目标");
  });

  it("names every unit up to 60 units, and draws a sorted profile beyond", () => {
    expect(
      chartSvg(fundsCompletionChart(chartFixture(12, TOWNS)).option, { width: 1080, height: 700, family: font.family }),
    ).toContain("花凉亭镇");
    const big = fundsCompletionChart(chartFixture(1000));
    expect(JSON.stringify(big.option).includes("858 个单位，按完成率从高到低")).toBe(true);
  });

  it("labels the ranking with the change since last week, folding long lists to the top and bottom 10", () => {
    expect(
      changeLabel({ name: "a", fundsCompletion: null, rank: 2, score: 50, previousRank: 4, previousScore: 47.25 }),
    ).toBe("↑2名 +2.8分");
    expect(
      changeLabel({ name: "a", fundsCompletion: null, rank: 5, score: 50, previousRank: 4, previousScore: 50 }),
    ).toBe("↓1名 ±0分");
    expect(changeLabel({ name: "a", fundsCompletion: null, rank: 5, score: 50 })).toBe("新上榜");
    const names = (rankingChart(chartFixture(1000)).option.yAxis as { data: string[] }).data;
    expect(names).toHaveLength(20);
    expect(names[0]).toBe("1. 第1单位");
    expect(names[19]).toBe("1000. 第1000单位");
    expect((rankingChart(chartFixture(12, TOWNS)).option.yAxis as { data: string[] }).data).toHaveLength(12);
  });
});
