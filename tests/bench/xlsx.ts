// npm run bench:xlsx — the 台账 export of 1,000 units and 100,000 projects (time and peak
// memory, streamed to a file) and the import of a 10,000-row ledger, on a loopback redis-server
// of our own.
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createIndustryTable } from "../../src/domain/industry.ts";
import { importLedger } from "../../src/import-ledger.ts";
import { writeLedgerWorkbook } from "../../src/xlsx/ledger-workbook.ts";
import { makeLedger } from "../fixtures/ledger/make-ledger.ts";
import { benchRecord, seedUnits, UNITS } from "./seed.ts";

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 100_000);
const LEDGER_ROWS = Number(process.env.BENCH_LEDGER_ROWS ?? 10_000);
const today = "2026-11-20";

const seeded = await seedUnits(UNITS);
const { store } = seeded;
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
  `seeded ${UNITS} units, ${PROJECTS.toLocaleString("en")} projects (${Math.round(PROJECTS * 1.5).toLocaleString("en")} records) in ${((performance.now() - seedStart) / 1000).toFixed(0)} s`,
);

const dir = mkdtempSync(join(tmpdir(), "bench-xlsx-"));
try {
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const file = join(dir, "台账.xlsx");
  const start = performance.now();
  const out = createWriteStream(file);
  const closed = new Promise<void>((resolve) => out.on("close", () => resolve()));
  await writeLedgerWorkbook(store, out, { today, countyName: "XX县" });
  await closed;
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `bench:xlsx export  ${UNITS} units, ${PROJECTS.toLocaleString("en")} projects → ${(statSync(file).size / 1e6).toFixed(1)} MB xlsx in ${seconds.toFixed(2)} s — goal ≤ 10 s`,
  );
  console.log(
    `peak RSS ${(peak / 1e6).toFixed(0)} MB (process baseline ${(baseline / 1e6).toFixed(0)} MB, +${((peak - baseline) / 1e6).toFixed(0)} MB during the export) — goal ≤ 300 MB`,
  );

  const units = Array.from({ length: UNITS }, (_, u) => `单位${u}`);
  const ledger = await makeLedger({ rows: LEDGER_ROWS, units });
  const importStart = performance.now();
  const result = await importLedger(store, ledger.buffer, {
    today: "2026-11-30",
    now: new Date(),
    industries: createIndustryTable(),
    dryRun: false,
  });
  const importSeconds = (performance.now() - importStart) / 1000;
  if (!result.ok) throw new Error(result.report);
  console.log(
    `bench:xlsx import  ${LEDGER_ROWS.toLocaleString("en")}-row ledger (${(ledger.buffer.length / 1e6).toFixed(1)} MB), ${result.created.toLocaleString("en")} records written in ${importSeconds.toFixed(2)} s — goal ≤ 10 s`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
  await seeded.close();
}
