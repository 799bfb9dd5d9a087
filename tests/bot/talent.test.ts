// 招才引智 (issue 15): 引才, 人才项目 and 创新团队 end to end on a real Redis: parsing, confirmation,
// totals, targets, undo and correction, once per name, exactly once per message.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FileReply } from "../../src/bot/types.ts";
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

describe("targets and /status", () => {
  it("sets talent targets as people write them and shows them in /status, only for units that have them", async () => {
    const set = await bot.say("目标 城西镇 引才50人 高层次人才5人 人才项目2个 创新团队1个", { from: "admin" });
    expect(set.text).toBe("「城西镇」年度目标：引才 50人 · 高层次人才 5人 · 人才项目 2个 · 创新团队 1个");
    await bot.say("引才 3人 博士 新材料 城西镇某企业");
    await bot.say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外", { from: "u3" });
    const status = await bot.say("/status");
    expect(status.text).toContain("本周（3.9–3.15）：走出去 0 · 请进来 0 · 签约 0个 · 到位 0元 · 引才 3人");
    expect(status.text).toContain("引才 3人/50人 完成6.0%");
    expect(status.text).toContain("高层次人才 3人/5人 完成60.0% ✅");
    expect(status.text).toContain("人才项目 0个/2个 完成0.0%");
    expect(status.text).toContain("创新团队 0个/1个 完成0.0%");
    const other = await bot.say("/status", { from: "u3" });
    expect(other.text).not.toMatch(/引才|人才|团队/);
    const confirmation = await bot.say("人才项目 环保产业研究院 签约");
    expect(confirmation.text).toContain("引才 3/50人（高层次 3/5人）· 人才项目 1/2个 · 创新团队 0/1个");
  });
});

describe("总览, 周报, 通报, 明细 and the export", () => {
  async function seedTalent() {
    await bot.say("目标 城西镇 引才50人 高层次人才5人 创新团队1个", { from: "admin" });
    await bot.say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外", { from: "u3" });
    await bot.say("引才 3人 博士 新材料 城西镇某企业");
    await bot.say("引才 两名硕士 电子信息 某芯片公司", { from: "u2" });
    await bot.say("创新团队 省级 新型显示材料创新团队 落户 城西镇某企业");
  }

  it("adds talent lines to 总览, 周报 and 通报 only once a unit has talent data", async () => {
    const before = await Promise.all(
      ["总览", "周报", "周报 详细", "通报 3月"].map((q) => bot.say(q, { from: "admin" })),
    );
    for (const said of before) expect(said.text).not.toMatch(/引才|人才|创新团队/);
    await seedTalent();
    const overview = await bot.say("总览", { from: "admin" });
    expect(overview.text).toContain("引才 5人/50人 完成10.0%");
    expect(overview.text).toContain("高层次人才 3人/5人 完成60.0%");
    expect(overview.text).toContain("创新团队 1个/1个 完成100.0%");
    expect(overview.text).not.toContain("人才项目");
    expect(overview.text).toContain("到位 0元 · 引才 5人 · 创新团队 1个");
    const head = await bot.say("周报", { from: "admin" });
    expect(head.text).toContain("**招才引智** 本周引才 5 人 · 全年 5 人 完成10.0% · 创新团队 1 个");
    const digest = await bot.say("周报 详细", { from: "admin" });
    expect(digest.text).toContain("**招才引智**：引才 5 人（高层次 3 人）· 人才项目 0 个 · 创新团队 1 个");
    expect(digest.text).toContain("引才 5人/50人");
    const bulletin = await bot.say("通报 3月", { from: "admin" });
    expect(bulletin.text).toContain("- **引才**：本期 5人 · 累计 5人 · 目标 50人 · 完成率 10.0%");
    expect(bulletin.text).toContain("- **创新团队**：本期 1个 · 累计 1个 · 目标 1个 · 完成率 100.0%");
    expect(bulletin.text).not.toContain("**人才项目**");
  });

  it("lists talent records in 明细 with readable fields and exports them", async () => {
    await seedTalent();
    const details = await bot.say("明细");
    expect(details.text).toContain("引才 3人 博士 城西镇某企业");
    expect(details.text).toContain("创新团队 新型显示材料创新团队 省级 城西镇某企业");
    const records = [];
    for await (const r of bot.store.records.allRecords()) records.push(r);
    const { toExportRow } = await import("../../src/domain/export-row.ts");
    expect(toExportRow(records.find((r) => r.kind === "talentRecruit")!, "城西镇")).toMatchObject({
      kind: "引才",
      headcount: 3,
      level: "博士",
      highLevel: true,
      employer: "城西镇某企业",
    });
    expect(toExportRow(records.find((r) => r.kind === "signing")!, "晋熙镇")).toMatchObject({
      headcount: null,
      level: null,
      employer: null,
    });
  });
});

describe("赛马 with an 引才完成率 weight", () => {
  it("leaves rankings as they were at weight 0, and counts the rate once an admin gives it a weight", async () => {
    await bot.say("目标 城西镇 签约6 到位资金5亿 引才10人", { from: "admin" });
    await bot.say("目标 晋熙镇 签约6 到位资金5亿 引才10人", { from: "admin" });
    await bot.say("签约 功能膜项目 1亿 新材料", { from: "u1" });
    await bot.say("签约 轴承项目 1亿 高端装备", { from: "u3" });
    const before = await bot.say("排名", { from: "admin" });
    await bot.say("引才 10人 博士 某企业", { from: "u3" });
    const atZero = await bot.say("排名", { from: "admin" });
    expect(atZero.text).toBe(before.text);
    expect(atZero.text).not.toContain("引才");
    const set = await bot.say("赛马设置 权重 引才完成率20", { from: "admin" });
    expect(set.text).toContain("· 引才完成率 = 引才/目标引才，权重 20");
    const weighted = await bot.say("排名", { from: "admin" });
    expect(weighted.text).toContain("1. 晋熙镇");
    expect(weighted.text).toContain("引才完成率×20");
    const status = await bot.say("/status", { from: "u3" });
    expect(status.text).toContain("· 引才完成率100.0%");
  });
});

describe("赛马设置 for the talent rate", () => {
  it("redefines 引才完成率 with talent words and shows it only while it has a weight", async () => {
    const defined = await bot.say("赛马设置 口径 引才完成率=高层次人才/目标高层次人才", { from: "admin" });
    expect(defined.text).not.toContain("引才完成率");
    const weighted = await bot.say("赛马设置 权重 引才完成率10", { from: "admin" });
    expect(weighted.text).toContain("· 引才完成率 = 高层次人才/目标高层次人才，权重 10");
    const off = await bot.say("赛马设置 权重 引才完成率0", { from: "admin" });
    expect(off.text).not.toContain("引才完成率");
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

describe("台账 workbook", () => {
  it("adds 引才 columns to 单位进度 only with talent data, and 人数/层次/用人单位 to 记录明细", async () => {
    const { openWorkbook } = await import("../xlsx/workbook-helpers.ts");
    const headers = async () => {
      const said = await bot.say("导出台账", { from: "admin" });
      const file = said.replies.find((r) => r.kind === "file") as FileReply;
      const wb = await openWorkbook(Buffer.from(file.contentBase64, "base64"));
      const row = (name: string, n: number) =>
        (wb.getWorksheet(name)!.getRow(n).values as unknown[]).slice(1).map((v) => String(v ?? ""));
      return { progress: row("单位进度", 3).join("|"), records: row("记录明细", 2), wb };
    };
    await bot.say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外");
    const before = await headers();
    expect(before.progress).not.toContain("引才");
    await bot.say("目标 城西镇 引才50人", { from: "admin" });
    await bot.say("引才 3人 博士 新材料 城西镇某企业");
    const after = await headers();
    expect(after.progress).toContain("引才\n年度目标");
    expect(after.progress).not.toContain("创新团队");
    expect(after.records.slice(-3)).toEqual(["人数", "层次/级别", "用人/依托单位"]);
    const talentRow = after.wb.getWorksheet("记录明细")!.getRow(4).values as unknown[];
    expect(talentRow.slice(-3)).toEqual([3, "博士", "城西镇某企业"]);
  });
});
