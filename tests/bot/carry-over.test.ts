// Issue 15 续建: a project signed in an earlier year is registered without counting as a signing
// this year; its later 到位 and milestones count normally.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { summarizeProject } from "../../src/domain/project.ts";
import { createSeededBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
beforeEach(async () => {
  bot = await createSeededBot("2026-03-10T10:00:00+08:00");
});
afterEach(async () => bot.close());

const LINE = "续建 年产10万吨功能膜项目 总投资5.2亿元 签约于2025-05-12 新材料 省外";

describe("续建", () => {
  it("registers the project with its signing date, and counts no signing this year", async () => {
    const said = await bot.say(LINE);
    expect(said.ok).toBe(true);
    expect(said.text).toContain("✅ 已登记 #1 续建 · 城西镇");
    expect(said.text).toContain("签约日期：2025-05-12（续建，不计入今年签约）");
    expect(said.text).toContain("登记日期：2026-03-10");
    expect(said.text).toContain("续建项目 1个（总投资 5.20亿元，不计入今年签约）");
    expect(said.record).toMatchObject({ kind: "carryOver", signedOn: "2025-05-12", date: "2026-03-10" });
    expect(await bot.store.records.getRecord(1)).toMatchObject({
      signedOn: "2025-05-12",
      amountYuan: 520_000_000,
      industry: "新材料",
      source: "省外",
    });
    const totals = await bot.yearTotals();
    expect(totals).toMatchObject({
      signing: 0,
      signingYuan: 0,
      bigSigning: 0,
      carryOver: 1,
      carryOverYuan: 520_000_000,
    });
    expect(await bot.store.records.weekEvents("2026-03-10", "signing", 10)).toEqual([]);
    const project = await bot.store.projects.getProject(said.record!.projectId!);
    const summary = summarizeProject(project!.history);
    expect(summary).toMatchObject({ stage: "signing", carriedOver: true, investmentYuan: 520_000_000 });
    expect(summary.stageDates.signing).toBe("2025-05-12");
  });

  it("lets later 到位 and 开工 attach and count this year, with the project's industry and source", async () => {
    await bot.say(LINE);
    // A later 在谈 with other wording does not change the project's industry: the 续建 defines it, as a 签约 would.
    expect((await bot.say("在谈 年产10万吨功能膜项目 计划投资6亿 电子信息 市外")).ok).toBe(true);
    const funds = await bot.say("到位 功能膜项目 3000万");
    expect(funds.ok).toBe(true);
    expect(funds.record).toMatchObject({ industry: "新材料", source: "省外", manufacturing: true });
    const started = await bot.say("开工 年产10万吨功能膜项目 昨天");
    expect(started.ok).toBe(true);
    expect(await bot.yearTotals()).toMatchObject({
      signing: 0,
      carryOver: 1,
      fundsYuan: 30_000_000,
      fundsProvOutYuan: 30_000_000,
      started: 1,
    });
    const project = (await bot.say("项目 功能膜")).text;
    expect(project).toContain("阶段：开工");
    expect(project).toContain("2025-05-12 签约（续建登记） 5.20亿元 #1");
  });

  it("refuses a second 续建 of the unit's project, and a 签约 of a 续建 project, saying when it was signed", async () => {
    await bot.say(LINE);
    const again = await bot.say("续建 功能膜项目 5亿 2025年6月签约", { from: "u2" });
    expect(again.ok).toBe(false);
    expect(again.text).toContain("城西镇已有项目「年产10万吨功能膜项目」（#1 续建），续建未登记");
    const signing = await bot.say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外", { from: "u2" });
    expect(signing.ok).toBe(false);
    expect(signing.text).toContain(
      "项目「年产10万吨功能膜项目」是续建项目，已于 2025-05-12 签约（#1 续建登记），不再登记今年的签约",
    );
    // A project the unit has from this year's 签约 or 在谈 is not a 续建 either.
    await bot.say("签约 智能装备产业园项目 3亿元 高端装备");
    const signedThisYear = await bot.say("续建 智能装备产业园项目 3亿元 2025年5月签约");
    expect(signedThisYear.text).toContain("城西镇已有项目「智能装备产业园项目」（#2 签约），续建未登记");
    expect(await bot.yearTotals()).toMatchObject({ signing: 1, carryOver: 1, reports: 2 });
  });

  it("refuses the repeat inside the atomic write when the early check could not see it", async () => {
    await bot.say(LINE);
    const unit = (await bot.store.directory.unitByName("城西镇"))!;
    const [project] = await bot.store.projects.namesOf(unit.id);
    const record = {
      unitId: unit.id,
      kind: "signing" as const,
      date: "2026-03-10",
      project: project!.name,
      amountYuan: 520_000_000,
      amountUsd: null,
      industry: "新材料",
      manufacturing: true,
      source: "省外" as const,
      place: null,
      counterpart: null,
      text: "签约 …",
      reporter: "u2",
      reporterName: null,
      channel: "console" as const,
      messageId: "race-1",
      createdAt: "2026-03-10T02:00:00.000Z",
    };
    const signing = await bot.store.records.ingest(
      "k-sign",
      record,
      { mode: "id", id: project!.id },
      { oncePerProject: true },
    );
    expect(signing).toMatchObject({
      status: "repeat",
      earlierId: 1,
      earlierDate: "2025-05-12",
      earlierKind: "carryOver",
    });
    const carry = { ...record, kind: "carryOver" as const, signedOn: "2025-01-05", messageId: "race-2" };
    const again = await bot.store.records.ingest(
      "k-carry",
      carry,
      { mode: "new", name: project!.name },
      { oncePerProject: true },
    );
    expect(again).toMatchObject({ status: "repeat", earlierId: 1, earlierKind: "carryOver" });
    expect(await bot.yearTotals()).toMatchObject({ signing: 0, carryOver: 1, reports: 1 });
  });

  it("is stored once per message, undone by 撤销, and may then be registered again", async () => {
    await bot.say(LINE, { id: "wx-1" });
    const redelivered = await bot.say(LINE, { id: "wx-1" });
    expect(redelivered.replies).toHaveLength(0);
    expect(await bot.yearTotals()).toMatchObject({ carryOver: 1, reports: 1 });
    const undo = await bot.say("撤销");
    expect(undo.ok).toBe(true);
    expect(undo.text).toContain("#1");
    expect(await bot.yearTotals()).toMatchObject({ carryOver: 0, carryOverYuan: 0, reports: 0 });
    const again = await bot.say(LINE);
    expect(again.ok).toBe(true);
    expect(await bot.yearTotals()).toMatchObject({ carryOver: 1, reports: 1 });
  });

  it("corrects its signing date (kept in an earlier year), investment and name", async () => {
    await bot.say(LINE);
    const date = await bot.say("更正 #1 签约日期 2025-06-18");
    expect(date.ok).toBe(true);
    expect(date.text).toContain("2025-05-12 → 2025-06-18");
    expect(date.record).toMatchObject({ kind: "carryOver", signedOn: "2025-06-18", date: "2026-03-10" });
    const thisYear = await bot.say("更正 #2 日期 2026-01-05");
    expect(thisYear.ok).toBe(false);
    expect(thisYear.text).toContain("续建项目的签约日期应在往年");
    const money = await bot.say("更正 #2 总投资 6亿");
    expect(money.text).toContain("5.20亿元 → 6.00亿元");
    expect(await bot.yearTotals()).toMatchObject({ carryOver: 1, carryOverYuan: 600_000_000, signing: 0 });
    await bot.say("签约 智能装备产业园项目 3亿元 高端装备");
    const onto = await bot.say("更正 #3 项目 智能装备产业园项目");
    expect(onto.ok).toBe(false);
    expect(onto.text).toContain("续建未登记");
    const project = await bot.store.projects.getProject(money.record!.projectId!);
    expect(summarizeProject(project!.history).stageDates.signing).toBe("2025-06-18");
    const month = await bot.say("更正 #3 签约日期 去年7月");
    expect(month.text).toContain("2025-06-18 → 2025年7月");
    expect(month.record).toMatchObject({ signedOn: "2025-07" });
    // Any other record's date names a day.
    await bot.say("走出去 赴上海拜访华谊集团");
    const visit = await bot.say("更正 #6 日期 2025年7月");
    expect(visit.ok).toBe(false);
    expect(visit.text).toContain("日期请写到哪一天");
  });

  it("reads the signing date in the forms people write", async () => {
    const cases: Array<[string, string]> = [
      ["续建 甲项目 1亿元 签约于2025-05-12", "2025-05-12"],
      ["续建 乙项目 1亿元 2025年5月签约", "2025-05"],
      ["续建 丙项目 1亿元 签约时间2025.5.12", "2025-05-12"],
      ["续建 丁项目 1亿元 去年5月签约", "2025-05"],
      ["续建 戊项目 签约日期：2024年11月3日 总投资2亿", "2024-11-03"],
    ];
    for (const [line, signedOn] of cases) {
      const said = await bot.say(line);
      expect(said.record?.signedOn, line).toBe(signedOn);
    }
    expect((await bot.say("项目")).text).toContain("乙项目：续建（2025年签约）");
  });

  it("refuses a signing date in this year, and a line without one, with a correct example", async () => {
    const thisYear = await bot.say("续建 年产10万吨功能膜项目 5.2亿元 签约于2026-01-08");
    expect(thisYear.ok).toBe(false);
    expect(thisYear.text).toContain("签约日期在2026年，不是往年签约的项目。今年签约的项目请发「签约」登记");
    const none = await bot.say("续建 年产10万吨功能膜项目 5.2亿元 新材料");
    expect(none.ok).toBe(false);
    expect(none.text).toContain("没有看到签约日期");
    expect(none.text).toContain("续建 年产5万吨再生铜项目 总投资2.6亿元 签约于2025-05-12 新材料 省外");
    expect((await bot.yearTotals()).reports).toBe(0);
  });

  it("asks about a bare earlier-year date, and stores it as the signing date on 「是」", async () => {
    const asked = await bot.say("续建 年产10万吨功能膜项目 5.2亿元 2025-05-12 新材料 省外");
    expect(asked.ok).toBe(false);
    expect(asked.text).toContain(
      "我理解为：续建 · 年产10万吨功能膜项目 · 总投资5.20亿元 · 新材料 · 省外 · 签约于2025-05-12 · 3月10日",
    );
    expect(asked.text).toContain("没有写「签约于」，把 2025-05-12 当作签约日期");
    const yes = await bot.say("是");
    expect(yes.record).toMatchObject({ kind: "carryOver", signedOn: "2025-05-12", date: "2026-03-10" });
    expect(await bot.yearTotals()).toMatchObject({ carryOver: 1, signing: 0 });
  });

  it("may be entered by an admin for a unit (代报)", async () => {
    const said = await bot.say(`代报 城西镇 ${LINE}`, { from: "admin", name: "王局" });
    expect(said.ok).toBe(true);
    expect(said.text).toContain("续建 · 城西镇");
    expect(said.record).toMatchObject({ onBehalf: true, reporter: "admin", kind: "carryOver" });
    expect(await bot.yearTotals("城西镇")).toMatchObject({ carryOver: 1, signing: 0 });
  });

  it("keeps carried-over projects out of the rates' denominators unless 赛马设置 续建 计入 says so", async () => {
    await bot.say("签约 智能装备产业园项目 3亿元 高端装备");
    await bot.say(LINE);
    await bot.say("续建 年产5万吨再生铜项目 2亿元 去年10月签约");
    await bot.say("开工 智能装备产业园项目");
    await bot.say("开工 功能膜项目");
    // Default: this year's signings only (1); both starts count in the numerator.
    const before = await bot.say("/status");
    expect(before.text).toContain("开工率200.0%");
    expect(before.text).toContain("续建项目 2个（总投资 7.20亿元，不计入今年签约）");
    expect((await bot.say("赛马设置", { from: "admin" })).text).toContain("续建项目不计入分母");

    const set = await bot.say("赛马设置 续建 计入", { from: "admin" });
    expect(set.text).toContain("续建项目计入分母");
    expect((await bot.store.metrics.rankingRules()).carryOverInRates).toBe(true);
    expect((await bot.say("/status")).text).toContain("开工率66.7%");

    const wrong = await bot.say("赛马设置 续建 也算", { from: "admin" });
    expect(wrong.ok).toBe(false);
    expect(wrong.text).toContain("赛马设置 续建 计入");
    await bot.say("赛马设置 续建 不计入", { from: "admin" });
    expect((await bot.say("/status")).text).toContain("开工率200.0%");
  });

  it("shows in 总览 and /status only when there are any, and stays out of the week's signings", async () => {
    expect((await bot.say("总览", { from: "admin" })).text).not.toContain("续建");
    expect((await bot.say("/status")).text).not.toContain("续建");
    await bot.say(LINE);
    await bot.say("签约 智能装备产业园项目 3亿元 高端装备");
    const overview = (await bot.say("总览", { from: "admin" })).text;
    expect(overview).toContain("项目：在谈 0 · 签约 1 ·");
    expect(overview).toContain("续建项目 1个（总投资 5.20亿元，不计入今年签约）");
    const digest = (await bot.say("周报", { from: "admin" })).text;
    expect(digest).toContain("签约 1 个");
    expect(digest).toContain("智能装备产业园项目");
    expect(digest).not.toContain("功能膜");
    const bulletin = (await bot.say("通报", { from: "admin" })).text;
    expect(bulletin).toContain("**签约项目**：本期 1个 · 累计 1个");
    expect(bulletin).toContain("**签约金额**：本期 3.00亿元 · 累计 3.00亿元");
  });

  it("is recognised behind filler or brackets and inside a line, never read as a 签约 of this year", async () => {
    const bracketed = await bot.say("【续建】年产10万吨功能膜项目 总投资5.2亿元 签约于2025-05-12 新材料");
    expect(bracketed.record).toMatchObject({ kind: "carryOver", signedOn: "2025-05-12" });
    const filler = await bot.say("嗯 续建 光伏项目 总投资5.2亿元 2025年5月签约");
    expect(filler.record).toMatchObject({ kind: "carryOver", signedOn: "2025-05" });
    const inside = await bot.say("再生铜项目续建 2亿 去年5月签约");
    expect(inside.ok).toBe(false);
    expect(inside.text).toContain("我理解为：续建 · 再生铜项目 · 总投资2.00亿元 · 新材料 · 签约于2025年5月");
    expect((await bot.say("是")).record).toMatchObject({ kind: "carryOver", project: "再生铜项目" });
    expect(await bot.yearTotals()).toMatchObject({ carryOver: 3, signing: 0 });
  });

  it("points a later step of a carried-over project to its own keyword", async () => {
    await bot.say(LINE);
    const funds = await bot.say("续建项目 功能膜 到位 3000万");
    expect(funds.ok).toBe(false);
    expect(funds.text).toContain("续建项目的到位请以「到位」开头发送（如 到位 年产10万吨功能膜项目 3000万）");
    // Inside a line, the step wins over the word 续建.
    const inline = await bot.say("功能膜续建项目到位资金3000万");
    expect(inline.text).toContain("我理解为：到位 · 功能膜 · 3000万元");
    expect((await bot.say("是")).record).toMatchObject({ kind: "fundsArrived", project: "年产10万吨功能膜项目" });
    expect(await bot.yearTotals()).toMatchObject({ carryOver: 1, fundsYuan: 30_000_000 });
  });
});
