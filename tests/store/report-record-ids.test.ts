// The ledger import asks for the record of thousands of import keys at once (batched HMGETs):
// the answer must be the same as asking key by key, across the dedupe buckets.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
beforeEach(async () => {
  bot = await createTestBot();
});
afterEach(async () => bot.close());

describe("reportRecordIds", () => {
  it("gives each key's stored record id, or null, like reportRecordId one by one", async () => {
    await bot.store.directory.addUnit("城西镇");
    const unit = (await bot.store.directory.unitByName("城西镇"))!;
    const keys = Array.from({ length: 2500 }, (_, i) => `ledger:${unit.id}:项目${i}:signing`);
    const stored = [0, 999, 1000, 1001, 2499];
    for (const i of stored) {
      await bot.store.records.ingest(
        keys[i]!,
        {
          unitId: unit.id,
          kind: "visitOut",
          date: "2026-03-01",
          project: null,
          amountYuan: null,
          amountUsd: null,
          industry: null,
          manufacturing: null,
          source: null,
          place: "上海",
          counterpart: null,
          text: `走访 ${i}`,
          reporter: "u1",
          reporterName: null,
          channel: "console",
          messageId: keys[i]!,
          createdAt: "2026-03-01T02:00:00.000Z",
        },
        { mode: "none" },
      );
    }
    // One of them sits in the previous dedupe bucket, as after a bucket rolled over.
    const [, current, previous] = bot.store.messages.maps();
    const moved = keys[1000]!;
    await bot.redis.hset(previous, moved, (await bot.redis.hget(current, moved))!);
    await bot.redis.hdel(current, moved);

    const ids = await bot.store.reportRecordIds(keys);
    expect(ids).toHaveLength(keys.length);
    expect(ids.filter((id) => id !== null)).toHaveLength(stored.length);
    for (const i of [0, 1, 998, 999, 1000, 1001, 1002, 2498, 2499])
      expect(ids[i], `key ${i}`).toBe(await bot.store.reportRecordId(keys[i]!));
    expect(ids[1000]).not.toBeNull();
    expect(await bot.store.reportRecordIds([])).toEqual([]);
  });
});
