// The service as main.ts composes it (openRedis → store with WAIT and the id fence →
// dispatcher → /healthz), driven by a platform that re-delivers every message it did not get
// a confirmation for. Records what was confirmed and what /healthz said, with times.
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { pino } from "pino";
import { createBenchDispatcher } from "../bench/bench-dispatcher.ts";
import type { RedisSettings } from "../../src/config/redis.ts";
import { createHealthChecks } from "../../src/health.ts";
import { openRedis, type RedisHandle } from "../../src/redis.ts";
import { createServer } from "../../src/server.ts";
import { createStore, type RedisStore as Store } from "../../src/store/store.ts";

export interface Confirmation {
  messageId: string;
  recordId: number;
  at: number;
}

export interface Service {
  store: Store;
  handle: RedisHandle;
  /** Every confirmation the "platform" got (HTTP 200 with a record). */
  confirmed: Confirmation[];
  /** /healthz answers, polled every 100 ms: time and status. */
  health: Array<{ at: number; status: number; problems?: string[] }>;
  startLoad(concurrency: number): void;
  /** Stops new messages; re-delivers the unconfirmed ones until each is stored or given up. */
  stopLoad(): Promise<void>;
  healthz(): Promise<{ status: number; body: { problems?: string[] } }>;
  close(): Promise<void>;
}

const log = pino({ level: "silent" });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startService(settings: RedisSettings, org: string): Promise<Service> {
  const handle = await openRedis(settings, log);
  const store = createStore(handle.redis, {
    org,
    defaults: { selfJoin: true },
    durability: { minReplicas: settings.minReplicasAck, timeoutMs: settings.waitTimeoutMs },
    idFence: { gap: settings.idFenceGap, always: handle.mode !== "single" },
    probe: handle.probe,
  });
  const { unit } = await store.directory.addUnit("城西镇");
  for (let u = 0; u < 8; u++) await store.directory.bindMember(`user${u}`, unit.id);
  const now = new Date("2026-11-20T10:00:00+08:00");
  const dispatch = createBenchDispatcher(store, () => now);
  const app = createServer({
    log,
    redisReachable: () => store.ping(),
    problems: createHealthChecks({
      writeProbe: () => store.writeProbe(),
      confirmReplicas: () => store.confirmProbe(),
      outboxMaxAgeMs: 3_600_000,
    }),
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const healthz = async () => {
    const res = await fetch(`${base}/healthz`);
    return { status: res.status, body: (await res.json()) as { problems?: string[] } };
  };

  const confirmed: Confirmation[] = [];
  const health: Service["health"] = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const answer = await healthz().catch(() => null);
      if (answer)
        health.push({
          at: Date.now(),
          status: answer.status,
          ...(answer.body.problems ? { problems: answer.body.problems } : {}),
        });
      await sleep(100);
    }
  })();

  let next = 0;
  let issuing = false;
  let closing = false;
  let workers: Promise<void>[] = [];
  /** One message until the platform is done with it: confirmed, or silently stored by an earlier attempt. */
  const deliver = async (i: number) => {
    const messageId = `m${i}`;
    for (let attempt = 0; attempt < 400 && !closing; attempt++) {
      try {
        const result = await dispatch(
          {
            id: messageId,
            conversation: { channel: "wecom", id: "g", kind: "group" },
            sender: { id: `user${i % 8}` },
            text: `走出去 赴上海拜访华谊集团${i}号公司，洽谈新材料项目`,
            sentAt: now,
          },
          async () => {},
        );
        if (result.record) confirmed.push({ messageId, recordId: result.record.id, at: Date.now() });
        return;
      } catch {
        // Not confirmed (Redis down, or no replica acknowledged): the platform re-delivers.
        await sleep(100);
      }
    }
  };
  return {
    store,
    handle,
    confirmed,
    health,
    healthz,
    startLoad(concurrency) {
      issuing = true;
      workers = Array.from({ length: concurrency }, async () => {
        while (issuing) await deliver(next++);
      });
    },
    async stopLoad() {
      issuing = false;
      await Promise.all(workers);
    },
    async close() {
      issuing = false;
      closing = true;
      polling = false;
      await Promise.all(workers);
      await poller;
      await new Promise((r) => server.close(r));
      await handle.close();
    },
  };
}

/** Checks shared by the Sentinel and Cluster tests: every confirmation kept, no number twice. */
export async function checkConfirmations(store: Store, confirmed: Confirmation[]) {
  const lost: string[] = [];
  for (const c of confirmed) {
    const record = await store.records.getRecord(c.recordId);
    if (!record || record.messageId !== c.messageId)
      lost.push(`${c.messageId} → #${c.recordId}: ${record ? `holds ${record.messageId}` : "missing"}`);
  }
  const byMessage = new Map<string, number>();
  let stored = 0;
  for await (const record of store.records.allRecords()) {
    stored++;
    const seen = byMessage.get(record.messageId);
    if (seen !== undefined) lost.push(`${record.messageId} stored twice: #${seen} and #${record.id}`);
    byMessage.set(record.messageId, record.id);
  }
  const ids = confirmed.map((c) => c.recordId);
  return { lost, reusedIds: ids.length - new Set(ids).size, stored };
}

/** The largest step between consecutive stored record numbers (the id fence shows as one). */
export async function largestGap(store: Store): Promise<number> {
  let previous: number | null = null;
  let largest = 0;
  for await (const record of store.records.allRecords()) {
    if (previous !== null) largest = Math.max(largest, record.id - previous);
    previous = record.id;
  }
  return largest;
}
