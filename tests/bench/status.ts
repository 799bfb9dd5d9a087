// npm run bench:status — seeds 1,000 units and 1,000,000 records into a loopback
// redis-server of our own, then times /status of one unit and the full 赛马 ranking through
// the dispatcher (median of 100 runs each), in three situations: nothing changed since the
// last query (cached); a report was stored just before (the changed unit is re-read and the
// ranking re-sorted); a target was changed just before (the ranking is rebuilt from Redis).
import { performance } from "node:perf_hooks";
import { Redis } from "ioredis";
import { pino } from "pino";
import { commands } from "../../commands/index.ts";
import { createDispatcher } from "../../src/bot/dispatcher.ts";
import { addDays } from "../../src/domain/china-time.ts";
import { createIndustryTable } from "../../src/domain/industry.ts";
import type { NewRecord } from "../../src/domain/record.ts";
import type { ReportKind } from "../../src/domain/types.ts";
import { createStore } from "../../src/store/store.ts";
import { startRedisServer } from "../helpers/redis-server.ts";

const UNITS = 1000;
const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const RUNS = 100;
const NOW = new Date("2026-11-20T10:00:00+08:00");

const server = await startRedisServer();
const redis = new Redis({ host: "127.0.0.1", port: server.port });
const store = createStore(redis, { org: "bench", defaults: { selfJoin: true } });

const started = performance.now();
for (let u = 0; u < UNITS; u++) {
  const { unit } = await store.directory.addUnit(`单位${u}`);
  await store.directory.bindMember(`user${u}`, unit.id);
  await store.directory.setTargets(unit.id, { visitOut: 24, visitIn: 24, signingCount: 6, bigSigningCount: 2, signingAmount: 1_500_000_000, fundsArrived: 500_000_000 });
}
const KINDS: ReportKind[] = ["visitOut", "visitOut", "visitOut", "visitIn", "visitIn", "negotiation", "signing", "fundsArrived", "fundsArrived", "started"];
function record(i: number): NewRecord {
  const kind = KINDS[i % KINDS.length]!;
  const money = kind === "signing" ? 100_000_000 + (i % 7) * 50_000_000 : kind === "fundsArrived" ? 10_000_000 + (i % 5) * 5_000_000 : null;
  return {
    unitId: String((i % UNITS) + 1),
    kind,
    date: addDays("2026-01-01", i % 323),
    project: kind === "visitOut" || kind === "visitIn" ? null : `项目${i}`,
    amountYuan: money,
    amountUsd: null,
    industry: "新材料",
    manufacturing: true,
    source: i % 3 === 0 ? "省外" : "市外",
    place: kind === "visitOut" ? "上海" : null,
    counterpart: null,
    text: `${kind} 项目${i} 赴上海拜访客商`,
    reporter: `user${i % UNITS}`,
    reporterName: null,
    channel: "wecom",
    messageId: `seed${i}`,
    createdAt: NOW.toISOString(),
  };
}
let next = 0;
const seeders = Array.from({ length: 64 }, async () => {
  while (next < RECORDS) {
    const i = next++;
    await store.records.ingest(`wecom:seed${i}`, record(i), { mode: "none" });
  }
});
await Promise.all(seeders);
console.log(`bench:status  seeded ${UNITS} units and ${(await redis.xlen(store.keys.records)).toLocaleString("en")} records in ${((performance.now() - started) / 1000).toFixed(0)} s`);

const dispatch = createDispatcher({
  store,
  commands,
  rules: { industries: createIndustryTable(), maxAgeDays: 90, amountCeiling: 500_000_000_000, configAdmins: [], queryAccess: "members" },
  log: pino({ level: "silent" }),
  now: () => NOW,
});
let id = 0;
type Before = "nothing" | "report" | "target";
let writes = 0;
async function change(before: Before): Promise<void> {
  const i = RECORDS + writes++;
  if (before === "report") await store.records.ingest(`wecom:w${i}`, record(i), { mode: "none" });
  if (before === "target") await store.directory.setTargets(String((i % UNITS) + 1), { visitOut: 24 + (i % 5) });
}
async function timeCommand(text: string, before: Before): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < RUNS + 5; run++) {
    await change(before);
    const t0 = performance.now();
    const result = await dispatch(
      { id: `q${id++}`, conversation: { channel: "wecom", id: "g", kind: "group" }, sender: { id: "user42" }, text, sentAt: NOW },
      async () => {},
    );
    const elapsed = performance.now() - t0;
    if (!result.ok) throw new Error(`${text} failed: ${result.replies[0]?.kind === "text" ? result.replies[0].text : ""}`);
    if (run >= 5) times.push(elapsed); // the first runs warm up the JIT
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

for (const [text, goal] of [["/status", "≤ 5 ms"], ["排名", "≤ 50 ms"]] as const) {
  const cached = await timeCommand(text, "nothing");
  const afterReport = await timeCommand(text, "report");
  const rebuilt = await timeCommand(text, "target");
  console.log(
    `${text === "/status" ? "/status of one unit" : `ranking of ${UNITS} units`}: median ${cached.toFixed(2)} ms cached, ${afterReport.toFixed(2)} ms after a report, ${rebuilt.toFixed(2)} ms rebuilt after a target change — goal ${goal}`,
  );
}
await redis.quit();
await server.stop();
