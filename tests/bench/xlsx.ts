// npm run bench:xlsx — the 台账 export of 1,000 units and 100,000 projects (time and peak
// memory, streamed to a file) and the import of a 10,000-row ledger, on a loopback redis-server
// of our own. BENCH_PROJECTS and BENCH_LEDGER_ROWS change the sizes.
//
// The export runs in a process of its own (xlsx-export.ts), as the CLI export does: its peak
// RSS is the whole export process's, start-up included. Each phase prints its wall time and,
// because the machine is often shared, the CPU seconds behind it (node, worker threads
// included, and the redis-server) and the load average: on a busy host the wall time says
// little, the CPU seconds are what an idle run would need.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import type { Redis } from "ioredis";
import { createIndustryTable } from "../../src/domain/industry.ts";
import { importLedger } from "../../src/import-ledger.ts";
import { makeLedger } from "../fixtures/ledger/make-ledger.ts";
import { benchRecord, seedUnits, UNITS } from "./seed.ts";

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 100_000);
const LEDGER_ROWS = Number(process.env.BENCH_LEDGER_ROWS ?? 10_000);
const today = "2026-11-20";
const n = (x: number) => x.toLocaleString("en");

/** The redis-server's CPU seconds so far (user + system). */
async function redisCpu(redis: Redis): Promise<number> {
  const info = await redis.info("cpu");
  const read = (field: string) => Number(new RegExp(`${field}:([0-9.]+)`).exec(info)?.[1] ?? 0);
  return read("used_cpu_user") + read("used_cpu_sys");
}

interface Phase {
  seconds: number;
  cpu: string;
  load: string;
  peakMb: number;
  baselineMb: number;
}

/** Runs `work` with wall/CPU/RSS accounting. */
async function measure(redis: Redis, work: () => Promise<void>): Promise<Phase> {
  global.gc?.();
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const redisBefore = await redisCpu(redis);
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  await work();
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const redisSeconds = (await redisCpu(redis)) - redisBefore;
  return {
    seconds,
    cpu: `CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s node + ${redisSeconds.toFixed(1)} s redis-server`,
    load: `load average before: ${load}`,
    peakMb: peak / 1e6,
    baselineMb: baseline / 1e6,
  };
}

const seeded = await seedUnits(UNITS);
const { store, redis } = seeded;
const seedStart = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: 64 }, async () => {
    while (next < PROJECTS) {
      const i = next++;
      const base = benchRecord(i * 10 + 6); // a signing
      const project = `单位${i % UNITS}招商项目${i}`;
      await store.records.ingest(
        `wecom:s${i}`,
        { ...base, unitId: String((i % UNITS) + 1), project },
        { mode: "new", name: project },
      );
      if (i % 2 === 0) {
        const funds = benchRecord(i * 10 + 7);
        await store.records.ingest(
          `wecom:f${i}`,
          { ...funds, unitId: String((i % UNITS) + 1), project },
          { mode: "new", name: project },
        );
      }
    }
  }),
);
console.log(
  `seeded ${UNITS} units, ${n(PROJECTS)} projects (${n(Math.round(PROJECTS * 1.5))} records) in ${((performance.now() - seedStart) / 1000).toFixed(0)} s`,
);

const dir = mkdtempSync(join(tmpdir(), "bench-xlsx-"));
try {
  const file = join(dir, "台账.xlsx");
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(", ");
  const redisBefore = await redisCpu(redis);
  const child = await new Promise<string>((resolve, reject) =>
    execFile(
      process.execPath,
      ["--import", "tsx", fileURLToPath(new URL("./xlsx-export.ts", import.meta.url))],
      {
        env: { ...process.env, BENCH_REDIS_PORT: String(seeded.server.port), BENCH_OUT: file, BENCH_TODAY: today },
        maxBuffer: 1 << 20,
      },
      (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout)),
    ),
  );
  const redisSeconds = (await redisCpu(redis)) - redisBefore;
  const exported = JSON.parse(child.trim().split("\n").pop()!) as {
    seconds: number;
    cpuSeconds: number;
    startRssMb: number;
    peakRssMb: number;
  };
  console.log(
    `bench:xlsx export  ${UNITS} units, ${n(PROJECTS)} projects → ${(statSync(file).size / 1e6).toFixed(1)} MB xlsx in ${exported.seconds.toFixed(2)} s — goal ≤ 10 s`,
  );
  console.log(
    `  CPU ${exported.cpuSeconds.toFixed(1)} s node + ${redisSeconds.toFixed(1)} s redis-server; load average before: ${load}`,
  );
  console.log(
    `  peak RSS of the export process ${exported.peakRssMb.toFixed(0)} MB (${exported.startRssMb.toFixed(0)} MB before the export began) — goal ≤ 300 MB`,
  );

  const units = Array.from({ length: UNITS }, (_, u) => `单位${u}`);
  const ledger = await makeLedger({ rows: LEDGER_ROWS, units });
  let created = 0;
  const imported = await measure(redis, async () => {
    const result = await importLedger(store, ledger.buffer, {
      today: "2026-11-30",
      now: new Date(),
      industries: createIndustryTable(),
      dryRun: false,
    });
    if (!result.ok) throw new Error(result.report);
    created = result.created;
  });
  console.log(
    `bench:xlsx import  ${n(LEDGER_ROWS)}-row ledger (${(ledger.buffer.length / 1e6).toFixed(1)} MB), ${n(created)} records written in ${imported.seconds.toFixed(2)} s — goal ≤ 10 s`,
  );
  console.log(`  ${imported.cpu}; ${imported.load}`);
  console.log(`  peak RSS ${imported.peakMb.toFixed(0)} MB (process baseline ${imported.baselineMb.toFixed(0)} MB)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
  await seeded.close();
}
