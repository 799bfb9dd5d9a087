// Sentinel: a master with two replicas and three sentinels. The master is killed mid-load;
// every report the platform got a confirmation for must still be there, no record number may
// be handed out twice, /healthz must say 503 while nothing can be written and 200 after, and
// the service must come back by itself once the sentinels promoted a replica.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RedisSettings } from "../../src/config/redis.ts";
import { startSentinelSet, until, type SentinelSet } from "../helpers/ha-servers.ts";
import { checkConfirmations, largestGap, startService, type Service } from "./service.ts";

let set: SentinelSet;
let service: Service;

const settings = (minReplicasAck: number): RedisSettings => ({
  topology: {
    mode: "sentinel",
    sentinels: set.sentinels.map((s) => ({ host: "127.0.0.1", port: s.port })),
    name: set.name,
  },
  minReplicasAck,
  waitTimeoutMs: 500,
  idFenceGap: 1000,
});

beforeAll(async () => {
  set = await startSentinelSet({ replicas: 2 });
  service = await startService(settings(1), "hasentinel");
});

afterAll(async () => {
  await service?.close();
  await set?.stop();
});

describe("Redis Sentinel failover under load", () => {
  it("keeps every confirmation, reuses no number, and recovers by itself", async () => {
    service.startLoad(8);
    await until("100 confirmations", async () => service.confirmed.length >= 100);
    const before = service.confirmed.length;
    const killedAt = Date.now();
    await set.master.kill();

    const down = await until(
      "/healthz 503 after the kill",
      async () => service.health.find((h) => h.at > killedAt && h.status === 503),
      10_000,
    );
    // Confirmations in flight at the kill land just after it: count from the first 503.
    // A failover is usually done in 2–3 s here; a split vote among the sentinels retries the
    // election after twice the failover timeout, so allow for a few rounds.
    const resumed = await until(
      "confirmations after the failover",
      async () => service.confirmed.find((c) => c.at > down.at),
      60_000,
    );
    const recoveryMs = resumed.at - killedAt;
    await until(
      "/healthz 200 after the failover",
      async () => service.health.some((h) => h.at > resumed.at && h.status === 200),
      10_000,
    );
    await until("100 more confirmations", async () => service.confirmed.length >= before + 100, 30_000);
    await service.stopLoad();

    expect(await set.masterPort()).not.toBe(set.master.port);
    // Down-after 1 s + election (retried after 2 × failover-timeout on a split vote) + reconnect.
    expect(recoveryMs).toBeLessThan(45_000);
    // The promoted master moved the counter past anything the old one may have handed out: the
    // stored numbers jump by the fence gap once. (Re-deliveries after the failover may confirm
    // records stored before it, with their old numbers.)
    expect(await largestGap(service.store)).toBeGreaterThan(900);
    const { lost, reusedIds, stored } = await checkConfirmations(service.store, service.confirmed);
    expect(lost).toEqual([]);
    expect(reusedIds).toBe(0);
    expect(stored).toBeGreaterThanOrEqual(service.confirmed.length);
    const last = await service.healthz();
    expect(last.status).toBe(200);
    console.log(
      `sentinel: ${service.confirmed.length} confirmed, first after the kill in ${recoveryMs} ms; 503 said: ${down.problems?.join("; ") ?? "redis down"}`,
    );
  });

  // SENTINEL FAILOVER promotes a replica while the old master still runs: until the sentinels
  // demote it, it takes writes that its other replica acknowledges and that are then thrown
  // away. Only WAIT on every replica (REDIS_MIN_REPLICAS_ACK = replica count) keeps such writes
  // from being confirmed: with 1 this test loses hundreds of confirmations (docs/redis.md).
  it("follows a forced switch-over (the old master turns READONLY) without an error loop or a lost confirmation, with WAIT on every replica", async () => {
    // The master killed above comes back empty; the sentinels make it a replica of the new one.
    await set.master.restart();
    await until(
      "the old master to rejoin as a replica",
      async () => {
        const { Redis } = await import("ioredis");
        const c = new Redis({ port: set.master.port, host: "127.0.0.1", lazyConnect: true, maxRetriesPerRequest: 0 });
        c.on("error", () => {});
        try {
          await c.connect();
          return /role:slave[\s\S]*master_link_status:up/.test(await c.info("replication"));
        } finally {
          c.disconnect();
        }
      },
      30_000,
    );
    // Both replicas must be streaming from the current master before a service that waits for
    // two acknowledgements seeds its units (one CI run started while one still resynced).
    await until(
      "both replicas to acknowledge writes",
      async () => {
        const { Redis } = await import("ioredis");
        const c = new Redis({ port: await set.masterPort(), host: "127.0.0.1", maxRetriesPerRequest: 0 });
        c.on("error", () => {});
        try {
          await c.set("ha-test:probe", String(Date.now()));
          return (await c.wait(2, 500)) >= 2;
        } finally {
          c.disconnect();
        }
      },
      30_000,
    );
    await service.close();
    service = await startService(settings(2), "hasentinel2");
    const from = await set.masterPort();
    service.startLoad(8);
    const before = service.confirmed.length;
    await until("confirmations", async () => service.confirmed.length >= before + 50);
    const switchedAt = Date.now();
    const { Redis } = await import("ioredis");
    const sentinel = new Redis({ port: set.sentinels[0]!.port, host: "127.0.0.1" });
    await sentinel.call("SENTINEL", "FAILOVER", set.name);
    sentinel.disconnect();
    await until("the sentinels to name another master", async () => (await set.masterPort()) !== from, 30_000);
    const n = service.confirmed.length;
    const resumed = await until(
      "confirmations after the switch",
      async () => service.confirmed.slice(n).find((c) => c.at > switchedAt),
      40_000,
    );
    await until("50 more confirmations", async () => service.confirmed.length >= n + 50, 30_000);
    await service.stopLoad();
    // Both replicas must follow the new master (one full resync at a time) before WAIT 2 passes.
    expect(resumed.at - switchedAt).toBeLessThan(30_000);
    const { lost, reusedIds } = await checkConfirmations(service.store, service.confirmed);
    console.log(
      `sentinel switch-over: ${service.confirmed.length} confirmed with WAIT 2, first after the switch in ${resumed.at - switchedAt} ms`,
    );
    expect(lost).toEqual([]);
    expect(reusedIds).toBe(0);
    expect((await service.healthz()).status).toBe(200);
  });
});
