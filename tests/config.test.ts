import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "../src/config.ts";

function problems(env: Record<string, string>): string[] {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("readConfig", () => {
  it("has working defaults for everything", () => {
    const config = readConfig({});
    expect(config).toMatchObject({
      port: 3000,
      redis: {
        topology: { mode: "single", url: undefined, dataDir: "./data" },
        minReplicasAck: 0,
        waitTimeoutMs: 1000,
        idFenceGap: 1000,
      },
      org: "default",
      admins: [],
      botNames: ["招商助手"],
      selfJoinDefault: true,
      maxAgeDays: 90,
      amountCeilingYuan: 500_000_000_000,
      logLevel: "info",
    });
    expect(config.industries.manufacturing.has("新材料")).toBe(true);
    expect(config.industries.manufacturing.has("文旅")).toBe(false);
  });

  it("reads lists and treats empty values as unset", () => {
    const config = readConfig({
      BOT_ADMINS: "a, b ,,c",
      PORT: "",
      AMOUNT_CEILING: "100亿",
      MANUFACTURING_TAGS: "文旅",
    });
    expect(config.admins).toEqual(["a", "b", "c"]);
    expect(config.port).toBe(3000);
    expect(config.amountCeilingYuan).toBe(10_000_000_000);
    expect([...config.industries.manufacturing]).toEqual(["文旅"]);
  });

  it("lists every problem at once", () => {
    expect(
      problems({
        PORT: "abc",
        REDIS_URL: "localhost",
        BOT_ORG: "a b",
        AMOUNT_CEILING: "很多",
        MANUFACTURING_TAGS: "造船",
      }),
    ).toEqual([
      expect.stringContaining("PORT"),
      expect.stringContaining("BOT_ORG"),
      expect.stringContaining("AMOUNT_CEILING"),
      "MANUFACTURING_TAGS: unknown industry tags 造船",
      expect.stringContaining("REDIS_URL"),
    ]);
  });

  it("replaces the industry table from a file, keeping the default manufacturing tags it has", () => {
    const dir = mkdtempSync(join(tmpdir(), "zs-cfg-"));
    const file = join(dir, "industries.yaml");
    writeFileSync(file, "- tag: 新材料\n  keywords: [功能膜]\n- tag: 康养旅游\n  keywords: [康养]\n");
    const config = readConfig({ INDUSTRY_FILE: file });
    expect(config.industries.tags.map((t) => t.tag)).toEqual(["新材料", "康养旅游"]);
    expect([...config.industries.manufacturing]).toEqual(["新材料"]);
    expect(problems({ INDUSTRY_FILE: join(dir, "missing.yaml") })[0]).toMatch(/^INDUSTRY_FILE: cannot read/);
  });

  it("reads a Sentinel deployment, which confirms writes only once a replica has them", () => {
    const config = readConfig({
      REDIS_SENTINELS: "10.0.0.1:26379, sentinel-2:26380",
      REDIS_SENTINEL_NAME: "zs",
      REDIS_SENTINEL_PASSWORD: "s",
      REDIS_PASSWORD: "p",
    });
    expect(config.redis.topology).toEqual({
      mode: "sentinel",
      sentinels: [
        { host: "10.0.0.1", port: 26379 },
        { host: "sentinel-2", port: 26380 },
      ],
      name: "zs",
      sentinelPassword: "s",
      password: "p",
    });
    expect(config.redis.minReplicasAck).toBe(1);
  });

  it("reads a Cluster deployment and the WAIT settings", () => {
    const config = readConfig({
      REDIS_CLUSTER_NODES: "a:7000,b:7001",
      REDIS_MIN_REPLICAS_ACK: "2",
      REDIS_WAIT_TIMEOUT_MS: "250",
    });
    expect(config.redis.topology).toEqual({
      mode: "cluster",
      nodes: [
        { host: "a", port: 7000 },
        { host: "b", port: 7001 },
      ],
    });
    expect(config.redis).toMatchObject({ minReplicasAck: 2, waitTimeoutMs: 250 });
  });

  it("reports every Redis setting problem at once", () => {
    expect(
      problems({
        REDIS_URL: "redis://x:6379",
        REDIS_SENTINELS: "nohost, h:99999",
        REDIS_CLUSTER_NODES: "a:1",
        REDIS_MIN_REPLICAS_ACK: "-1",
        REDIS_WAIT_TIMEOUT_MS: "soon",
      }),
    ).toEqual([
      'REDIS_SENTINELS: "nohost" is not host:port',
      'REDIS_SENTINELS: "h:99999" is not host:port',
      expect.stringContaining("REDIS_SENTINELS: list at least one"),
      "REDIS_URL, REDIS_CLUSTER_NODES: set only one of them (one Redis deployment)",
      expect.stringContaining("REDIS_MIN_REPLICAS_ACK"),
      expect.stringContaining("REDIS_WAIT_TIMEOUT_MS"),
    ]);
    expect(problems({ REDIS_SENTINELS: "h:26379" })).toEqual([
      expect.stringContaining("REDIS_SENTINEL_NAME: required"),
    ]);
  });
});

describe("schedule settings", () => {
  it("are read from the variables each schedule names, with defaults and every problem at once", async () => {
    const { schedules } = await import("../schedules/index.ts");
    const { readConfig: read, ConfigError: Problem } = await import("../src/config.ts");
    const config = read({ DIGEST_TIME: "08:30", BULLETIN_DESTINATION: "city" }, schedules);
    expect(config.schedules["weekly-digest"]).toEqual({ day: 1, time: "08:30", destination: "leaders" });
    expect(config.schedules["monthly-bulletin"]).toMatchObject({ workday: 3, time: "09:00", destination: "city" });
    try {
      read({ DIGEST_TIME: "25:00", BULLETIN_WORKDAY: "0" }, schedules);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Problem);
      expect((error as InstanceType<typeof Problem>).problems.join("\n")).toMatch(
        /DIGEST_TIME: HH:MM[\s\S]*BULLETIN_WORKDAY/,
      );
    }
  });
});
