import { createBenchDispatcher } from "./bench-dispatcher.ts";
import { addDays } from "../../src/domain/china-time.ts";
import { seedUnits } from "./seed.ts";

const UNITS = 20;
const PER_UNIT_PER_WEEK = 15;

export interface YearFigures {
  records: number;
  /** What stays for good, per record. */
  bytesPerRecord: number;
  /** Keys with an expiry (claims, day totals, week events), as they stand at the year's end. */
  expiringBytesPerRecord: number;
  messageMapBytesPerRecord: number;
}

export async function measureYear(): Promise<YearFigures> {
  const { redis, store, close } = await seedUnits(UNITS);
  try {
    let clock = new Date("2026-01-05T10:00:00+08:00");
    const dispatch = createBenchDispatcher(store, () => clock);
    const memory = async () => Number(/used_memory:(\d+)/.exec(await redis.info("memory"))![1]);
    const before = await memory();
    let n = 0;
    const signed: string[][] = Array.from({ length: UNITS }, () => []);
    for (let day = 0; day < 364; day++) {
      const date = addDays("2026-01-05", day);
      clock = new Date(`${date}T10:00:00+08:00`);
      if (day % 7 >= 5) continue; // weekends
      const lines: Array<{ user: string; text: string }> = [];
      for (let u = 0; u < UNITS; u++) {
        for (let k = 0; k < PER_UNIT_PER_WEEK / 5; k++) {
          const i = n++;
          const slot = i % 20;
          const projects = signed[u]!;
          const project = projects.length > 0 ? projects[i % projects.length]! : null;
          let text: string;
          if (slot < 8) text = `走出去 赴上海拜访华谊集团${i % 97}，洽谈新材料项目`;
          else if (slot < 12) text = `请进来 宁波某集团${i % 89}董事长一行来我镇考察纺织项目`;
          else if (slot < 14) text = `在谈 智能装备${i}号项目 计划投资3000万 装备制造`;
          else if (slot < 16 || !project) {
            const name = `年产${i}万吨功能膜项目`;
            projects.push(name);
            text = `签约 ${name} ${1 + (i % 9)}.2亿元 新材料 省外`;
          } else if (slot < 19) text = `到位 ${project} ${100 + (i % 50) * 20}万`;
          else text = `开工 ${project}`;
          lines.push({ user: `user${u}`, text });
        }
      }
      await Promise.all(
        lines.map(({ user, text }, j) =>
          dispatch(
            {
              id: `y${date}-${j}`,
              conversation: { channel: "wecom", id: "g", kind: "group" },
              sender: { id: user },
              text,
              sentAt: clock,
            },
            async () => {},
          ),
        ),
      );
    }
    const records = await redis.xlen(store.keys.records);
    const after = await memory();
    if (process.env.BENCH_BREAKDOWN) {
      const groups = new Map<string, { keys: number; bytes: number }>();
      for (const key of await redis.keys(`${store.keys.prefix}*`)) {
        const group = key.slice(store.keys.prefix.length).replace(/[0-9-]+/g, "#");
        const g = groups.get(group) ?? { keys: 0, bytes: 0 };
        g.keys++;
        g.bytes += Number(await redis.call("MEMORY", "USAGE", key, "SAMPLES", "0"));
        groups.set(group, g);
      }
      for (const [group, g] of [...groups].sort((a, b) => b[1].bytes - a[1].bytes)) {
        console.log(
          `  ${group.padEnd(24)} ${String(g.keys).padStart(6)} keys ${(g.bytes / records).toFixed(1).padStart(7)} B/record`,
        );
      }
    }
    let messageMap = 0;
    for (const key of await redis.keys(`${store.keys.prefix}msg:*`))
      messageMap += Number(await redis.call("MEMORY", "USAGE", key, "SAMPLES", "0"));
    // Redis's clock does not move with the simulated year: keys with an expiry are counted
    // apart, since at any time only their last weeks exist.
    let expiring = 0;
    let cursor = "0";
    do {
      const [next, batch] = await redis.scan(cursor, "MATCH", `${store.keys.prefix}*`, "COUNT", 1000);
      cursor = next;
      for (const key of batch) {
        if (!key.startsWith(`${store.keys.prefix}msg:`) && (await redis.ttl(key)) > 0)
          expiring += Number(await redis.call("MEMORY", "USAGE", key, "SAMPLES", "0"));
      }
    } while (cursor !== "0");
    return {
      records,
      bytesPerRecord: (after - before - messageMap - expiring) / records,
      expiringBytesPerRecord: expiring / records,
      messageMapBytesPerRecord: messageMap / records,
    };
  } finally {
    await close();
  }
}
