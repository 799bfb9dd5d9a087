// npm run bench:digest — time to build the weekly digest (all figures, ranking, the week's
// events, laggards, formatted) over 1,000 units and 1,000,000 records: median of 20.
import { performance } from "node:perf_hooks";
import { chinaDate } from "../../src/domain/china-time.ts";
import { formatDigest } from "../../src/domain/digest.ts";
import { loadDigestData } from "../../src/insights/digest-data.ts";
import { NOW, seed, UNITS } from "./seed.ts";

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
console.log("bench:digest");
const { store, close } = await seed(RECORDS);
const today = chinaDate(NOW);
const times: number[] = [];
let size = 0;
for (let run = 0; run < 25; run++) {
  const t0 = performance.now();
  const digest = formatDigest(await loadDigestData(store, today, "last"));
  const elapsed = performance.now() - t0;
  size = Buffer.byteLength(digest.markdown);
  if (run >= 5) times.push(elapsed); // the first runs warm up the JIT
}
times.sort((a, b) => a - b);
console.log(
  `digest of ${UNITS} units: median ${times[10]!.toFixed(1)} ms over 20 runs (min ${times[0]!.toFixed(1)}, max ${times[19]!.toFixed(1)}), ${size} bytes of markdown — goal ≤ 200 ms`,
);
await close();
