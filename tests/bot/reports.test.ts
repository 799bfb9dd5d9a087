import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSeededBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
beforeEach(async () => {
  bot = await createSeededBot("2026-03-10T10:00:00+08:00");
});
afterEach(async () => bot.close());

describe("reporting", () => {
  it("confirms a signing with what it understood, the record number, undo hint and year totals", async () => {
    const said = await bot.say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外");
    expect(said.ok).toBe(true);
    expect(said.text).toMatchInlineSnapshot(`
      "✅ 已登记 #1 签约 · 城西镇
      项目：年产10万吨功能膜项目
      总投资：5.20亿元
      产业/来源：新材料（制造业） · 省外
      日期：2026-03-10
      如有误请发「撤销 #1」

      📊 城西镇 2026年累计
      走出去 0次 · 请进来 0批
      签约 1个（亿元以上 1个）· 5.20亿元
      到位资金 0元"
    `);
    expect(said.record).toMatchObject({
      id: 1,
      kind: "signing",
      project: "年产10万吨功能膜项目",
      amountYuan: 520_000_000,
      amountUsd: null,
      industry: "新材料",
      manufacturing: true,
      source: "省外",
      date: "2026-03-10",
      reporter: "u1",
      channel: "console",
      messageId: "m1",
      revoked: false,
    });
    expect(await bot.yearTotals()).toMatchObject({
      signing: 1,
      signingYuan: 520_000_000,
      bigSigning: 1,
      signingProvOutYuan: 520_000_000,
    });
  });

  it("shows totals against targets once targets are set", async () => {
    await bot.say("目标 城西镇 走出去24 签约6 亿元以上2 签约金额15亿 到位资金5亿", { from: "admin" });
    const said = await bot.say("走出去 赴上海拜访华谊集团，洽谈新材料项目");
    expect(said.text).toContain("走出去 1/24次");
    expect(said.text).toContain("签约 0/6个（亿元以上 0/2个）· 0元/15.00亿元");
    expect(said.text).toContain("到位资金 0元/5.00亿元");
    expect(said.record).toMatchObject({ kind: "visitOut", place: "上海", counterpart: "华谊集团", project: null });
  });

  it("accepts the slash, an @bot mention, full-width punctuation and a colon after the keyword", async () => {
    const lines = ["/签约 甲项目 1亿", "@招商助手 签约 乙项目 2亿", "签约：丙项目　３亿元", "签约丁项目 4亿"];
    for (const line of lines) expect((await bot.say(line)).ok, line).toBe(true);
    expect((await bot.yearTotals()).signingYuan).toBe(1_000_000_000);
  });

  it("runs totals per day, ISO week and year", async () => {
    await bot.say("走出去 3月2日 赴深圳 比亚迪");
    await bot.say("走出去 昨天 赴杭州 阿里巴巴");
    const unit = (await bot.store.directory.unitByName("城西镇"))!;
    expect((await bot.store.records.dayTotals(unit.id, "2026-03-09")).visitOut).toBe(1);
    expect((await bot.store.records.weekTotals(unit.id, "2026-03-10")).visitOut).toBe(1);
    expect((await bot.store.records.weekTotals(unit.id, "2026-03-02")).visitOut).toBe(1);
    expect((await bot.yearTotals()).visitOut).toBe(2);
  });

  it("keeps foreign funds in US dollars, apart from yuan", async () => {
    await bot.say("签约 中德精密轴承项目 800万美元 高端装备");
    const said = await bot.say("到位 中德精密轴承项目 500万美金");
    expect(said.record).toMatchObject({ amountUsd: 5_000_000, amountYuan: null, source: "境外", industry: "高端装备" });
    expect(await bot.yearTotals()).toMatchObject({ fundsUsd: 5_000_000, fundsYuan: 0, signingUsd: 8_000_000 });
    expect(said.text).toContain("境外 500万美元");
  });
});

describe("projects", () => {
  it("attaches 到位 and milestones to the unit's project, tolerant of a shortened name", async () => {
    await bot.say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外");
    const funds = await bot.say("到位 功能膜项目 3000万");
    expect(funds.record).toMatchObject({
      project: "年产10万吨功能膜项目",
      amountYuan: 30_000_000,
      manufacturing: true,
      source: "省外",
    });
    const started = await bot.say("开工 年产10万吨功能膜 昨天");
    expect(started.record).toMatchObject({ kind: "started", date: "2026-03-09", project: "年产10万吨功能膜项目" });
    const project = (await bot.store.projects.getProject(funds.record!.projectId!))!;
    expect(project.history.map((e) => [e.kind, e.date, e.recordId])).toEqual([
      ["signing", "2026-03-10", 1],
      ["fundsArrived", "2026-03-10", 2],
      ["started", "2026-03-09", 3],
    ]);
    expect((await bot.yearTotals()).fundsMfgYuan).toBe(30_000_000);
  });

  it("never invents a project for 到位: says so and suggests the closest names", async () => {
    await bot.say("签约 年产10万吨功能膜项目 5.2亿元");
    await bot.say("签约 智能车厢制造项目 总投资3000万 装备制造");
    const said = await bot.say("到位 功能薄膜项目 1000万");
    expect(said.ok).toBe(false);
    expect(said.record).toBeNull();
    expect(said.text).toContain("还没有登记项目「功能薄膜项目」");
    expect(said.text).toContain("「年产10万吨功能膜项目」");
    expect((await bot.yearTotals()).fundsYuan).toBe(0);
  });

  it("does not match another unit's project", async () => {
    await bot.say("签约 年产10万吨功能膜项目 5.2亿元");
    const said = await bot.say("到位 年产10万吨功能膜项目 1000万", { from: "u3" });
    expect(said.ok).toBe(false);
    expect(said.text).toContain("晋熙镇还没有登记项目");
  });

  it("updates a negotiated project when it is signed, and refuses a second signing of it", async () => {
    const talk = await bot.say("在谈 功能膜项目 计划投资3亿");
    const signed = await bot.say("签约 功能膜 5.2亿元");
    expect(signed.record!.projectId).toBe(talk.record!.projectId);
    const again = await bot.say("签约 功能膜项目 5.2亿元", { from: "u2" });
    expect(again.ok).toBe(false);
    expect(again.text).toContain("已于 2026-03-10 登记过签约（#2）");
    expect((await bot.yearTotals()).signing).toBe(1);
  });
});

describe("refusals: clear answer, nothing stored", () => {
  const cases: Array<[string, string]> = [
    ["签约 年产10万吨功能膜项目", "投资额"],
    ["签约 甲项目 0万", "大于 0"],
    ["签约 甲项目 6000亿", "超过上限 5000.00亿元"],
    ["走出去 3月20日 赴上海", "还没到"],
    ["走出去 2025年11月1日 赴上海", "超过 90 天"],
    ["签约", "项目名称"],
    ["到位 甲项目", "到位金额"],
  ];
  for (const [line, expected] of cases) {
    it(`${line} → ${expected}`, async () => {
      const said = await bot.say(line);
      expect(said.ok).toBe(false);
      expect(said.text).toContain(expected);
      expect(said.text).toContain("示例：");
      expect(said.record).toBeNull();
      expect((await bot.yearTotals()).reports).toBe(0);
    });
  }

  it("refuses lines over 1,000 characters", async () => {
    const said = await bot.say(`走出去 ${"很".repeat(1000)}`);
    expect(said.ok).toBe(false);
    expect(said.text).toContain("1000 字");
    expect((await bot.yearTotals()).reports).toBe(0);
  });

  it("tells an unbound sender how to bind", async () => {
    const said = await bot.say("签约 甲项目 1亿", { from: "stranger" });
    expect(said.ok).toBe(false);
    expect(said.text).toContain("加入 城西镇");
    expect(said.text).toContain("绑定 stranger 城西镇");
  });

  it("points to 帮助 when it does not understand", async () => {
    const said = await bot.say("今天天气不错");
    expect(said.ok).toBe(false);
    expect(said.text).toContain("帮助");
  });

  it("answers a bare mention", async () => {
    const said = await bot.say("@招商助手");
    expect(said.text).toContain("帮助");
  });
});
