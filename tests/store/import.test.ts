import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseImportFile, type ImportPlan } from "../../src/domain/import-file.ts";
import { applyImport, ImportConflictError } from "../../src/store/import-apply.ts";
import { createTestBot, type TestBot } from "../helpers/test-bot.ts";

const example = readFileSync(new URL("../fixtures/import-example.yaml", import.meta.url), "utf8");

function plan(text: string): ImportPlan {
  const parsed = parseImportFile(text);
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  return parsed.plan;
}

let bot: TestBot;
beforeEach(async () => {
  bot = await createTestBot();
});
afterEach(async () => bot.close());

async function snapshot() {
  const keys = await bot.redis.keys(`${bot.store.keys.prefix}*`);
  const dump: Record<string, unknown> = {};
  for (const key of keys.sort()) {
    const type = await bot.redis.type(key);
    dump[key] =
      type === "hash"
        ? await bot.redis.hgetall(key)
        : type === "set"
          ? (await bot.redis.smembers(key)).sort()
          : await bot.redis.get(key);
  }
  return dump;
}

describe("import", () => {
  it("loads units, aliases, members, admins and targets; a second import changes nothing", async () => {
    const first = await applyImport(bot.redis, bot.store.keys, plan(example));
    expect(first).toEqual({ unitsCreated: 4, unitsUpdated: 0, membersBound: 6, adminsAdded: 1 });
    const before = await snapshot();
    const second = await applyImport(bot.redis, bot.store.keys, plan(example));
    expect(second).toEqual({ unitsCreated: 0, unitsUpdated: 0, membersBound: 0, adminsAdded: 0 });
    expect(await snapshot()).toEqual(before);

    const zone = (await bot.store.directory.unitByName("经开区"))!;
    expect(zone.name).toBe("开发区管委会");
    expect(zone.targets).toEqual({
      visitOut: 48,
      visitIn: 48,
      signingCount: 12,
      bigSigningCount: 6,
      signingAmount: 5_000_000_000,
      fundsArrived: 2_000_000_000,
    });
    expect(await bot.store.directory.memberUnitId("u4")).toBe(zone.id);
    expect(await bot.store.directory.isAdmin("admin1")).toBe(true);
    expect((await bot.say("签约 甲项目 1亿", { from: "u5" })).text).toContain("开发区管委会");
  });

  it("sets the 赛马 rules, in Chinese names, and refuses unknown ones", async () => {
    const yaml =
      "units: []\nranking:\n  weights: { 资金到位率: 60, signingRate: 40 }\n  rates: { 签约率: 签约金额/目标签约金额 }\n  bottomShare: 0.1\n";
    await applyImport(bot.redis, bot.store.keys, plan(yaml));
    const rules = await bot.store.metrics.rankingRules();
    expect(rules.weights).toMatchObject({ fundsRate: 60, signingRate: 40, landingRate: 15 });
    expect(rules.rates.signingRate).toEqual({ numerator: "signingYuan", denominator: { target: "signingAmount" } });
    expect(rules.bottomShare).toBe(0.1);
    const bad = parseImportFile("units: []\nranking:\n  weights: { 人气: 5 }\n  rates: { 签约率: 很多 }\n");
    expect(bad.ok ? [] : bad.problems).toEqual([
      expect.stringMatching(/^第 3 行 ranking\.weights\.人气：不认识的率/),
      expect.stringMatching(/^第 4 行 ranking\.rates\.签约率：口径应写成/),
    ]);
  });

  it("sets whether carried-over projects (续建) count in the rates' denominators, as a boolean", async () => {
    expect((await bot.store.metrics.rankingRules()).carryOverInRates).toBe(false);
    await applyImport(bot.redis, bot.store.keys, plan("units: []\nranking:\n  carryOverInRates: true\n"));
    expect((await bot.store.metrics.rankingRules()).carryOverInRates).toBe(true);
    const bad = parseImportFile("units: []\nranking:\n  carryOverInRates: 计入\n");
    expect(bad.ok ? [] : bad.problems).toEqual([
      expect.stringMatching(/ranking\.carryOverInRates：应为 true 或 false/),
    ]);
  });

  it("accepts the same content as JSON", async () => {
    const json = JSON.stringify({
      units: [{ name: "城西镇", aliases: ["城西"], members: ["u1"], targets: { fundsArrived: "5亿" } }],
    });
    await applyImport(bot.redis, bot.store.keys, plan(json));
    expect((await bot.store.directory.unitByName("城西"))!.targets).toEqual({ fundsArrived: 500_000_000 });
  });

  it("refuses a bad file with the line and field at fault", () => {
    const bad = [
      "units:",
      "  - name: 城西镇",
      "    targets: { visitOut: 24, fundsArrived: 很多 }",
      "  - name: 晋熙镇",
      "    aliases: [城西镇]",
      "    colour: red",
      "admins: admin1",
    ].join("\n");
    const parsed = parseImportFile(bad);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      expect.stringMatching(/^第 3 行 units\[0\]\.targets\.fundsArrived：应为金额/),
      expect.stringMatching(/^第 6 行 units\[1\]\.colour：不认识的字段/),
      expect.stringMatching(/^第 7 行 admins：应为列表/),
      expect.stringMatching(/^第 5 行 units\[1\]\.aliases\[0\]：「城西镇」与第 1 个单位重名/),
    ]);
  });

  it("reports YAML syntax errors with their line", () => {
    const parsed = parseImportFile("units:\n  - name: 城西镇\n   aliases: [城西\n");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]).toMatch(/^第 \d 行/);
  });

  it("writes nothing when an alias belongs to a unit already in Redis", async () => {
    await bot.store.directory.addUnit("城东镇");
    await bot.store.directory.addAlias("1", "城西");
    const before = await snapshot();
    await expect(applyImport(bot.redis, bot.store.keys, plan(example))).rejects.toBeInstanceOf(ImportConflictError);
    expect(await snapshot()).toEqual(before);
  });
});
