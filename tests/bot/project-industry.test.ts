// Issue 10: 到位 and milestones carry their project's industry and source, never their own wording's.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSeededBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
beforeEach(async () => {
  bot = await createSeededBot();
});
afterEach(async () => bot.close());

describe("one project, one industry on every record", () => {
  it("takes 到位's and 开工's industry and source from the signing, whatever their own words say", async () => {
    await bot.say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外");
    const funds = await bot.say("到位 功能膜项目 3000万 装备制造 市外");
    expect(funds.record).toMatchObject({ industry: "新材料", manufacturing: true, source: "省外" });
    const started = await bot.say("开工 功能膜项目 新能源汽车");
    expect(started.record).toMatchObject({ industry: "新材料", source: "省外" });
    expect(await bot.yearTotals()).toMatchObject({
      fundsProvOutYuan: 30_000_000,
      fundsCityOutYuan: 0,
      fundsMfgYuan: 30_000_000,
    });
  });

  it("prefers the signing over an earlier 在谈, and skips a revoked signing", async () => {
    await bot.say("在谈 年产5000吨生物基材料项目 计划投资2亿元 现代服务业 市外");
    const signing = await bot.say("签约 生物基材料项目 2亿 新材料 省外");
    expect((await bot.say("到位 生物基材料项目 1000万")).record).toMatchObject({ industry: "新材料", source: "省外" });
    await bot.say(`撤销 #${signing.record!.id}`);
    expect((await bot.say("到位 生物基材料项目 1000万")).record).toMatchObject({
      industry: "现代服务业",
      manufacturing: false,
      source: "市外",
    });
  });
});
