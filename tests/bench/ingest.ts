// npm run bench:ingest — records per second through dispatcher + store on a loopback
// redis-server of our own, and Redis bytes per record (INFO memory before/after).
import { performance } from "node:perf_hooks";
import { createBenchDispatcher } from "./bench-dispatcher.ts";
import { measureYear } from "./ingest-year.ts";
import { seedUnits } from "./seed.ts";

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const UNITS = 200;
const CONCURRENCY = 32;

const { redis, store, close } = await seedUnits(UNITS);
const base = new Date("2026-11-20T10:00:00+08:00").getTime();
const clock = base;
const dispatch = createBenchDispatcher(store, () => new Date(clock));

const DATES = ["", "", "", "昨天", "前天", "11月16日", "11.12", "上周五"];

/** The i-th report: visits most often, signings create projects that later get funds. */
function line(i: number): { user: string; text: string } {
  const u = i % UNITS;
  const n = Math.floor(i / UNITS);
  const date = DATES[n % DATES.length];
  const slot = n % 10;
  const text =
    slot < 4
      ? `走出去 ${date} 赴上海拜访华谊集团${n}，洽谈新材料项目`
      : slot < 7
        ? `请进来 ${date} 宁波某集团${n}董事长一行来我镇考察纺织项目`
        : slot === 7
          ? `签约 年产${n}万吨功能膜项目 5.2亿元 新材料 省外`
          : slot === 8
            ? `在谈 智能装备${n}号项目 计划投资3000万 装备制造 ${date}`
            : `到位 年产${n - 2}万吨功能膜项目 3000万 ${date}`;
  return { user: `user${u}`, text };
}

async function ingest(from: number, to: number): Promise<number> {
  let stored = 0;
  let next = from;
  const worker = async () => {
    while (next < to) {
      const i = next++;
      const { user, text } = line(i);
      const result = await dispatch(
        {
          id: `b${i}`,
          conversation: { channel: "wecom", id: "g", kind: "group" },
          sender: { id: user },
          text,
          sentAt: new Date(clock),
        },
        async () => {},
      );
      if (result.record) stored++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return stored;
}

const memory = async () => Number(/used_memory:(\d+)/.exec(await redis.info("memory"))![1]);
await ingest(0, 2000); // warm-up (and project names for the first 到位 lines)
const before = await memory();
const beforeCount = await redis.xlen(store.keys.records);
const start = performance.now();
const stored = await ingest(2000, 2000 + RECORDS);
const seconds = (performance.now() - start) / 1000;
const after = await memory();
const count = (await redis.xlen(store.keys.records)) - beforeCount;

console.log(
  `bench:ingest  ${RECORDS.toLocaleString("en")} report lines, ${UNITS} units, ${CONCURRENCY} in flight, one process, loopback redis-server`,
);
console.log(
  `stored ${count.toLocaleString("en")} records (${stored.toLocaleString("en")} confirmed) in ${seconds.toFixed(2)} s`,
);
console.log(`throughput ${Math.round(count / seconds).toLocaleString("en")} records/s — goal ≥ 5,000`);
console.log(
  `redis memory ${((after - before) / count).toFixed(0)} bytes/record incl. totals, idempotency map, projects, lists — goal ≤ 400`,
);
await close();

const year = await measureYear();
console.log(
  `realistic year (20 units, 15 reports/unit/week over 12 months, ${year.records.toLocaleString("en")} records): ` +
    `${year.bytesPerRecord.toFixed(0)} bytes/record kept for good (records, projects, totals, lists) — goal ≤ 400; ` +
    `apart: ${year.expiringBytesPerRecord.toFixed(0)} bytes/record in keys that expire (claims, day totals, week events; the whole year's, as Redis's clock did not move) ` +
    `and ${year.messageMapBytesPerRecord.toFixed(0)} bytes/record in the message-id map until its entries expire`,
);
