import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
beforeEach(async () => {
  bot = await createTestBot();
  await bot.say("添加单位 城西镇 城西", { from: "admin" });
  await bot.say("添加单位 晋熙镇", { from: "admin" });
});
afterEach(async () => bot.close());

describe("admin set-up in a few messages", () => {
  it("binds several people at once, separated by commas, 、, ， or blanks", async () => {
    const said = await bot.say("绑定 u1,u2、u3，u4 u5 城西镇", { from: "admin" });
    expect(said.text).toBe("已将 5 人绑定到「城西镇」：u1、u2、u3、u4、u5。");
    const unit = (await bot.store.directory.unitByName("城西镇"))!;
    expect(await bot.store.directory.membersOf(unit.id)).toEqual(["u1", "u2", "u3", "u4", "u5"]);
    const moved = await bot.say("绑定 u2 u6 晋熙", { from: "admin" });
    expect(moved.text).toBe("已将 2 人绑定到「晋熙镇」：u2（原单位：城西镇）、u6。");
    expect((await bot.say("走出去 赴上海拜访华谊集团", { from: "u6" })).text).toContain("晋熙镇");
  });

  it("asks for the member ids when only a unit is given", async () => {
    const said = await bot.say("绑定 城西镇", { from: "admin" });
    expect(said.ok).toBe(false);
    expect(said.text).toContain("绑定 u1,u2,u3 城西镇");
  });

  it("reads targets written the way people write them", async () => {
    const said = await bot.say("目标 城西镇 走出去20次 请进来 15次 签约6个 亿元以上2个 签约金额15亿 到位资金 5亿", {
      from: "admin",
    });
    expect(said.text).toBe(
      "「城西镇」年度目标：走出去 20 · 请进来 15 · 签约项目 6 · 亿元以上项目 2 · 签约金额 15.00亿元 · 到位资金 5.00亿元",
    );
    const unit = (await bot.store.directory.unitByName("城西镇"))!;
    expect(unit.targets).toEqual({
      visitOut: 20,
      visitIn: 15,
      signingCount: 6,
      bigSigningCount: 2,
      signingAmount: 1_500_000_000,
      fundsArrived: 500_000_000,
    });
    const bad = await bot.say("目标 城西镇 签约六点五个", { from: "admin" });
    expect(bad.ok).toBe(false);
    expect(bad.text).toContain("签约6个");
  });
});
