// "Last week's ranking" has one definition: the 赛马 ranking of year-to-date totals at the end of
// the Sunday before a week. /status, 排名 and the weekly digest must agree on it, also when
// that Sunday is in the previous year.
import { afterEach, describe, expect, it } from "vitest";
import { loadDigestData } from "../../src/insights/digest-data.ts";
import { forgetStandings, loadStandings } from "../../src/insights/standings.ts";
import { rankChange } from "../../src/domain/ranking.ts";
import { createSeededBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
afterEach(async () => bot.close());

async function seedAcrossNewYear() {
  bot = await createSeededBot("2026-12-20T10:00:00+08:00");
  await bot.say("目标 城西镇 签约6 到位资金5亿", { from: "admin" });
  await bot.say("目标 晋熙镇 签约5 到位资金3亿", { from: "admin" });
  // A signing in the last days of 2026, inside the ISO week that ends on Sunday 3 Jan 2027.
  bot.setNow("2026-12-30T10:00:00+08:00");
  const said = await bot.say("签约 高端轴承项目 3亿 高端装备 省外", { from: "u1" });
  expect(said.text).toContain("已登记");
}

const changes = (ranking: Array<{ name: string; change: string }>) =>
  Object.fromEntries(ranking.map((r) => [r.name, r.change]));

describe("last week's ranking across a year boundary", () => {
  it("the Monday digest of 4 Jan 2027 shows no change when nothing moved (a 28–31 Dec signing counts in neither year-to-date)", async () => {
    await seedAcrossNewYear();
    const digest = await loadDigestData(bot.store, "2027-01-04", "last");
    expect(digest.asOf).toBe("2027-01-03");
    // 2027 to 3 Jan: nothing reported; 2026 to 27 Dec: nothing reported. Same order, no arrows.
    expect(changes(digest.ranking)).toEqual({ 城西镇: "–", 晋熙镇: "–" });
  });

  it("the digest's change equals the one /status showed on the Sunday it covers", async () => {
    await seedAcrossNewYear();
    for (const [sunday, monday] of [
      ["2027-01-03", "2027-01-04"],
      ["2027-01-10", "2027-01-11"],
      ["2026-12-27", "2026-12-28"],
    ] as const) {
      forgetStandings();
      const standings = await loadStandings(bot.store, sunday);
      const expected = Object.fromEntries(
        standings.ranked.map((r) => [r.name, rankChange(r.rank, standings.previousRank.get(r.unitId))]),
      );
      const digest = await loadDigestData(bot.store, monday, "last");
      expect(changes(digest.ranking), `${sunday} → ${monday}`).toEqual(expected);
    }
  });

  it("a signing on 2 Jan 2027 moves the ranking against 27 Dec 2026, when nobody had signed", async () => {
    await seedAcrossNewYear();
    bot.setNow("2027-01-02T10:00:00+08:00");
    await bot.say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外", { from: "u3" });
    const digest = await loadDigestData(bot.store, "2027-01-04", "last");
    // As of 3 Jan 2027 晋熙镇 leads (its 2 Jan signing); as of 27 Dec 2026 nobody had signed,
    // so the order was by name, 城西镇 first.
    expect(digest.ranking.map((r) => r.name)).toEqual(["晋熙镇", "城西镇"]);
    expect(changes(digest.ranking)).toEqual({ 晋熙镇: "↑1", 城西镇: "↓1" });
    expect(digest.yearTotals.signing).toBe(1);
  });
});
