// 招才引智 (issue 15) in what leaders read, on a real Redis: targets and /status, 总览, 周报, 通报,
// 明细 and the 台账, and the optional 引才完成率 in the 赛马 — talent lines only where there is talent data.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FileReply } from "../../src/bot/types.ts";
import { createSeededBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
beforeEach(async () => {
  bot = await createSeededBot("2026-03-10T10:00:00+08:00");
});
afterEach(async () => bot.close());

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
