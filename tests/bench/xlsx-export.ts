// The export half of npm run bench:xlsx, in a process of its own as `npm run export -- --format
// xlsx > 台账.xlsx` runs (the bench's seeding would otherwise inflate the memory figure): writes
// the 台账 of the seeded "bench" deployment to BENCH_OUT and prints its figures as one JSON line.
import { createWriteStream } from "node:fs";
import { performance } from "node:perf_hooks";
import { CoalescingRedis } from "../../src/redis-client.ts";
import { createStore } from "../../src/store/store.ts";
import { writeLedgerWorkbook } from "../../src/xlsx/ledger-workbook.ts";

const redis = new CoalescingRedis({ host: "127.0.0.1", port: Number(process.env.BENCH_REDIS_PORT) });
const store = createStore(redis, { org: "bench", defaults: { selfJoin: true } });
const startRss = process.memoryUsage().rss;
const cpu = process.cpuUsage();
const start = performance.now();
const out = createWriteStream(process.env.BENCH_OUT!);
const closed = new Promise<void>((resolve) => out.on("close", () => resolve()));
await writeLedgerWorkbook(store, out, { today: process.env.BENCH_TODAY!, countyName: "XX县" });
await closed;
const seconds = (performance.now() - start) / 1000;
const used = process.cpuUsage(cpu);
await redis.quit();
console.log(
  JSON.stringify({
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    startRssMb: startRss / 1e6,
    // getrusage's peak resident set of the whole process (KiB), start-up included.
    peakRssMb: (process.resourceUsage().maxRSS * 1024) / 1e6,
  }),
);
