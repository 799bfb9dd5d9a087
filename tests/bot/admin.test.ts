import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
beforeEach(async () => {
  bot = await createTestBot();
});
afterEach(async () => bot.close());

describe("admin: units, aliases, members, targets, admins", () => {
  it("lets a configured admin set up a unit that members then report for", async () => {
    expect((await bot.say("添加单位 城西镇 城西", { from: "admin" })).text).toBe("已添加单位「城西镇」，别名：城西。");
    expect((await bot.say("绑定 zhangsan 城西", { from: "admin" })).text).toBe("已将 zhangsan 绑定到「城西镇」。");
    const said = await bot.say("走出去 赴上海 华谊集团", { from: "zhangsan" });
    expect(said.ok).toBe(true);
    expect(said.text).toContain("走出去 · 城西镇");
  });

  it("refuses admin commands to members", async () => {
    const said = await bot.say("添加单位 东城镇", { from: "u9" });
    expect(said.ok).toBe(false);
    expect(said.text).toContain("只有管理员");
    expect(await bot.store.directory.listUnits()).toEqual([]);
  });

  it("accepts a small typo in a unit name and suggests on unknown names", async () => {
    await bot.say("添加单位 城西镇", { from: "admin" });
    await bot.say("添加单位 晋熙镇", { from: "admin" });
    expect((await bot.say("绑定 u1 城西真", { from: "admin" })).text).toContain("「城西镇」");
    const unknown = await bot.say("绑定 u1 开发区", { from: "admin" });
    expect(unknown.ok).toBe(false);
    expect(unknown.text).toContain("没有找到单位「开发区」");
    expect(unknown.text).toContain("城西镇");
  });

  it("keeps an alias to one unit", async () => {
    await bot.say("添加单位 城西镇 城西", { from: "admin" });
    await bot.say("添加单位 城东镇", { from: "admin" });
    const said = await bot.say("别名 城东镇 城西", { from: "admin" });
    expect(said.ok).toBe(false);
    expect((await bot.store.directory.unitByName("城西"))!.name).toBe("城西镇");
    await bot.say("删除别名 城西", { from: "admin" });
    expect(await bot.store.directory.unitByName("城西")).toBeNull();
    expect((await bot.say("别名 城东镇 城西 东城", { from: "admin" })).text).toBe("「城东镇」的别名：城西、东城");
  });

  it("lets members join by themselves unless the admin turned it off", async () => {
    await bot.say("添加单位 城西镇", { from: "admin" });
    expect((await bot.say("加入 城西镇", { from: "u1", name: "张三" })).text).toContain("张三，已加入「城西镇」");
    await bot.say("自助加入 关", { from: "admin" });
    const refused = await bot.say("加入 城西镇", { from: "u2" });
    expect(refused.ok).toBe(false);
    expect(refused.text).toContain("绑定 u2 单位名称");
    expect(await bot.store.directory.memberUnitId("u2")).toBeNull();
    await bot.say("自助加入 开", { from: "admin" });
    expect((await bot.say("加入 城西镇", { from: "u2" })).ok).toBe(true);
  });

  it("does not let a member move themself to another unit", async () => {
    await bot.say("添加单位 城西镇", { from: "admin" });
    await bot.say("添加单位 晋熙镇", { from: "admin" });
    await bot.say("加入 城西镇", { from: "u1" });
    const said = await bot.say("加入 晋熙镇", { from: "u1" });
    expect(said.ok).toBe(false);
    expect(said.text).toContain("已绑定「城西镇」");
  });

  it("sets annual targets with amounts in Chinese and shows them", async () => {
    await bot.say("添加单位 城西镇", { from: "admin" });
    const said = await bot.say("目标 城西镇 走出去24 请进来24 签约6 亿元以上2 签约金额15亿 到位资金5亿", {
      from: "admin",
    });
    expect(said.text).toBe(
      "「城西镇」年度目标：走出去 24 · 请进来 24 · 签约项目 6 · 亿元以上项目 2 · 签约金额 15.00亿元 · 到位资金 5.00亿元",
    );
    expect((await bot.store.directory.unitByName("城西镇"))!.targets).toEqual({
      visitOut: 24,
      visitIn: 24,
      signingCount: 6,
      bigSigningCount: 2,
      signingAmount: 1_500_000_000,
      fundsArrived: 500_000_000,
    });
    const bad = await bot.say("目标 城西镇 到位资金很多", { from: "admin" });
    expect(bad.ok).toBe(false);
    expect(bad.text).toContain("示例：目标 城西镇");
  });

  it("manages admins, keeping the configured ones", async () => {
    await bot.say("管理员 添加 lisi", { from: "admin" });
    expect((await bot.say("添加单位 东城镇", { from: "lisi" })).ok).toBe(true);
    expect((await bot.say("管理员", { from: "lisi" })).text).toBe("管理员（2）：admin、lisi");
    expect((await bot.say("管理员 删除 admin", { from: "lisi" })).text).toContain("BOT_ADMINS");
    await bot.say("管理员 删除 lisi", { from: "admin" });
    expect((await bot.say("添加单位 西城镇", { from: "lisi" })).ok).toBe(false);
  });

  it("unbinds a member and keeps their records", async () => {
    await bot.say("添加单位 城西镇", { from: "admin" });
    await bot.say("绑定 u1 城西镇", { from: "admin" });
    await bot.say("走出去 赴上海 华谊集团", { from: "u1" });
    await bot.say("解绑 u1", { from: "admin" });
    expect((await bot.say("走出去 赴上海 华谊集团", { from: "u1" })).ok).toBe(false);
    expect(await bot.store.records.getRecord(1)).not.toBeNull();
  });

  it("renames a unit, keeping members and records, and refuses a taken name", async () => {
    await bot.say("添加单位 城西镇 城西", { from: "admin" });
    await bot.say("添加单位 晋熙镇", { from: "admin" });
    await bot.say("绑定 u1 城西镇", { from: "admin" });
    await bot.say("走出去 赴上海 华谊集团", { from: "u1" });
    expect((await bot.say("单位改名 城西 城西街道", { from: "admin" })).text).toBe(
      "已将「城西镇」改名为「城西街道」，原有记录、成员和目标保留。",
    );
    expect(await bot.store.directory.unitByName("城西镇")).toBeNull();
    expect((await bot.yearTotals("城西街道")).visitOut).toBe(1);
    expect((await bot.say("走出去 赴杭州 阿里巴巴", { from: "u1" })).text).toContain("走出去 · 城西街道");
    expect((await bot.say("单位改名 城西街道 晋熙镇", { from: "admin" })).ok).toBe(false);
  });

  it("retires a unit: records kept, out of the ranking, no more reports; and restores it", async () => {
    await bot.say("添加单位 城西镇", { from: "admin" });
    await bot.say("添加单位 城东镇", { from: "admin" });
    await bot.say("绑定 u1 城东镇", { from: "admin" });
    await bot.say("签约 甲项目 2亿", { from: "u1" });
    expect((await bot.say("停用单位 城东镇", { from: "admin" })).text).toContain("已停用「城东镇」");
    const ranking = (await bot.say("排名", { from: "admin" })).text;
    expect(ranking).toContain("1. 城西镇");
    expect(ranking).not.toContain("城东镇");
    const refused = await bot.say("签约 乙项目 1亿", { from: "u1" });
    expect(refused.ok).toBe(false);
    expect(refused.text).toContain("已停用");
    expect((await bot.say("/status 城东镇", { from: "admin" })).text).toContain("已停用，不参加排名");
    expect((await bot.say("单位列表", { from: "admin" })).text).toContain("城东镇 1 人（已停用）");
    expect((await bot.yearTotals("城东镇")).signingYuan).toBe(200_000_000);
    await bot.say("启用单位 城东镇", { from: "admin" });
    expect((await bot.say("排名", { from: "admin" })).text).toContain("1. 城东镇");
    expect((await bot.say("签约 乙项目 1亿", { from: "u1" })).ok).toBe(true);
  });

  it("lists units and tells people who they are", async () => {
    await bot.say("添加单位 城西镇 城西", { from: "admin" });
    await bot.say("绑定 u1 城西镇", { from: "admin" });
    expect((await bot.say("单位列表", { from: "u1" })).text).toBe("共 1 个单位：\n· 城西镇（城西） 1 人");
    expect((await bot.say("我是谁", { from: "u1", name: "张三" })).text).toBe("ID：u1（张三）\n单位：城西镇");
  });
});
