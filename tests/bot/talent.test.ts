// 招才引智 (issue 15): 引才, 人才项目 and 创新团队 end to end on a real Redis: parsing, confirmation,
// totals, targets, undo and correction, once per name, exactly once per message.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSeededBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
beforeEach(async () => {
  bot = await createSeededBot("2026-03-10T10:00:00+08:00");
});
afterEach(async () => bot.close());

describe("引才", () => {
  it("confirms count, level, sector and employer, and adds people to the year totals", async () => {
    const said = await bot.say("引才 3人 博士 新材料 城西镇某企业");
    expect(said.ok).toBe(true);
    expect(said.text).toMatchInlineSnapshot(`
      "✅ 已登记 #1 引才 · 城西镇
      人数：3人
      层次：博士（计入高层次人才）
      用人单位：城西镇某企业
      产业：新材料
      日期：2026-03-10
      如有误请发「撤销 #1」

      📊 城西镇 2026年累计
      走出去 0次 · 请进来 0批
      签约 0个（亿元以上 0个）· 0元
      到位资金 0元
      引才 3人（高层次 3人）"
    `);
    expect(said.record).toMatchObject({
      kind: "talentRecruit",
      headcount: 3,
      level: "博士",
      highLevel: true,
      employer: "城西镇某企业",
      industry: "新材料",
      project: null,
      date: "2026-03-10",
    });
    expect(await bot.yearTotals()).toMatchObject({ talentRecruit: 1, talentPeople: 3, talentHighPeople: 3 });
  });
});
