// Issue 10 "never store a guess": a reading the bot is unsure of is asked about, kept in Redis
// per sender and conversation, and stored once on 「是」.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { createDispatcher } from "../../src/bot/dispatcher.ts";
import { createStore } from "../../src/store/store.ts";
import { createSeededBot, silentLog, testRules, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
beforeEach(async () => {
  bot = await createSeededBot();
});
afterEach(async () => bot.close());

const UNSURE = "签约 年产5万吨再生铜项目 6亿 3亿 新材料 省外";

async function records() {
  const unit = (await bot.store.directory.unitByName("城西镇"))!;
  return bot.redis.llen(bot.store.keys.unitRecords(unit.id));
}

describe("a reading the bot is unsure of", () => {
  it("stores nothing, asks with its best reading, and stores it on 「是」", async () => {
    const asked = await bot.say(UNSURE);
    expect(asked).toMatchObject({ ok: false, record: null });
    expect(asked.text).toBe(
      "我理解为：签约 · 年产5万吨再生铜项目 · 总投资6.00亿元 · 新材料 · 省外 · 3月10日\n有两个金额，不确定哪个是总投资\n回复「是」登记，或直接发送更正后的内容。（10分钟内有效）",
    );
    expect(await records()).toBe(0);
    const yes = await bot.say("是");
    expect(yes.ok).toBe(true);
    expect(yes.record).toMatchObject({
      kind: "signing",
      project: "年产5万吨再生铜项目",
      amountYuan: 600_000_000,
      text: UNSURE,
      messageId: "m1",
    });
    expect(yes.text).toContain("✅ 已登记 #1 签约 · 城西镇");
    expect(await bot.yearTotals()).toMatchObject({ signing: 1, signingYuan: 600_000_000 });
    // A second 「是」 finds nothing waiting.
    const again = await bot.say("是");
    expect(again.record).toBeNull();
    expect(again.text).toContain("现在没有等待你确认的内容");
    expect(await records()).toBe(1);
  });

  it("accepts 确认 / 对 / 好的 / ＯＫ！ as yes", async () => {
    for (const [i, yes] of ["确认", "对", "好的。", "ＯＫ！", "ok"].entries()) {
      await bot.say(`签约 再生铜${i}号项目 6亿 3亿`);
      expect((await bot.say(yes)).record?.project, yes).toBe(`再生铜${i}号项目`);
    }
    expect((await bot.yearTotals()).signing).toBe(5);
  });

  it("is cancelled by any other line from its sender, which is handled as a new line", async () => {
    await bot.say(UNSURE);
    const corrected = await bot.say("签约 年产5万吨再生铜项目 总投资3亿 新材料 省外");
    expect(corrected.record).toMatchObject({ amountYuan: 300_000_000 });
    expect((await bot.say("是")).record).toBeNull();
    await bot.say("签约 年产8万吨再生铝项目 6亿 3亿");
    const other = await bot.say("不对");
    expect(other.text).toContain("已取消");
    expect((await bot.say("是")).record).toBeNull();
    expect(await bot.yearTotals()).toMatchObject({ signing: 1, signingYuan: 300_000_000 });
  });

  it("belongs to its sender and conversation", async () => {
    await bot.say(UNSURE, { from: "u1" });
    expect((await bot.say("是", { from: "u2" })).record).toBeNull();
    const elsewhere = await bot.dispatch(
      {
        id: "dm-1",
        conversation: { channel: "console", id: "direct-u1", kind: "direct" },
        sender: { id: "u1" },
        text: "是",
        sentAt: new Date(),
      },
      async () => {},
    );
    expect(elsewhere.record).toBeNull();
    expect((await bot.say("是", { from: "u1" })).record).not.toBeNull();
  });

  it("expires after PENDING_READING_MINUTES", async () => {
    await bot.say(UNSURE);
    bot.setNow("2026-03-10T10:10:01+08:00");
    const late = await bot.say("是");
    expect(late.record).toBeNull();
    expect(late.text).toContain("已过期");
    expect(await records()).toBe(0);
  });

  it("stores one record for a re-delivered 「是」 and for two 「是」 at once", async () => {
    await bot.say(UNSURE);
    expect((await bot.say("是", { id: "yes-1" })).record).not.toBeNull();
    expect((await bot.say("是", { id: "yes-1" })).replies).toHaveLength(0);
    await bot.say("签约 另一个再生铜项目 6亿 3亿");
    const both = await Promise.all([bot.say("是", { id: "yes-2" }), bot.say("好", { id: "yes-3" })]);
    expect(both.filter((s) => s.record !== null)).toHaveLength(1);
    expect(await records()).toBe(2);
  });

  it("is confirmed through a second replica, and after a restart", async () => {
    await bot.say(UNSURE);
    const replica = createDispatcher({
      store: createStore(bot.connect(), { org: bot.org, defaults: { selfJoin: true } }),
      commands,
      rules: testRules(),
      log: silentLog,
      now: () => new Date("2026-03-10T10:05:00+08:00"),
    });
    const result = await replica(
      {
        id: "r-1",
        conversation: { channel: "console", id: "group-1", kind: "group" },
        sender: { id: "u1" },
        text: "是",
        sentAt: new Date(),
      },
      async () => {},
    );
    expect(result.record).toMatchObject({ project: "年产5万吨再生铜项目" });
    await bot.say("签约 重启前的再生铜项目 6亿 3亿");
    await bot.close();
    bot = await reopen(bot.org);
    expect((await bot.say("是", { id: "after-restart" })).record).toMatchObject({ project: "重启前的再生铜项目" });
  });

  it("is checked again when confirmed: a project signed meanwhile is not signed twice", async () => {
    await bot.say(UNSURE, { from: "u1" });
    await bot.say("签约 年产5万吨再生铜项目 6亿 新材料 省外", { from: "u2" });
    const yes = await bot.say("是", { from: "u1" });
    expect(yes.record).toBeNull();
    expect(yes.text).toContain("未重复登记");
    expect((await bot.yearTotals()).signing).toBe(1);
  });

  it("asks about a line with no command word that plainly reports a visit, never a bare 没看懂", async () => {
    const asked = await bot.say("今天去苏州见了两家企业");
    expect(asked.text).toContain("我理解为：走出去 · 赴苏州");
    expect(asked.record).toBeNull();
    expect((await bot.say("是")).record).toMatchObject({ kind: "visitOut", place: "苏州" });
  });

  it("stores a line whose keyword follows only filler or brackets straight away when its parse is clear", async () => {
    expect((await bot.say("【签约】年产3万吨饲料项目 1亿 绿色食品 省外")).record).toMatchObject({
      kind: "signing",
      project: "年产3万吨饲料项目",
    });
    expect((await bot.say("嗯 签约 年产5万吨光学膜项目 2亿 新材料 省外")).record).toMatchObject({ kind: "signing" });
  });

  it("asks about a keyword inside the line, then stores it on 「是」", async () => {
    await bot.say("签约 年产5万吨光学膜项目 2亿 新材料 省外");
    const asked = await bot.say("光学膜项目到位资金2000万元");
    expect(asked.record).toBeNull();
    expect(asked.text).toContain("我理解为：到位");
    expect((await bot.say("是")).record).toMatchObject({ kind: "fundsArrived", amountYuan: 20_000_000 });
  });
});

async function reopen(org: string): Promise<TestBot> {
  const { createTestBot } = await import("../helpers/test-bot.ts");
  return createTestBot({ org });
}
