import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadBulletin } from "../../src/insights/bulletin-data.ts";
import { parseBulletinPeriod } from "../../src/domain/bulletin-period.ts";
import { createSeededBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
afterEach(async () => bot.close());

beforeEach(async () => {
  bot = await createSeededBot("2026-09-10T10:00:00+08:00");
  await bot.say("添加单位 开发区管委会 开发区", { from: "admin" });
  await bot.say("目标 城西镇 走出去24 请进来24 签约6 亿元以上2 签约金额15亿 到位资金5亿", { from: "admin" });
  await bot.say("目标 晋熙镇 走出去20 签约5 签约金额10亿 到位资金3亿", { from: "admin" });
  await bot.say("目标 开发区 签约12 签约金额50亿 到位资金20亿", { from: "admin" });
  // September: 晋熙镇 is ahead on funds.
  await bot.say("签约 高端轴承项目 3亿 高端装备 省外", { from: "u3" });
  await bot.say("到位 高端轴承项目 2.6亿", { from: "u3" });
  // October: 城西镇 reports, a backfilled 9月 record counts in September.
  bot.setNow("2026-10-20T10:00:00+08:00");
  await bot.say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外", { from: "u1" });
  await bot.say("到位 功能膜项目 4.5亿", { from: "u1" });
  await bot.say("走出去 9月28日 赴上海 华谊集团", { from: "u1" });
  bot.setNow("2026-11-03T10:00:00+08:00");
});

describe("通报", () => {
  it("reports per unit against 序时进度, ranks, and lists the 红榜 and 黑榜 with reasons", async () => {
    const said = await bot.say("通报 10月", { from: "u1" });
    expect(said.text).toContain("## 2026年10月招商引资工作通报");
    expect(said.text).toContain("序时进度 83.3%"); // 304 / 365 at 31 October
    // 城西镇: 4.5亿 of 5亿 = 90.0%, ahead by 6.7 points; 晋熙镇 2.6亿 of 3亿 = 86.7%.
    expect(said.text).toContain("1. 城西镇");
    expect(said.text).toMatch(/城西镇：到位资金完成率 90\.0%，超序时进度 6\.7 个百分点/);
    // 晋熙镇 is ahead on funds but reported nothing in October: 黑榜, not 红榜.
    expect(said.text).toMatch(/2\. 晋熙镇 42\.0分 ↓1 · 到位 86\.7% 超 3\.4 点/);
    expect(said.text).not.toMatch(/\*\*红榜\*\*[^*]*晋熙镇/);
    // 晋熙镇 reported nothing in October; 开发区 nothing and far behind.
    expect(said.text).toMatch(
      /\*\*黑榜\*\*[\s\S]*开发区管委会：本期没有上报任何工作；到位资金完成率 0\.0%，欠序时进度 83\.3 个百分点/,
    );
    expect(said.text).toMatch(/\*\*黑榜\*\*[\s\S]*晋熙镇：本期没有上报任何工作/);
    expect(said.text).toMatch(/\*\*到位资金\*\*：本期 4\.50亿元 · 累计 7\.10亿元 · 目标 28\.00亿元 · 完成率 25\.4%/);
  });

  it("counts a backfilled record in its own month and moves ranks between periods", async () => {
    const september = await loadBulletin(
      bot.store,
      (parseBulletinPeriod("9月", "2026-11-03") as { ok: true; period: never }).period,
    );
    const chengxi = september.units.find((u) => u.name === "城西镇")!;
    expect(chengxi.metrics.visitOut.period).toBe(1);
    expect(chengxi.metrics.fundsArrived.period).toBe(0);
    expect(september.units[0]!.name).toBe("晋熙镇");
    const october = await loadBulletin(
      bot.store,
      (parseBulletinPeriod("10月", "2026-11-03") as { ok: true; period: never }).period,
    );
    expect(october.units.find((u) => u.name === "城西镇")!.rankChange).toMatch(/^↑/);
    expect(october.units.find((u) => u.name === "晋熙镇")!.rankChange).toMatch(/^↓/);
  });

  it("explains a period it cannot read, with examples", async () => {
    const said = await bot.say("通报 13月", { from: "u1" });
    expect(said.text).toContain("例如：通报、通报 10月、通报 1-10月、通报 三季度");
  });
});
