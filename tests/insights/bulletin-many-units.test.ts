// The 通报 reads month totals a hundred units at a time: every unit keeps its own figures across
// the chunk boundaries (units 1, 100, 101 and 250 of 250).
import { afterEach, expect, it } from "vitest";
import { parseBulletinPeriod } from "../../src/domain/bulletin-period.ts";
import { loadBulletin } from "../../src/insights/bulletin-data.ts";
import { createTestBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
afterEach(async () => bot.close());

it("keeps each unit's figures across read chunks", async () => {
  bot = await createTestBot({ now: "2026-10-20T10:00:00+08:00" });
  const { directory } = bot.store;
  const reporters = new Map<number, string>();
  for (let i = 1; i <= 250; i++) {
    const { unit } = await directory.addUnit(`单位${i}`);
    if ([1, 100, 101, 250].includes(i)) {
      await directory.bindMember(`r${i}`, unit.id);
      reporters.set(i, `r${i}`);
    }
  }
  for (const [i, user] of reporters) {
    const said = await bot.say(`签约 编号${i}的精密轴承项目 ${i}00万元 高端装备 省外`, { from: user });
    expect(said.outcome, said.text).toBe("stored");
    await bot.say(`走出去 赴上海拜访华谊集团`, { from: user });
  }
  const period = (parseBulletinPeriod("10月", "2026-11-03") as { ok: true; period: never }).period;
  const bulletin = await loadBulletin(bot.store, period);
  expect(bulletin.units).toHaveLength(250);
  for (let i = 1; i <= 250; i++) {
    const unit = bulletin.units.find((u) => u.name === `单位${i}`)!;
    const signed = reporters.has(i) ? i * 1_000_000 : 0;
    expect([i, unit.metrics.signingAmount.cumulative]).toEqual([i, signed]);
    expect([i, unit.metrics.visitOut.period]).toEqual([i, reporters.has(i) ? 1 : 0]);
  }
});
