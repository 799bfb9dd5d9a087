import { afterEach, describe, expect, it } from "vitest";
import { loadStandings } from "../../src/insights/standings.ts";
import { createTestBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
afterEach(async () => bot.close());

const UNITS = ["甲镇", "乙镇", "丙镇", "丁镇", "戊镇", "己镇", "庚镇", "辛镇", "壬镇", "癸镇"];

/** Ten units with equal targets; by mid-June most have reported steadily, three have not. */
async function seedCounty() {
  bot = await createTestBot({ now: "2026-01-05T10:00:00+08:00" });
  for (const [i, name] of UNITS.entries()) {
    await bot.say(`添加单位 ${name}`, { from: "admin" });
    await bot.say(`绑定 m${i} ${name}`, { from: "admin" });
    await bot.say(`目标 ${name} 签约10个 到位资金10亿`, { from: "admin" });
  }
  // Funds arrived so far (亿): the county pace is 35/100 = 35%; 序时进度 on 6.16 is 167/365 = 45.8%.
  const funds = [6, 5, 5, 4, 4, 4, 4, 2, 1, 0];
  bot.setNow("2026-06-01T10:00:00+08:00");
  for (const [i, name] of UNITS.entries()) {
    if (funds[i]! === 0) continue;
    await bot.say(`签约 ${name}产业园项目 10亿 新材料 省外`, { from: `m${i}` });
    await bot.say(`到位 ${name}产业园项目 ${funds[i]}亿`, { from: `m${i}` });
  }
  // Everyone but 辛镇 and 癸镇 reports in June; 壬镇 enters a report dated in May (补录) today.
  bot.setNow("2026-06-15T10:00:00+08:00");
  for (const [i] of UNITS.entries()) if (i < 7) await bot.say("走出去 6月15日 赴上海拜访华谊集团", { from: `m${i}` });
  bot.setNow("2026-06-16T10:00:00+08:00");
}

describe("laggards that mean something", () => {
  it("names only the units that genuinely lag, with reasons in plain words", async () => {
    await seedCounty();
    await bot.say("走出去 5月20日 赴杭州拜访万向集团", { from: "m8" }); // 补录 entered today
    const s = await loadStandings(bot.store, "2026-06-16");
    const byName = new Map(s.laggards.map((l) => [l.name, l.reasons]));
    expect([...byName.keys()].sort()).toEqual(["壬镇", "癸镇", "辛镇"].sort());
    // 辛镇: 2亿 of 10亿 = 20%, 25.8 points behind 序时 and 15 behind the county; silent since 6.1.
    expect(byName.get("辛镇")).toEqual([
      "已 15 天没有上报（最近一次 6月1日）",
      "到位资金完成率 20.0%，落后序时进度 25.8 个百分点、全县平均（35.0%）15.0 个百分点",
    ]);
    // 壬镇's 补录 counts as reporting today; its funds are still clearly behind.
    expect(byName.get("壬镇")).toEqual([
      "到位资金完成率 10.0%，落后序时进度 35.8 个百分点、全县平均（35.0%）25.0 个百分点",
    ]);
    expect(byName.get("癸镇")).toEqual([
      "今年还没有上报",
      "到位资金完成率 0.0%，落后序时进度 45.8 个百分点、全县平均（35.0%）35.0 个百分点",
      "赛马排名第 10/10，处于末位",
    ]);
  });

  it("does not count an undone report as reporting", async () => {
    await seedCounty();
    await bot.say("走出去 赴南京拜访苏宁集团", { from: "m7" });
    await bot.say("撤销", { from: "m7" });
    const s = await loadStandings(bot.store, "2026-06-16");
    expect(s.lastEntered.get(s.ranked.find((r) => r.name === "辛镇")!.unitId)).toBe("2026-06-01");
    expect(s.laggards.find((l) => l.name === "辛镇")!.reasons[0]).toBe("已 15 天没有上报（最近一次 6月1日）");
  });

  it("lets the admin tune every rule with 赛马设置, and 总览 lists the worst first", async () => {
    await seedCounty();
    const described = (await bot.say("赛马设置", { from: "admin" })).text;
    expect(described).toContain("连续 14 天没有上报");
    expect(described).toContain("又落后全县平均超过 10 个百分点");
    await bot.say("赛马设置 全县线 0", { from: "admin" });
    await bot.say("赛马设置 未报天数 0", { from: "admin" });
    await bot.say("赛马设置 末位 30%", { from: "admin" });
    const rules = await bot.store.metrics.rankingRules();
    expect([rules.paceMarginPoints, rules.silentDays, rules.bottomShare]).toEqual([0, 0, 0.3]);
    const overview = (await bot.say("总览", { from: "admin" })).text;
    const line = overview.split("\n").find((l) => l.startsWith("⚠️ 落后单位"))!;
    // 4亿 units (behind 序时 by >10: below 35.8%): 辛 20%, 壬 10%, 癸 0%; bottom 3 of the ranking are the same three.
    expect(line).toBe("⚠️ 落后单位 3 个（最落后的在前）：癸镇、壬镇、辛镇（发「/status 单位」看原因）");
    const bad = await bot.say("赛马设置 未报天数 一周", { from: "admin" });
    expect(bad.ok).toBe(false);
    expect(bad.text).toContain("赛马设置 未报天数 14");
  });

  it("never folds the worst units behind 等 in 总览", async () => {
    await seedCounty();
    await bot.say("赛马设置 末位 100%", { from: "admin" });
    const overview = (await bot.say("总览", { from: "admin" })).text;
    const line = overview.split("\n").find((l) => l.startsWith("⚠️ 落后单位"))!;
    expect(line).toContain("落后单位 10 个（最落后的在前）：癸镇、壬镇、辛镇");
    expect(line).toContain("等（另 2 个较轻）");
    expect(line).not.toContain("甲镇");
  });
});
