// npm run bench:status — seeds 1,000 units and 1,000,000 records into a loopback
// redis-server of our own, then times /status of one unit and the full 赛马 ranking through
// the dispatcher (median of 100 runs each), in three situations: nothing changed since the
// last query (cached); a report was stored just before (the changed unit is re-read and the
// ranking re-sorted); a target was changed just before (the ranking is rebuilt from Redis).
import { performance } from "node:perf_hooks";
import { createBenchDispatcher } from "./bench-dispatcher.ts";
import { benchRecord, NOW, seed, UNITS } from "./seed.ts";

const RECORDS = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const RUNS = 100;

console.log("bench:status");
const { store, close } = await seed(RECORDS);

const dispatch = createBenchDispatcher(store, () => NOW);
let id = 0;
type Before = "nothing" | "report" | "backfill" | "target";
let writes = 0;
async function change(before: Before): Promise<void> {
  const i = RECORDS + writes++;
  // A report dated today (the usual case) leaves last week's ranking as it was; a backfilled
  // one (dated earlier this year) changes it too, so both rankings are redone.
  if (before === "report")
    await store.records.ingest(`wecom:w${i}`, { ...benchRecord(i), date: "2026-11-20" }, { mode: "none" });
  if (before === "backfill") await store.records.ingest(`wecom:w${i}`, benchRecord(i), { mode: "none" });
  if (before === "target") await store.directory.setTargets(String((i % UNITS) + 1), { visitOut: 24 + (i % 5) });
}
async function timeCommand(text: string, before: Before): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < RUNS + 5; run++) {
    await change(before);
    const t0 = performance.now();
    const result = await dispatch(
      {
        id: `q${id++}`,
        conversation: { channel: "wecom", id: "g", kind: "group" },
        sender: { id: "user42" },
        text,
        sentAt: NOW,
      },
      async () => {},
    );
    const elapsed = performance.now() - t0;
    if (!result.ok)
      throw new Error(`${text} failed: ${result.replies[0]?.kind === "text" ? result.replies[0].text : ""}`);
    if (run >= 5) times.push(elapsed); // the first runs warm up the JIT
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

for (const [text, goal] of [
  ["/status", "≤ 5 ms"],
  ["排名", "≤ 50 ms"],
] as const) {
  const cached = await timeCommand(text, "nothing");
  const afterReport = await timeCommand(text, "report");
  const afterBackfill = await timeCommand(text, "backfill");
  const rebuilt = await timeCommand(text, "target");
  console.log(
    `${text === "/status" ? "/status of one unit" : `ranking of ${UNITS} units`}: median ${cached.toFixed(2)} ms cached, ${afterReport.toFixed(2)} ms after a report, ${afterBackfill.toFixed(2)} ms after a backfilled report, ${rebuilt.toFixed(2)} ms rebuilt after a target change — goal ${goal}`,
  );
}
await close();
