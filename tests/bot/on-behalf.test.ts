import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSeededBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
beforeEach(async () => {
  bot = await createSeededBot("2026-03-10T10:00:00+08:00");
});
afterEach(async () => bot.close());

describe("代报 and 明细 flags", () => {
  it("lets an admin report for a unit, recorded with both names, shown in the confirmation and 明细", async () => {
    const said = await bot.say("代报 城西 签约 年产10万吨功能膜项目 5.2亿元 新材料 省外", {
      from: "admin",
      name: "王局",
    });
    expect(said.ok).toBe(true);
    expect(said.text.split("\n")[0]).toBe("🖊 王局 代「城西镇」上报");
    expect(said.text).toContain("签约 · 城西镇");
    expect(said.record!.reporter).toBe("admin");
    expect(said.record!.onBehalf).toBe(true);
    const stored = await bot.store.records.getRecord(said.record!.id);
    expect(stored!.onBehalf).toBe(true);
    expect((await bot.yearTotals("城西镇")).signing).toBe(1);
    const details = await bot.say("明细 城西镇", { from: "u1" });
    expect(details.text).toContain("签约 年产10万吨功能膜项目 5.20亿元 王局（管理员代报）");
  });

  it("is for admins only and wants a report line", async () => {
    const refused = await bot.say("代报 晋熙镇 走出去 赴上海 华谊集团", { from: "u1" });
    expect(refused.ok).toBe(false);
    expect(refused.text).toContain("只有管理员");
    const notReport = await bot.say("代报 晋熙镇 排名", { from: "admin" });
    expect(notReport.ok).toBe(false);
    expect(notReport.text).toContain("以上报词开头");
    expect((await bot.yearTotals("晋熙镇")).reports).toBe(0);
  });

  it("shows undone records in 明细 as such, not counted", async () => {
    await bot.say("走出去 赴上海拜访华谊集团", { from: "u1" });
    const second = await bot.say("走出去 赴杭州拜访万向集团", { from: "u1" });
    await bot.say(`撤销 #${second.record!.id}`, { from: "u1" });
    const details = (await bot.say("明细 本周", { from: "u1" })).text;
    expect(details.split("\n")[0]).toBe(
      "📋 城西镇 · 第11周（3.9–3.15）明细（共 1 条，另列出已撤销/已更正 1 条，新的在前）",
    );
    expect(details).toMatch(new RegExp(`#${second.record!.id} .*〔已撤销，不计入〕`));
  });
});

describe("二期/三期 are separate projects", () => {
  it("signs a second phase beside the first and books funds to the phase named", async () => {
    await bot.say("签约 智慧物流产业园项目 3亿 商贸物流 省外", { from: "u1" });
    const second = await bot.say("签约 智慧物流产业园项目二期 2亿 商贸物流 省外", { from: "u1" });
    expect(second.ok).toBe(true);
    expect(second.record!.projectId).not.toBeNull();
    const third = await bot.say("签约 智慧物流产业园三期项目 1亿 商贸物流 省外", { from: "u2" });
    expect(third.ok).toBe(true);
    expect((await bot.yearTotals("城西镇")).signing).toBe(3);
    const funds = await bot.say("到位 智慧物流产业园二期 5000万", { from: "u1" });
    expect(funds.record!.projectId).toBe(second.record!.projectId);
    const first = await bot.say("到位 智慧物流产业园项目 1000万", { from: "u1" });
    expect(first.record!.projectId).not.toBe(second.record!.projectId);
    const again = await bot.say("签约 智慧物流产业园项目二期 2亿 商贸物流 省外", { from: "u2" });
    expect(again.ok).toBe(false);
  });
});
