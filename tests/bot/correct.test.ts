// Issue 10 更正: one field corrected atomically and audited; every total moves by the difference once.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { summarizeProject } from "../../src/domain/project.ts";
import { createSeededBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
beforeEach(async () => {
  bot = await createSeededBot();
});
afterEach(async () => bot.close());

async function unitId() {
  return (await bot.store.directory.unitByName("城西镇"))!.id;
}

describe("更正", () => {
  it("moves every total by the difference once, keeps the old record as superseded, and shows before → after", async () => {
    await bot.say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外");
    const fix = await bot.say("更正 #1 总投资 6亿", { id: "fix-1" });
    expect(fix.text.split("\n")[0]).toBe("✏️ 已更正 #1 的金额：5.20亿元 → 6.00亿元（原记录保留为已更正，新编号 #2）");
    expect(fix.text).toContain("✅ 已登记 #2 签约 · 城西镇");
    expect(fix.record).toMatchObject({ id: 2, corrects: 1, amountYuan: 600_000_000, project: "年产10万吨功能膜项目" });
    const expected = {
      signing: 1,
      signingYuan: 600_000_000,
      bigSigning: 1,
      bigSigningYuan: 600_000_000,
      signingProvOutYuan: 600_000_000,
      reports: 1,
    };
    const id = await unitId();
    expect(await bot.yearTotals()).toMatchObject(expected);
    expect(await bot.store.records.weekTotals(id, "2026-03-10")).toMatchObject(expected);
    expect(await bot.store.records.monthTotals(id, "2026-03-10")).toMatchObject(expected);
    expect(await bot.store.records.dayTotals(id, "2026-03-10")).toMatchObject(expected);
    expect(await bot.store.records.getRecord(1)).toMatchObject({
      revoked: true,
      supersededBy: 2,
      amountYuan: 520_000_000,
    });
    expect(await bot.store.records.getRecord(2)).toMatchObject({ revoked: false, corrects: 1 });
    const project = await bot.store.projects.getProject(fix.record!.projectId!);
    expect(project!.history.map((e) => e.recordId)).toEqual([2]);
    expect(summarizeProject(project!.history).investmentYuan).toBe(600_000_000);
    expect((await bot.store.records.weekEvents("2026-03-10", "signing", 10)).map((r) => r.id)).toEqual([2]);

    // A re-delivered 更正 changes nothing and is not answered again.
    expect((await bot.say("更正 #1 总投资 6亿", { id: "fix-1" })).replies).toHaveLength(0);
    expect(await bot.yearTotals()).toMatchObject(expected);
    // Correcting the old number corrects what counts now.
    expect((await bot.say("更正 #1 总投资 7亿")).text).toContain("6.00亿元 → 7.00亿元");
    expect((await bot.yearTotals()).signingYuan).toBe(700_000_000);
  });

  it("moves a record between weeks when its date is corrected", async () => {
    await bot.say("走出去 赴上海拜访华谊集团");
    const id = await unitId();
    const fix = await bot.say("更正 #1 日期 3月2日");
    expect(fix.text).toContain("2026-03-10 → 2026-03-02");
    expect((await bot.store.records.weekTotals(id, "2026-03-10")).visitOut).toBe(0);
    expect((await bot.store.records.weekTotals(id, "2026-03-02")).visitOut).toBe(1);
    expect((await bot.store.records.dayTotals(id, "2026-03-02")).visitOut).toBe(1);
    expect((await bot.yearTotals()).visitOut).toBe(1);
    expect((await bot.say("更正 #2 日期 3月20日")).text).toContain("还没到");
  });

  it("lets a member correct their own records only, an admin any", async () => {
    await bot.say("签约 甲项目 2亿", { from: "u1" });
    const refused = await bot.say("更正 #1 总投资 3亿", { from: "u2" });
    expect(refused.text).toContain("不是你登记的记录");
    expect((await bot.say("更正 #1 总投资 3亿", { from: "stranger" })).text).toContain("还没有绑定");
    expect((await bot.say("更正 #1 总投资 3亿", { from: "admin" })).record).toMatchObject({
      amountYuan: 300_000_000,
      reporter: "u1",
    });
    // The reporter's 撤销 undoes the current version.
    const undo = await bot.say("撤销", { from: "u1" });
    expect(undo.record).toMatchObject({ id: 2, revoked: true });
    expect(await bot.yearTotals()).toMatchObject({ signing: 0, signingYuan: 0, reports: 0 });
  });

  it("undoes the current version when 撤销 names the old number", async () => {
    await bot.say("签约 乙项目 2亿");
    await bot.say("更正 #1 总投资 3亿");
    expect((await bot.say("撤销 #1")).record).toMatchObject({ id: 2, revoked: true });
    expect(await bot.yearTotals()).toMatchObject({ signing: 0, signingYuan: 0 });
  });

  it("moves 到位 to another project, with that project's industry", async () => {
    await bot.say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外");
    await bot.say("签约 智能车厢制造项目 3亿 装备制造 市外");
    await bot.say("到位 功能膜项目 3000万");
    const fix = await bot.say("更正 #3 项目 智能车厢制造项目");
    expect(fix.record).toMatchObject({
      project: "智能车厢制造项目",
      industry: "高端装备",
      source: "市外",
      amountYuan: 30_000_000,
    });
    expect(await bot.yearTotals()).toMatchObject({
      fundsYuan: 30_000_000,
      fundsProvOutYuan: 0,
      fundsCityOutYuan: 30_000_000,
    });
    const [film, car] = await Promise.all([bot.store.projects.getProject("1"), bot.store.projects.getProject("2")]);
    expect(film!.history.map((e) => e.kind)).toEqual(["signing"]);
    expect(car!.history.map((e) => [e.kind, e.recordId])).toEqual([
      ["signing", 2],
      ["fundsArrived", 4],
    ]);
  });

  it("applies one of two simultaneous corrections of a record", async () => {
    await bot.say("签约 丙项目 2亿");
    const both = await Promise.all([bot.say("更正 #1 总投资 3亿"), bot.say("更正 #1 总投资 4亿")]);
    expect(both.filter((s) => s.record !== null)).toHaveLength(1);
    const total = (await bot.yearTotals()).signingYuan;
    expect([300_000_000, 400_000_000]).toContain(total);
    expect((await bot.yearTotals()).signing).toBe(1);
  });

  it("explains what it could not read, with an example", async () => {
    await bot.say("走出去 赴上海拜访华谊集团");
    expect((await bot.say("更正 #1")).text).toContain("示例：更正 #122 总投资 6亿");
    expect((await bot.say("更正 #1 总投资 6亿")).text).toContain("没有金额可更正");
    expect((await bot.say("更正 #9 日期 昨天")).text).toContain("没有编号为 #9 的记录");
  });
});
