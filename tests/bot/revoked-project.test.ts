// A project whose every record was undone is not registered any more: funds and milestones do
// not book to it (they were, silently), and a new 签约 registers it afresh.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSeededBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
beforeEach(async () => {
  bot = await createSeededBot("2026-11-20T10:00:00+08:00");
  await bot.say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外");
  await bot.say("撤销");
});
afterEach(async () => bot.close());

describe("a project whose records were all undone", () => {
  it("takes no funds or milestones, and says why with an example", async () => {
    for (const line of ["到位 功能膜项目 3000万", "开工 年产10万吨功能膜项目"]) {
      const said = await bot.say(line);
      expect(said.record).toBeNull();
      expect(said.text).toContain("已全部撤销");
      expect(said.text).toContain("签约");
    }
    const totals = await bot.yearTotals();
    expect(totals.fundsYuan).toBe(0);
    expect(totals.started).toBe(0);
  });

  it("is registered afresh by a new 签约, and then takes funds", async () => {
    const signed = await bot.say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外");
    expect(signed.outcome).toBe("stored");
    const funds = await bot.say("到位 功能膜项目 3000万");
    expect(funds.outcome).toBe("stored");
    expect((await bot.yearTotals()).fundsYuan).toBe(30_000_000);
  });
});
