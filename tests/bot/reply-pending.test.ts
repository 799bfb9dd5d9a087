// Issue 16 point 4: a report stored just before a crash (or whose reply failed) is confirmed by
// the platform's re-delivery, once. Issue 14: message ids are remembered for a bounded window.
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { createDispatcher, InternalError, type Dispatch } from "../../src/bot/dispatcher.ts";
import { replyText, type Reply } from "../../src/bot/types.ts";
import { createStore } from "../../src/store/store.ts";
import { createSeededBot, silentLog, testRules, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
beforeEach(async () => {
  bot = await createSeededBot();
});
afterEach(async () => bot.close());

const NOW = new Date("2026-03-10T10:00:00+08:00");
const message = (id: string, text: string, from = "u1") => ({
  id,
  conversation: { channel: "wecom" as const, id: "g", kind: "group" as const },
  sender: { id: from },
  text,
  sentAt: NOW,
});
const texts = (replies: Reply[]) => replies.map(replyText);

/** A replica on the same Redis whose message store reads the given clock. */
function replica(clock: () => number, log = silentLog, dedupeDays = 7): Dispatch {
  return createDispatcher({
    store: createStore(bot.connect(), {
      org: bot.org,
      defaults: { selfJoin: true },
      clock,
      messageDedupeDays: dedupeDays,
    }),
    commands,
    rules: testRules(),
    log,
    now: () => NOW,
  });
}

describe("a stored report whose confirmation never went out", () => {
  it("is confirmed by the re-delivery when the channel's reply failed, once", async () => {
    let calls = 0;
    const failing = async () => {
      calls += 1;
      throw new Error("response_url unreachable");
    };
    await expect(
      bot.dispatch(message("p-1", "签约 年产10万吨功能膜项目 5.2亿元 新材料 省外"), failing),
    ).rejects.toBeInstanceOf(InternalError);
    expect(calls).toBe(1);
    expect((await bot.yearTotals()).signing).toBe(1);

    const sent: Reply[] = [];
    const again = await bot.dispatch(
      message("p-1", "签约 年产10万吨功能膜项目 5.2亿元 新材料 省外"),
      async (r) => void sent.push(r),
    );
    expect(texts(sent)).toHaveLength(1);
    expect(texts(sent)[0]).toContain("✅ 已登记 #1 签约 · 城西镇");
    expect(texts(sent)[0]).toContain("签约 1个");
    expect(again).toMatchObject({ ok: true, duplicate: false, record: { id: 1, kind: "signing" } });

    const third: Reply[] = [];
    expect(
      (
        await bot.dispatch(
          message("p-1", "签约 年产10万吨功能膜项目 5.2亿元 新材料 省外"),
          async (r) => void third.push(r),
        )
      ).duplicate,
    ).toBe(true);
    expect(third).toHaveLength(0);
    expect(await bot.yearTotals()).toMatchObject({ signing: 1, reports: 1 });
  });

  it("is confirmed by another replica after the first died between storing and replying", async () => {
    let clock = Date.now();
    const dying = replica(() => clock);
    // The reply never completes: the process is gone before it could answer.
    void dying(message("p-3", "签约 光伏二期项目 3亿 新能源 省外"), () => new Promise<void>(() => {}));
    await expect.poll(() => bot.store.reportRecordId("wecom:p-3")).not.toBeNull();

    const survivor = replica(() => clock);
    const early: Reply[] = [];
    // A re-delivery within the grace period may race the first handler's own reply: silent.
    clock += 1_000;
    expect(
      (await survivor(message("p-3", "签约 光伏二期项目 3亿 新能源 省外"), async (r) => void early.push(r))).duplicate,
    ).toBe(true);
    expect(early).toHaveLength(0);

    clock += 5_000;
    const late: Reply[] = [];
    const result = await survivor(message("p-3", "签约 光伏二期项目 3亿 新能源 省外"), async (r) => void late.push(r));
    expect(texts(late)).toHaveLength(1);
    expect(texts(late)[0]).toContain("签约 · 城西镇");
    expect(texts(late)[0]).toContain("光伏二期项目");
    expect(result.record?.project).toBe("光伏二期项目");
    expect(
      (await survivor(message("p-3", "签约 光伏二期项目 3亿 新能源 省外"), async (r) => void late.push(r))).duplicate,
    ).toBe(true);
    expect(late).toHaveLength(1);
    expect((await bot.yearTotals()).signing).toBe(1);
  });

  it("answers a query whose handler died before answering, after the grace period", async () => {
    let clock = Date.now();
    const dying = replica(() => clock);
    void dying(message("q-1", "单位列表"), () => new Promise<void>(() => {}));
    await expect.poll(async () => (await bot.redis.keys(`zs:{${bot.org}}:msg:*`)).length).toBe(1);
    const survivor = replica(() => clock);
    const replies: Reply[] = [];
    expect((await survivor(message("q-1", "单位列表"), async (r) => void replies.push(r))).duplicate).toBe(true);
    clock += 5_000;
    await survivor(message("q-1", "单位列表"), async (r) => void replies.push(r));
    expect(texts(replies)).toHaveLength(1);
    expect(texts(replies)[0]).toContain("城西镇");
  });
});

describe("the message-id window (MESSAGE_DEDUPE_DAYS)", () => {
  it("remembers a message for the window, forgets it after two, and lets Redis expire the map", async () => {
    let clock = Date.UTC(2026, 2, 10);
    const d = replica(() => clock, silentLog, 2);
    const say = async (id: string) => {
      const replies: Reply[] = [];
      await d(message(id, "走出去 赴上海拜访华谊集团"), async (r) => void replies.push(r));
      return replies.length;
    };
    expect(await say("w-1")).toBe(1);
    clock += 2 * 86_400_000 - 1;
    expect(await say("w-1")).toBe(0);
    clock += 2 * 86_400_000 + 2;
    // Past two windows the id is forgotten: a platform never re-delivers that late.
    expect(await say("w-1")).toBe(1);
    const maps = await bot.redis.keys(`zs:{${bot.org}}:msg:*`);
    expect(maps.length).toBeGreaterThan(0);
    for (const map of maps) {
      const ttl = await bot.redis.ttl(map);
      expect(ttl).toBeGreaterThan(4 * 86_400 - 60);
      expect(ttl).toBeLessThanOrEqual(5 * 86_400);
    }
  });
});

describe("one log line per handled message", () => {
  it("names the command, the outcome, the record and the duration", async () => {
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
        done();
      },
    });
    const d = replica(Date.now, pino({ level: "info" }, sink));
    await d(message("l-1", "签约 甲项目 2亿"), async () => {});
    await d(message("l-1", "签约 甲项目 2亿"), async () => {});
    await d(message("l-2", "今天天气不错"), async () => {});
    await d(message("l-3", "签约 乙项目 2亿", "stranger"), async () => {});
    const handled = lines.filter((l) => l.msg === "message handled");
    expect(handled.map((l) => [l.message, l.command, l.outcome, l.record])).toEqual([
      ["wecom:l-1", "signing", "stored", 1],
      ["wecom:l-1", null, "duplicate", null],
      ["wecom:l-2", null, "refused", null],
      ["wecom:l-3", "signing", "refused", null],
    ]);
    for (const line of handled) expect(typeof line.ms).toBe("number");
  });
});
