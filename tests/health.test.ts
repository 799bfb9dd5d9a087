import { describe, expect, it } from "vitest";
import { createHealthChecks } from "../src/health.ts";

describe("health checks", () => {
  const ok = async () => {};
  it("passes when the probe writes, replicas acknowledge, the outbox is fresh and no schedule failed", async () => {
    const check = createHealthChecks({
      writeProbe: ok,
      confirmReplicas: ok,
      outboxOldestAgeMs: async () => 60_000,
      scheduleProblems: () => [],
      outboxMaxAgeMs: 30 * 60_000,
    });
    expect(await check()).toEqual([]);
  });

  it("names every failing part", async () => {
    const check = createHealthChecks({
      writeProbe: async () => {
        throw new Error("READONLY You can't write against a read only replica.\nmore");
      },
      confirmReplicas: ok,
      outboxOldestAgeMs: async () => 45 * 60_000,
      scheduleProblems: () => ["schedule digest: the run at 2026-11-30T01:00:00.000Z failed: boom"],
      outboxMaxAgeMs: 30 * 60_000,
    });
    expect(await check()).toEqual([
      "redis: cannot write the deployment's key: READONLY You can't write against a read only replica.",
      "outbox: a push has waited 45 min (limit 30 min)",
      "schedule digest: the run at 2026-11-30T01:00:00.000Z failed: boom",
    ]);
  });

  it("says when writes cannot be confirmed by replicas", async () => {
    const check = createHealthChecks({
      writeProbe: ok,
      confirmReplicas: async () => {
        throw new Error("write acknowledged by 0 of 1 required Redis replicas");
      },
      outboxMaxAgeMs: 1,
    });
    expect(await check()).toEqual([
      "redis: reports cannot be confirmed: write acknowledged by 0 of 1 required Redis replicas",
    ]);
  });
});
