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
      redisUrl: undefined,
      redisDataDir: "./data",
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
    const config = readConfig({ BOT_ADMINS: "a, b ,,c", PORT: "", AMOUNT_CEILING: "100亿", MANUFACTURING_TAGS: "文旅" });
    expect(config.admins).toEqual(["a", "b", "c"]);
    expect(config.port).toBe(3000);
    expect(config.amountCeilingYuan).toBe(10_000_000_000);
    expect([...config.industries.manufacturing]).toEqual(["文旅"]);
  });

  it("lists every problem at once", () => {
    expect(
      problems({ PORT: "abc", REDIS_URL: "localhost", BOT_ORG: "a b", AMOUNT_CEILING: "很多", MANUFACTURING_TAGS: "造船" }),
    ).toEqual([
      expect.stringContaining("PORT"),
      expect.stringContaining("REDIS_URL"),
      expect.stringContaining("BOT_ORG"),
      expect.stringContaining("AMOUNT_CEILING"),
      "MANUFACTURING_TAGS: unknown industry tags 造船",
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
      expect((error as InstanceType<typeof Problem>).problems.join("\n")).toMatch(/DIGEST_TIME: HH:MM[^]*BULLETIN_WORKDAY/);
    }
  });
});
