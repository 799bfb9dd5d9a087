// allRecords pages through the record stream, asking for the next page before handing out the
// current one: every record comes once, in order, across page boundaries, and a caller that
// stops early leaves nothing behind.
import { afterEach, expect, it } from "vitest";
import { createSeededBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
afterEach(async () => bot.close());

it("yields every record once, in order, across pages, and stops cleanly when the caller does", async () => {
  bot = await createSeededBot("2026-11-20T10:00:00+08:00");
  for (let i = 1; i <= 23; i++) await bot.say(`走出去 赴上海拜访华谊集团${i}`);
  for (const pageSize of [1, 5, 10, 23, 100]) {
    const ids: number[] = [];
    for await (const r of bot.store.records.allRecords(pageSize)) ids.push(r.id);
    expect([pageSize, ids]).toEqual([pageSize, Array.from({ length: 23 }, (_, i) => i + 1)]);
  }
  const firstSix: number[] = [];
  for await (const r of bot.store.records.allRecords(5)) {
    firstSix.push(r.id);
    if (firstSix.length === 6) break;
  }
  expect(firstSix).toEqual([1, 2, 3, 4, 5, 6]);
});
