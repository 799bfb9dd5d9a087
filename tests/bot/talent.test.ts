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

  it("reads voice-style numerals and says which level counts as 高层次", async () => {
    const said = await bot.say("引才两名硕士电子信息某芯片公司");
    expect(said.record).toMatchObject({ headcount: 2, level: "硕士", highLevel: false, employer: "某芯片公司" });
    expect(said.text).toContain("层次：硕士\n");
    expect(await bot.yearTotals()).toMatchObject({ talentPeople: 2, talentHighPeople: 0 });
  });

  it("refuses a line without a count or a level, with the list and a correct example", async () => {
    const noCount = await bot.say("引才 博士 新材料 城西镇某企业");
    expect(noCount.ok).toBe(false);
    expect(noCount.text).toContain("没有看到人数");
    expect(noCount.text).toContain("引才 3人 博士 新材料 城西镇某企业");
    const unknown = await bot.say("引才 2人 院士 某企业");
    expect(unknown.text).toContain("高层次、急需紧缺、博士、硕士、本科、技能");
    expect(unknown.record ?? null).toBeNull();
    expect((await bot.yearTotals()).talentPeople).toBe(0);
  });

  it("asks about a loose level word and stores it once on 「是」", async () => {
    const asked = await bot.say("引才 研究生3名 某企业");
    expect(asked.text).toContain("我理解为：引才 · 3人 · 硕士 · 某企业");
    expect((await bot.yearTotals()).talentPeople).toBe(0);
    const yes = await bot.say("是");
    expect(yes.record).toMatchObject({ kind: "talentRecruit", headcount: 3, level: "硕士" });
    expect((await bot.say("是")).record ?? null).toBeNull();
    expect((await bot.yearTotals()).talentPeople).toBe(3);
  });

  it("asks about a talent line without its keyword", async () => {
    const asked = await bot.say("引进博士3名 新材料 城西镇某企业");
    expect(asked.text).toContain("我理解为：引才 · 3人 · 博士 · 城西镇某企业 · 新材料");
    expect((await bot.yearTotals()).talentRecruit).toBe(0);
    expect((await bot.say("是")).record).toMatchObject({ headcount: 3, level: "博士" });
  });

  it("stores a re-delivered message once", async () => {
    await bot.say("引才 3人 博士 新材料 城西镇某企业", { id: "same" });
    const again = await bot.say("引才 3人 博士 新材料 城西镇某企业", { id: "same" });
    expect(again.replies).toEqual([]);
    expect(await bot.yearTotals()).toMatchObject({ talentRecruit: 1, talentPeople: 3 });
  });

  it("takes levels from the configuration", async () => {
    await bot.close();
    bot = await createSeededBot("2026-03-10T10:00:00+08:00", {
      talentLevels: { levels: ["领军人才", "博士"], high: new Set(["领军人才"]) },
    });
    expect((await bot.say("引才 1人 领军人才 某企业")).record).toMatchObject({ level: "领军人才", highLevel: true });
    expect((await bot.say("引才 1人 博士")).record).toMatchObject({ level: "博士", highLevel: false });
    expect((await bot.say("引才 1人 硕士")).text).toContain("领军人才、博士");
    expect(await bot.yearTotals()).toMatchObject({ talentPeople: 2, talentHighPeople: 1 });
  });
});

describe("撤销 and 更正", () => {
  it("undoes a 引才 and takes its people out of the totals", async () => {
    await bot.say("引才 3人 博士 新材料 城西镇某企业");
    const undone = await bot.say("撤销");
    expect(undone.text).toContain("已撤销 #1 引才");
    expect(await bot.yearTotals()).toMatchObject({ talentRecruit: 0, talentPeople: 0, talentHighPeople: 0 });
  });

  it("corrects count, level, employer and date, moving the totals once", async () => {
    await bot.say("引才 3人 博士 新材料 城西镇某企业");
    const count = await bot.say("更正 #1 人数 5人");
    expect(count.text).toContain("已更正 #1 的人数：3人 → 5人");
    expect(await bot.yearTotals()).toMatchObject({ talentPeople: 5, talentHighPeople: 5 });
    const level = await bot.say("更正 #2 层次 硕士");
    expect(level.text).toContain("博士 → 硕士");
    expect(await bot.yearTotals()).toMatchObject({ talentPeople: 5, talentHighPeople: 0 });
    const employer = await bot.say("更正 #3 用人单位 城西镇另一企业");
    expect(employer.record).toMatchObject({ employer: "城西镇另一企业", headcount: 5, level: "硕士" });
    const date = await bot.say("更正 #4 日期 3月8日");
    expect(date.record).toMatchObject({ date: "2026-03-08", headcount: 5 });
    expect(await bot.yearTotals()).toMatchObject({ talentRecruit: 1, talentPeople: 5 });
    expect((await bot.say("更正 #5 人数 五名")).text).toContain("无需更正");
    expect((await bot.say("更正 #5 人数 六名")).record).toMatchObject({ headcount: 6 });
  });

  it("refuses a level that is not on the list and a count on a team", async () => {
    await bot.say("引才 3人 博士");
    expect((await bot.say("更正 #1 层次 院士")).text).toContain("高层次、急需紧缺");
    await bot.say("创新团队 省级 新型显示材料创新团队 落户 城西镇某企业");
    expect((await bot.say("更正 #2 人数 5人")).text).toContain("没有人数可更正");
    expect((await bot.say("更正 #2 级别 国家级")).record).toMatchObject({ level: "国家级" });
  });
});

describe("人才项目 and 创新团队", () => {
  it("counts a talent project once per name in the unit, apart from investment projects", async () => {
    const first = await bot.say("人才项目 环保产业研究院 签约");
    expect(first.text).toMatchInlineSnapshot(`
      "✅ 已登记 #1 人才项目 · 城西镇
      名称：环保产业研究院
      产业：节能环保
      日期：2026-03-10
      如有误请发「撤销 #1」

      📊 城西镇 2026年累计
      走出去 0次 · 请进来 0批
      签约 0个（亿元以上 0个）· 0元
      到位资金 0元
      人才项目 1个"
    `);
    const repeat = await bot.say("人才项目 环保产业研究院 揭牌");
    expect(repeat.ok).toBe(false);
    expect(repeat.text).toContain("人才项目「环保产业研究院」已于 2026-03-10 登记过（#1）");
    // Another unit may have one of the same name; investment projects never see it.
    expect((await bot.say("人才项目 环保产业研究院 签约", { from: "u3" })).ok).toBe(true);
    expect((await bot.say("到位 环保产业研究院 1000万")).text).toContain("还没有登记项目");
    expect(await bot.store.projects.namesOf((await bot.store.directory.unitByName("城西镇"))!.id)).toEqual([]);
    expect(await bot.yearTotals()).toMatchObject({ talentProject: 1 });
  });

  it("frees the name again when the record is undone", async () => {
    await bot.say("人才项目 环保产业研究院 签约");
    await bot.say("撤销");
    expect((await bot.say("人才项目 环保产业研究院 签约")).record).toMatchObject({ kind: "talentProject" });
    expect(await bot.yearTotals()).toMatchObject({ talentProject: 1 });
  });

  it("stores a team with its level and host, and refuses one without a level", async () => {
    const said = await bot.say("创新团队 省级 新型显示材料创新团队 落户 城西镇某企业");
    expect(said.text).toMatchInlineSnapshot(`
      "✅ 已登记 #1 创新团队 · 城西镇
      名称：新型显示材料创新团队
      级别：省级
      依托单位：城西镇某企业
      产业：电子信息
      日期：2026-03-10
      如有误请发「撤销 #1」

      📊 城西镇 2026年累计
      走出去 0次 · 请进来 0批
      签约 0个（亿元以上 0个）· 0元
      到位资金 0元
      创新团队 1个"
    `);
    expect(said.record).toMatchObject({ project: "新型显示材料创新团队", level: "省级", employer: "城西镇某企业" });
    const noLevel = await bot.say("创新团队 生物医药创新团队");
    expect(noLevel.text).toContain("国家级、省级、市级、县级");
    expect((await bot.say("创新团队 市级 新型显示材料创新团队")).text).toContain("已于 2026-03-10 登记过");
  });

  it("refuses renaming a team onto a name the unit already has", async () => {
    await bot.say("创新团队 省级 甲团队");
    await bot.say("创新团队 省级 乙团队");
    const clash = await bot.say("更正 #2 名称 甲团队");
    expect(clash.text).toContain("创新团队「甲团队」已于");
    expect((await bot.say("更正 #2 名称 丙团队")).record).toMatchObject({ project: "丙团队" });
    expect((await bot.say("创新团队 市级 乙团队")).ok).toBe(true);
    expect(await bot.yearTotals()).toMatchObject({ innovationTeam: 3 });
  });
});

describe("代报 and the import file", () => {
  it("lets an admin report talent on a unit's behalf", async () => {
    const said = await bot.say("代报 城西 引才 2人 博士 某企业", { from: "admin", name: "王局" });
    expect(said.record).toMatchObject({ kind: "talentRecruit", onBehalf: true, reporter: "admin", headcount: 2 });
    expect(await bot.yearTotals()).toMatchObject({ talentPeople: 2, talentHighPeople: 2 });
  });

  it("reads talent targets and the talent weight from the import file", async () => {
    const { parseImportFile } = await import("../../src/domain/import-file.ts");
    const parsed = parseImportFile(
      "units:\n  - name: 城东镇\n    targets: { talentPeople: 50, talentHighPeople: 5, talentProjects: 2, innovationTeams: 1 }\nranking:\n  weights: { 引才完成率: 10 }\n",
    );
    if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
    expect(parsed.plan.units[0]!.targets).toEqual({
      talentPeople: 50,
      talentHighPeople: 5,
      talentProjects: 2,
      innovationTeams: 1,
    });
    expect(parsed.plan.ranking?.weights).toMatchObject({ talentRate: 10, fundsRate: 30 });
  });
});
