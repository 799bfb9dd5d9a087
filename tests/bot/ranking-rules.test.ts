// 赛马设置: one rule for numbers given as shares — 封顶 and 末位 are percentages, with or
// without "%"; the reply and the help say so.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSeededBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
beforeEach(async () => {
  bot = await createSeededBot();
});
afterEach(async () => bot.close());

const set = async (text: string) => bot.say(`赛马设置 ${text}`, { from: "admin" });
const cap = async () => (await bot.store.metrics.rankingRules()).rateCap;

describe("赛马设置 封顶", () => {
  it("reads a number with or without % as a percentage", async () => {
    expect((await set("封顶 150")).text).toContain("单项封顶 150.0%");
    expect(await cap()).toBe(1.5);
    expect((await set("封顶 120%")).text).toContain("单项封顶 120.0%");
    expect(await cap()).toBe(1.2);
    await set("封顶 100％");
    expect(await cap()).toBe(1);
  });

  it("refuses 5 and 6 alike (below 100%) and explains the rule, leaving the cap as it was", async () => {
    for (const value of ["5", "6", "1.2"]) {
      const said = await set(`封顶 ${value}`);
      expect(said.ok, value).toBe(false);
      expect(said.text).toContain("封顶按百分数");
      expect(said.text).toContain("赛马设置 封顶 120");
      expect(await cap()).toBe(1);
    }
  });

  it("states the rule in the confirmation and in 帮助 赛马设置", async () => {
    expect((await set("封顶 200")).text).toContain("封顶按百分数");
    expect((await bot.say("帮助 赛马设置", { from: "admin" })).text).toContain("封顶按百分数");
  });
});

describe("赛马设置 末位", () => {
  it("reads a number with or without % as a percentage: 末位 1 is 1%, not 100%", async () => {
    await set("末位 1");
    expect((await bot.store.metrics.rankingRules()).bottomShare).toBe(0.01);
    await set("末位 20%");
    expect((await bot.store.metrics.rankingRules()).bottomShare).toBe(0.2);
    const refused = await set("末位 120");
    expect(refused.ok).toBe(false);
    expect((await bot.store.metrics.rankingRules()).bottomShare).toBe(0.2);
  });
});
