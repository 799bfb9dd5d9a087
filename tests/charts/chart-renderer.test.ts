// The worker-thread renderer: images in order, and a chart that fails or overruns its budget
// is logged and left out without holding up the others.
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { loadChartFont } from "../../src/charts/chart-font.ts";
import { createChartRenderer, type ChartRenderer } from "../../src/charts/chart-renderer.ts";
import { digestCharts } from "../../src/charts/chart-sets.ts";
import type { ChartSpec } from "../../src/charts/chart-spec.ts";
import { chartFixture, TOWNS } from "./chart-fixture.ts";

const font = loadChartFont();
let renderer: ChartRenderer | undefined;
afterEach(async () => renderer?.close());

function capture() {
  const lines: Array<{ msg: string; chart?: string; reason?: string }> = [];
  const log = pino({ level: "debug" }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { log, lines };
}

describe("chart renderer", () => {
  it("renders the digest's charts to PNG in a worker, in order", async () => {
    const { log } = capture();
    renderer = createChartRenderer({ font, log });
    const images = await renderer.renderAll(digestCharts(chartFixture(12, TOWNS)));
    expect(images.map((i) => i.filename)).toEqual(["funds-completion.png", "ranking.png", "funds-cumulative.png"]);
    for (const image of images) expect(image.png.readUInt32BE(0)).toBe(0x89504e47);
  });

  it("leaves out a chart that fails, logs it, and still renders the next", async () => {
    const { log, lines } = capture();
    renderer = createChartRenderer({ font, log });
    const broken: ChartSpec = { name: "broken", caption: "坏图", width: 0, height: 0, option: {} };
    const [good] = digestCharts(chartFixture(12, TOWNS));
    const images = await renderer.renderAll([broken, good!]);
    expect(images.map((i) => i.name)).toEqual(["funds-completion"]);
    expect(lines.some((l) => l.chart === "broken" && l.msg.includes("left out"))).toBe(true);
  });

  it("gives up on a chart over its time budget (logged); its worker is ended, later charts render", async () => {
    const { log, lines } = capture();
    renderer = createChartRenderer({ font, log, budgetMs: 1 });
    const specs = digestCharts(chartFixture(1000));
    expect(await renderer.renderAll(specs.slice(0, 1))).toEqual([]);
    expect(lines.some((l) => l.chart === "funds-completion" && l.reason?.includes("time budget"))).toBe(true);
    await renderer.close();
    renderer = createChartRenderer({ font, log, budgetMs: 60_000 });
    expect((await renderer.renderAll(specs.slice(2))).map((i) => i.name)).toEqual(["funds-cumulative"]);
  });
});
