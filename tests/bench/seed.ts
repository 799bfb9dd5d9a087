// Seeds a benchmark deployment: 1,000 units with targets and bound members, then records
// spread over the year so far, written through the store's atomic ingest (no parsing).
import { performance } from "node:perf_hooks";
import type { Redis } from "ioredis";
import { addDays } from "../../src/domain/china-time.ts";
import type { NewRecord } from "../../src/domain/record.ts";
import type { ReportKind } from "../../src/domain/types.ts";
import { CoalescingRedis } from "../../src/redis-client.ts";
import { createStore, type RedisStore as Store } from "../../src/store/store.ts";
import { startRedisServer, type RedisServerHandle } from "../helpers/redis-server.ts";

export const UNITS = 1000;
export const NOW = new Date("2026-11-20T10:00:00+08:00");
const KINDS: ReportKind[] = [
  "visitOut",
  "visitOut",
  "visitOut",
  "visitIn",
  "visitIn",
  "negotiation",
  "signing",
  "fundsArrived",
  "fundsArrived",
  "started",
];

export function benchRecord(i: number): NewRecord {
  const kind = KINDS[i % KINDS.length]!;
  const money =
    kind === "signing"
      ? 100_000_000 + (i % 7) * 50_000_000
      : kind === "fundsArrived"
        ? 10_000_000 + (i % 5) * 5_000_000
        : null;
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

export interface Seeded {
  server: RedisServerHandle;
  redis: Redis;
  store: Store;
  close(): Promise<void>;
}

/** A redis-server of our own with `units` units ("单位0"…), each with member "user<n>" and targets. */
export async function seedUnits(units: number): Promise<Seeded> {
  const server = await startRedisServer();
  const redis = new CoalescingRedis({ host: "127.0.0.1", port: server.port }); // the service's client (src/redis.ts)
  const store = createStore(redis, { org: "bench", defaults: { selfJoin: true } });
  for (let u = 0; u < units; u++) {
    const { unit } = await store.directory.addUnit(`单位${u}`);
    await store.directory.bindMember(`user${u}`, unit.id);
    await store.directory.setTargets(unit.id, {
      visitOut: 24,
      visitIn: 24,
      signingCount: 6,
      bigSigningCount: 2,
      signingAmount: 1_500_000_000,
      fundsArrived: 500_000_000,
    });
  }
  return {
    server,
    redis,
    store,
    async close() {
      await redis.quit();
      await server.stop();
    },
  };
}

/** 1,000 units, then `records` records through the store's atomic ingest. */
export async function seed(records: number): Promise<Seeded> {
  const started = performance.now();
  const seeded = await seedUnits(UNITS);
  const { redis, store } = seeded;
  let next = 0;
  await Promise.all(
    Array.from({ length: 64 }, async () => {
      while (next < records) {
        const i = next++;
        await store.records.ingest(`wecom:seed${i}`, benchRecord(i), { mode: "none" });
      }
    }),
  );
  const count = await redis.xlen(store.keys.records);
  console.log(
    `seeded ${UNITS} units and ${count.toLocaleString("en")} records in ${((performance.now() - started) / 1000).toFixed(0)} s (loopback redis-server of our own)`,
  );
  return seeded;
}
