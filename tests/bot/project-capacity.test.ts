// Two projects of one unit that differ only in capacity are two projects: a report naming one
// capacity never lands on the other (it was stored there silently, and the second signing was
// refused as a repeat of the first).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSeededBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
beforeEach(async () => {
  bot = await createSeededBot("2026-11-20T10:00:00+08:00");
  await bot.say("签约 年产9万吨功能膜项目 5.2亿元 新材料 省外");
});
afterEach(async () => bot.close());

describe("projects that differ in capacity", () => {
  it("signs 年产19万吨 beside 年产9万吨 as a new project", async () => {
    const said = await bot.say("签约 年产19万吨功能膜项目 3亿元 新材料 省外");
    expect(said.outcome).toBe("stored");
    expect(said.text).toContain("项目：年产19万吨功能膜项目");
    expect((await bot.yearTotals()).signing).toBe(2);
  });

  it("does not book funds for 年产1万吨 to 年产9万吨: it asks which project", async () => {
    const said = await bot.say("到位 年产1万吨功能膜项目 3000万");
    expect(said.record).toBeNull();
    expect(said.text).toContain("年产9万吨功能膜项目"); // offered as a suggestion
    expect((await bot.yearTotals()).fundsYuan).toBe(0);
  });

  it("books funds to each capacity by its full name, and asks when only the core is given", async () => {
    await bot.say("签约 年产19万吨功能膜项目 3亿元 新材料 省外");
    const nine = await bot.say("到位 年产9万吨功能膜项目 1000万");
    expect(nine.text).toContain("项目：年产9万吨功能膜项目");
    const nineteen = await bot.say("到位 年产19万吨功能膜项目 2000万");
    expect(nineteen.text).toContain("项目：年产19万吨功能膜项目");
    const core = await bot.say("到位 功能膜项目 500万");
    expect(core.record).toBeNull();
    expect((await bot.yearTotals()).fundsYuan).toBe(30_000_000);
  });
});
