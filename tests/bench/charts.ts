// npm run bench:charts — the charts over 1,000 units, rendered in this process on one core:
// milliseconds per chart (median of 5 after a warm-up; goal ≤ 300 ms each), the CPU time it
// took (user + system: holds when other work shares the machine), PNG size, and the process's
// peak memory. The service renders the same way, in a worker thread.
import { performance } from "node:perf_hooks";
import { loadChartFont } from "../../src/charts/chart-font.ts";
import { reportCharts } from "../../src/charts/chart-sets.ts";
import { rasterise } from "../../src/charts/rasterise.mjs";
import { chartFixture } from "../charts/chart-fixture.ts";

const RUNS = 5;
const fontStarted = performance.now();
const font = loadChartFont();
console.log(
  `font: ${font.family}, face ${(font.face.length / 1e6).toFixed(1)} MB, loaded in ${(performance.now() - fontStarted).toFixed(0)} ms`,
);
const input = chartFixture(1000);
console.log("chart (1,000 units)            median ms   min ms   CPU ms   PNG KB   SVG KB");
for (const spec of reportCharts(input)) {
  const options = { width: spec.width, height: spec.height, face: font.face, family: font.family };
  let image = await rasterise(spec.option, options); // warm-up
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    image = await rasterise(spec.option, options);
    const used = process.cpuUsage(c);
    times.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  cpu.sort((a, b) => a - b);
  times.sort((a, b) => a - b);
  console.log(
    `${spec.name.padEnd(30)} ${times[Math.floor(RUNS / 2)]!.toFixed(0).padStart(9)} ${times[0]!.toFixed(0).padStart(8)} ${cpu[Math.floor(RUNS / 2)]!.toFixed(0).padStart(8)} ${(image.png.length / 1024).toFixed(0).padStart(8)} ${(image.svg.length / 1024).toFixed(0).padStart(8)}`,
  );
}
console.log(`peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
