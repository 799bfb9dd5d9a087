import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createSeededBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
beforeEach(async () => {
  bot = await createSeededBot();
});
afterEach(async () => bot.close());

describe("撤销", () => {
  it("undoes the sender's last record, marks it revoked and reverses every total", async () => {
    await bot.say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外");
    await bot.say("到位 功能膜项目 3000万");
    const undo = await bot.say("撤销");
    expect(undo.ok).toBe(true);
    expect(undo.text).toContain("已撤销 #2 到位 年产10万吨功能膜项目 3000万元");
    expect(undo.record).toMatchObject({ id: 2, revoked: true });
    expect(await bot.yearTotals()).toMatchObject({
      fundsYuan: 0,
      fundsArrived: 0,
      fundsMfgYuan: 0,
      signing: 1,
      reports: 1,
    });
    const stored = await bot.store.records.getRecord(2);
    expect(stored).toMatchObject({ revoked: true, amountYuan: 30_000_000 });
    const project = await bot.store.projects.getProject(stored!.projectId!);
    expect(project!.history.map((e) => e.kind)).toEqual(["signing"]);
  });

  it("walks back through earlier records on repeated 撤销", async () => {
    await bot.say("走出去 赴上海 华谊集团");
    await bot.say("请进来 宁波某集团一行来我镇考察");
    await bot.say("撤销");
    const second = await bot.say("撤销");
    expect(second.text).toContain("#1 走出去");
    expect(await bot.yearTotals()).toMatchObject({ visitOut: 0, visitIn: 0, reports: 0 });
    expect((await bot.say("撤销")).text).toContain("没有可撤销的记录");
  });

  it("undoes a given record of one's own, not a colleague's; an admin may undo any", async () => {
    await bot.say("签约 甲项目 2亿", { from: "u1" });
    const refused = await bot.say("撤销 #1", { from: "u2" });
    expect(refused.ok).toBe(false);
    expect(refused.text).toContain("不是你登记的记录");
    expect((await bot.yearTotals()).signing).toBe(1);
    const byAdmin = await bot.say("撤销 #1", { from: "admin" });
    expect(byAdmin.ok).toBe(true);
    expect((await bot.yearTotals()).signing).toBe(0);
  });

  it("refuses twice, unknown numbers and nonsense, changing nothing", async () => {
    await bot.say("签约 甲项目 2亿");
    await bot.say("撤销 #1");
    const again = await bot.say("撤销 1");
    expect(again.ok).toBe(false);
    expect(again.text).toContain("已经撤销过了");
    expect((await bot.say("撤销 #99")).text).toContain("没有编号为 #99");
    expect((await bot.say("撤销 昨天那条")).text).toContain("示例：撤销 #128");
    expect(await bot.yearTotals()).toMatchObject({ signing: 0, signingYuan: 0, bigSigning: 0 });
  });

  it("lets a signing be registered again after it was undone", async () => {
    await bot.say("签约 甲项目 2亿");
    await bot.say("撤销");
    const again = await bot.say("签约 甲项目 2.5亿");
    expect(again.ok).toBe(true);
    expect((await bot.yearTotals()).signingYuan).toBe(250_000_000);
  });

  it("is safe to retry: the store reverses a record only once", async () => {
    await bot.say("签约 甲项目 2亿");
    const record = (await bot.store.records.getRecord(1))!;
    const results = await Promise.all([
      bot.store.records.revoke(record, "u1", new Date()),
      bot.store.records.revoke(record, "u1", new Date()),
    ]);
    expect(results.sort()).toEqual([false, true]);
    expect((await bot.yearTotals()).signing).toBe(0);
  });
});
