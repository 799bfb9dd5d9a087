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
});
