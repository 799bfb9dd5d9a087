import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { forgetStandings, loadStandings } from "../../src/insights/standings.ts";
import { createSeededBot, createTestBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
afterEach(async () => bot.close());

/** 城西镇, 晋熙镇 and 开发区 with targets, and a few weeks of reports. */
async function seed(now = "2026-03-10T18:00:00+08:00") {
  bot = await createSeededBot("2026-03-01T10:00:00+08:00");
  await bot.say("添加单位 开发区管委会 开发区", { from: "admin" });
  await bot.say("绑定 u4 开发区", { from: "admin" });
  await bot.say("目标 城西镇 走出去24 请进来24 签约6 亿元以上2 签约金额15亿 到位资金5亿", { from: "admin" });
  await bot.say("目标 晋熙镇 走出去20 签约5 签约金额10亿 到位资金3亿", { from: "admin" });
  await bot.say("目标 开发区 签约12 签约金额50亿 到位资金20亿", { from: "admin" });
  // Last week (3.2–3.8): 晋熙镇 leads.
  bot.setNow("2026-03-04T10:00:00+08:00");
  await bot.say("签约 高端轴承项目 3亿 高端装备 省外", { from: "u3" });
  await bot.say("到位 高端轴承项目 8000万", { from: "u3" });
  await bot.say("走出去 赴上海 华谊集团", { from: "u1" });
  // This week (3.9–3.15): 城西镇 overtakes.
  bot.setNow("2026-03-10T10:00:00+08:00");
  await bot.say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外", { from: "u1" });
  await bot.say("到位 功能膜项目 1.2亿", { from: "u1" });
  await bot.say("开工 功能膜项目", { from: "u1" });
  await bot.say("签约 物流园项目 2亿 商贸物流 市外", { from: "u2" });
  await bot.say("撤销", { from: "u2" });
  bot.setNow(now);
}

describe("/status", () => {
  beforeEach(async () => seed());

  it("shows this week and the year against targets, rank and laggard reasons on one screen", async () => {
    const said = await bot.say("/status");
    expect(said.text).toMatchInlineSnapshot(`
      "📊 城西镇 · 2026年3月10日
      本周（3.9–3.15）：走出去 0 · 请进来 0 · 签约 1个 5.20亿元 · 到位 1.20亿元
      本年累计（序时进度 18.9%）：
      走出去 1/24 完成4.2% ⚠️落后序时14.7点（完成序时进度22.0%）
      请进来 0/24 完成0.0% ⚠️落后序时18.9点（完成序时进度0.0%）
      签约项目 1/6 完成16.7% ⚠️落后序时2.2点（完成序时进度88.2%）
      亿元以上项目 1/2 完成50.0% ✅（完成序时进度264.5%）
      签约金额 5.20亿元/15.00亿元 完成34.7% ✅（完成序时进度183.4%）
      到位资金 1.20亿元/5.00亿元 完成24.0% ✅（完成序时进度127.0%）
      制造业资金占比 100.0%
      落地 0 · 开工 1 · 投产 0 · 入库 0
      五个率：签约率16.7% · 落地率0.0% · 开工率100.0% · 资金到位率24.0% · 制造业资金占比100.0%
      🏇 赛马第 1/3 名（↑1）· 37.2分"
    `);
    expect(said.text.split("\n").length).toBeLessThanOrEqual(20);
  });

  it("answers for another unit by alias or a small typo, and suggests on unknown names", async () => {
    expect((await bot.say("/status 晋熙")).text).toContain("📊 晋熙镇");
    expect((await bot.say("status 开发区管委")).text).toContain("📊 开发区管委会");
    const unknown = await bot.say("/status 农委");
    expect(unknown.ok).toBe(false);
    expect(unknown.text).toContain("没有找到单位「农委」");
    expect(unknown.text).toContain("现有单位：城西镇、晋熙镇、开发区管委会");
  });

  it("names the laggard reasons of a unit that lags", async () => {
    const said = await bot.say("/status 开发区");
    expect(said.text).toContain("🏇 赛马第 3/3 名（–）· 0.0分");
    expect(said.text).toContain("⚠️ 需加油：今年还没有上报；赛马排名第 3/3，处于末位");
  });

  it("excludes revoked records everywhere", async () => {
    const said = await bot.say("/status", { from: "u2" });
    expect(said.text).toContain("签约项目 1/6");
    expect(said.text).not.toContain("物流园");
  });

  it("counts a backfilled record in its own period", async () => {
    bot.setNow("2026-03-20T10:00:00+08:00");
    await bot.say("走出去 3月3日 赴杭州 阿里巴巴", { from: "u1" });
    const said = await bot.say("/status");
    expect(said.text).toContain("本周（3.16–3.22）：走出去 0");
    expect(said.text).toContain("走出去 2/24");
    expect((await bot.say("明细 上周")).text).not.toContain("阿里巴巴");
    expect((await bot.say("明细 本月")).text).toContain("3.3 走出去 杭州 阿里巴巴");
  });
});

describe("排名 and 总览", () => {
  beforeEach(async () => seed());

  it("ranks the units with their change since last week and explains the score", async () => {
    expect((await bot.say("排名")).text).toMatchInlineSnapshot(`
      "🏇 赛马排名 · 2026年（截至3月10日，序时进度 18.9%）
      1. 城西镇 37.2分 ↑1
      2. 晋熙镇 24.0分 ↓1
      3. 开发区管委会 0.0分 –
      得分＝签约率×30 + 落地率×15 + 开工率×15 + 资金到位率×30 + 制造业资金占比×10（折算百分制，单项封顶100.0%）"
    `);
  });

  it("follows the rules an admin sets", async () => {
    await bot.say("赛马设置 权重 签约率0 落地率0 开工率0 资金到位率100 制造业占比0", { from: "admin" });
    const said = await bot.say("赛马");
    // Only 资金到位率 counts now: 晋熙镇 0.8亿/3亿 = 26.7% beats 城西镇 1.2亿/5亿 = 24.0%.
    expect(said.text).toContain("1. 晋熙镇 26.7分 –");
    expect(said.text).toContain("2. 城西镇 24.0分 –");
    await bot.say("赛马设置 口径 资金到位率=到位资金/目标签约金额", { from: "admin" });
    expect((await bot.say("赛马设置", { from: "admin" })).text).toContain(
      "资金到位率 = 到位资金/目标签约金额，权重 100",
    );
    expect((await bot.say("赛马设置 权重 魅力值50", { from: "admin" })).ok).toBe(false);
    expect((await bot.say("赛马设置 恢复默认", { from: "admin" })).text).toContain(
      "签约率 = 签约个数/目标签约项目，权重 30",
    );
  });

  it("sums the county for leaders", async () => {
    expect((await bot.say("全县")).text).toMatchInlineSnapshot(`
      "🏛 全县总览 · 3 个单位 · 截至3月10日
      本周（3.9–3.15）：走出去 0 · 请进来 0 · 签约 1个 5.20亿元 · 到位 1.20亿元
      本年累计（序时进度 18.9%）：
      走出去 1/44 完成2.3% ⚠️落后序时16.6点（完成序时进度12.0%）
      请进来 0/24 完成0.0% ⚠️落后序时18.9点（完成序时进度0.0%）
      签约项目 2/23 完成8.7% ⚠️落后序时10.2点（完成序时进度46.0%）
      亿元以上项目 2/2 完成100.0% ✅（完成序时进度529.0%）
      签约金额 8.20亿元/75.00亿元 完成10.9% ⚠️落后序时8.0点（完成序时进度57.8%）
      到位资金 2.00亿元/28.00亿元 完成7.1% ⚠️落后序时11.8点（完成序时进度37.8%）
      亿元以上签约 2个 8.20亿元
      到位资金 2.00亿元 = 省外 2.00亿元 + 市外 0元 · 制造业占比 100.0%
      项目：在谈 0 · 签约 2 · 落地 0 · 开工 1 · 投产 0 · 入库 0
      ⚠️ 落后单位 1 个（最落后的在前）：开发区管委会（发「/status 单位」看原因）"
    `);
  });
});

describe("明细 and 项目", () => {
  beforeEach(async () => seed());

  it("lists the latest records, newest first, capped with 还有 N 条", async () => {
    for (let i = 0; i < 12; i++) await bot.say(`走出去 赴苏州 客商${i}`, { from: "u1" });
    const said = await bot.say("明细 本周");
    const lines = said.text.split("\n");
    expect(lines[0]).toBe("📋 城西镇 · 第11周（3.9–3.15）明细（共 15 条，新的在前）");
    expect(lines[1]).toBe("1. #19 3.10 走出去 苏州 客商11 u1");
    expect(lines).toHaveLength(12);
    expect(lines[11]).toBe("还有 5 条");
    expect((await bot.say("明细 上周 晋熙")).text).toMatchInlineSnapshot(`
      "📋 晋熙镇 · 第10周（3.2–3.8）明细（共 2 条，新的在前）
      1. #2 3.4 到位 高端轴承项目 8000万元 u3
      2. #1 3.4 签约 高端轴承项目 3.00亿元 u3"
    `);
  });

  it("shows a project's stage history with the amounts signed and arrived", async () => {
    expect((await bot.say("项目 功能膜", { from: "u3" })).text).toMatchInlineSnapshot(`
      "📁 年产10万吨功能膜项目（城西镇）
      阶段：开工
      总投资：5.20亿元 · 已到位：1.20亿元（23.1%）
      历程：
      · 2026-03-10 签约 5.20亿元 #4
      · 2026-03-10 到位 1.20亿元 #5
      · 2026-03-10 开工 #6"
    `);
    expect((await bot.say("项目", { from: "u3" })).text).toBe("📁 晋熙镇 的项目（1 个）\n· 高端轴承项目：签约");
    const none = await bot.say("项目 高端轴成");
    expect(none.ok).toBe(false);
    expect(none.text).toContain("「高端轴承项目」");
  });
});

describe("the standings cache", () => {
  beforeEach(async () => seed());

  it("patched after reports from any process, it equals a ranking rebuilt from Redis", async () => {
    const before = await loadStandings(bot.store, "2026-03-10");
    await bot.say("签约 新能源电池项目 8亿 省外", { from: "u4" });
    await bot.say("到位 新能源电池项目 3亿", { from: "u4" });
    await bot.say("走出去 3月2日 赴合肥 国轩高科", { from: "u3" }); // backfilled into last week
    await bot.say("撤销", { from: "u3" });
    const patched = await loadStandings(bot.store, "2026-03-10");
    expect(patched).not.toBe(before);
    // 1/12 signed ×30 + 3亿/20亿 funds ×30 + all manufacturing ×10 = 2.5 + 4.5 + 10
    expect(patched.byUnit.get(before.ranked[2]!.unitId)!.score).toBeCloseTo(17, 10);
    forgetStandings();
    const rebuilt = await loadStandings(bot.store, "2026-03-10");
    expect(patched).toEqual(rebuilt);
    // Only this week's reports now: last week's ranks are kept, not recomputed.
    await bot.say("签约 储能电站项目 9亿 节能环保", { from: "u3" });
    const again = await loadStandings(bot.store, "2026-03-10");
    expect(again.previousRank).toBe(rebuilt.previousRank);
    forgetStandings();
    expect(again).toEqual(await loadStandings(bot.store, "2026-03-10"));
  });

  it("is rebuilt when targets change", async () => {
    await bot.say("排名");
    await bot.say("目标 城西镇 签约1", { from: "admin" });
    // 签约率 1/1 now: 30 + 0 + 15 + 7.2 + 10
    expect((await bot.say("排名")).text).toContain("1. 城西镇 62.2分");
  });
});

describe("who may query", () => {
  it("lets every bound member query everything by default, and refuses strangers", async () => {
    await seed();
    expect((await bot.say("排名", { from: "u3" })).ok).toBe(true);
    const stranger = await bot.say("排名", { from: "nobody" });
    expect(stranger.ok).toBe(false);
    expect(stranger.text).toContain("查询进度、排名和总览需要先绑定单位");
  });

  it("can limit members to their own unit", async () => {
    bot = await createTestBot({ rules: { queryAccess: "own-unit" } });
    await bot.say("添加单位 城西镇", { from: "admin" });
    await bot.say("添加单位 晋熙镇", { from: "admin" });
    await bot.say("绑定 u1 城西镇", { from: "admin" });
    expect((await bot.say("/status", { from: "u1" })).ok).toBe(true);
    expect((await bot.say("/status 晋熙镇", { from: "u1" })).text).toContain("只能查询自己单位");
    expect((await bot.say("排名", { from: "u1" })).ok).toBe(false);
    expect((await bot.say("排名", { from: "admin" })).ok).toBe(true);
  });

  it("can open queries to anyone in the group", async () => {
    bot = await createTestBot({ rules: { queryAccess: "everyone" } });
    await bot.say("添加单位 城西镇", { from: "admin" });
    expect((await bot.say("/status 城西镇", { from: "visitor" })).ok).toBe(true);
  });
});

describe("a week spanning New Year", () => {
  it("compares with last year's final ranking in the first days of January", async () => {
    bot = await createSeededBot("2026-12-27T10:00:00+08:00");
    await bot.say("签约 甲项目 2亿", { from: "u3" }); // Sunday 27 Dec: 晋熙镇 leads 2026
    bot.setNow("2026-12-30T10:00:00+08:00");
    await bot.say("签约 乙项目 3亿", { from: "u1" });
    await bot.say("签约 丙项目 3亿", { from: "u1" }); // 城西镇 ahead by year end
    bot.setNow("2027-01-02T10:00:00+08:00");
    await bot.say("目标 城西镇 签约2", { from: "admin" });
    await bot.say("目标 晋熙镇 签约2", { from: "admin" });
    const said = await bot.say("排名");
    // 2027 has no reports yet (tie, by name); last week's ranking is 2026 up to Sunday 27 Dec,
    // when only 晋熙镇 had signed — 城西镇's signings of 30 Dec belong to this week.
    expect(said.text).toContain("1. 城西镇 0.0分 ↑1");
    expect(said.text).toContain("2. 晋熙镇 0.0分 ↓1");
  });
});
