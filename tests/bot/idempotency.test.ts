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

describe("exactly once", () => {
  it("stores a re-delivered message once and answers it once", async () => {
    const first = await bot.say("签约 甲项目 2亿", { id: "wx-1" });
    const again = await bot.say("签约 甲项目 2亿", { id: "wx-1" });
    expect(first.replies).toHaveLength(1);
    expect(again.replies).toHaveLength(0);
    expect(again.duplicate).toBe(true);
    expect(await bot.yearTotals()).toMatchObject({ signing: 1, signingYuan: 200_000_000, reports: 1 });
    expect((await bot.store.records.recentOf("u1")).length).toBe(1);
  });

  it("treats the same id on another platform as another message", async () => {
    await bot.say("走出去 赴上海 华谊集团", { id: "1", channel: "wecom" });
    await bot.say("走出去 赴上海 华谊集团", { id: "1", channel: "dingtalk" });
    expect((await bot.yearTotals()).visitOut).toBe(2);
  });

  it("answers a re-delivered line it did not understand, or refused as too long, once", async () => {
    expect((await bot.say("今天天气不错", { id: "x-1" })).replies).toHaveLength(1);
    expect((await bot.say("今天天气不错", { id: "x-1" })).replies).toHaveLength(0);
    const long = `走出去 ${"很".repeat(1000)}`;
    expect((await bot.say(long, { id: "x-2" })).replies).toHaveLength(1);
    expect((await bot.say(long, { id: "x-2" })).replies).toHaveLength(0);
  });

  it("answers a re-delivered query once", async () => {
    expect((await bot.say("帮助", { id: "q-1" })).replies).toHaveLength(1);
    expect((await bot.say("帮助", { id: "q-1" })).replies).toHaveLength(0);
  });

  it("stores one record when two processes get the same message at the same moment", async () => {
    const dispatchers = [bot.connect(), bot.connect()].map((redis) =>
      createDispatcher({
        store: createStore(redis, { org: bot.org, defaults: { selfJoin: true } }),
        commands,
        rules: testRules(),
        log: silentLog,
        now: () => new Date("2026-03-10T10:00:00+08:00"),
      }),
    );
    for (let round = 0; round < 20; round++) {
      const message = {
        id: `race-${round}`,
        conversation: { channel: "wecom" as const, id: "g", kind: "group" as const },
        sender: { id: "u1" },
        text: `签约 项目${round} 1亿`,
        sentAt: new Date(),
      };
      const results = await Promise.all(dispatchers.map((d) => d(message, async () => {})));
      expect(
        results.filter((r) => r.replies.length === 1),
        JSON.stringify(results),
      ).toHaveLength(1);
    }
    expect(await bot.yearTotals()).toMatchObject({ signing: 20, signingYuan: 2_000_000_000, reports: 20 });
    const unit = (await bot.store.directory.unitByName("城西镇"))!;
    expect(await bot.redis.llen(bot.store.keys.unitRecords(unit.id))).toBe(20);
    expect(await bot.redis.xlen(bot.store.keys.records)).toBe(20);
  });
});
