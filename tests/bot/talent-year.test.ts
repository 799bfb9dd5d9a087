// A small simulated year of 招才引智 (issue 15): three units, a few hundred lines over the year,
// some undone and some corrected; the totals the bot keeps are checked against a tally made here
// from the same script of reports, independently of the store.
import { afterEach, describe, expect, it } from "vitest";
import { createSeededBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
afterEach(async () => bot.close());

const LEVELS = ["博士", "硕士", "急需紧缺", "技能", "高层次", "本科"] as const;
const HIGH = new Set(["博士", "高层次"]);
const NUMERALS = ["一", "两", "三", "四", "五", "六", "七", "八", "九", "十"];
const UNITS = [
  { name: "城西镇", from: "u1" },
  { name: "晋熙镇", from: "u3" },
  { name: "开发区", from: "u4" },
];

describe("a simulated year of talent reports", () => {
  it("keeps people, 高层次 people, projects and teams per unit exactly, through undo and correction", async () => {
    bot = await createSeededBot("2026-01-05T10:00:00+08:00");
    await bot.say("添加单位 开发区", { from: "admin" });
    await bot.say("绑定 u4 开发区", { from: "admin" });
    const tally = new Map(UNITS.map((u) => [u.name, { people: 0, high: 0, recruits: 0, projects: 0, teams: 0 }]));
    for (let week = 0; week < 48; week++) {
      const day = new Date(Date.UTC(2026, 0, 5 + week * 7, 2));
      bot.setNow(day.toISOString());
      for (const [u, unit] of UNITS.entries()) {
        const t = tally.get(unit.name)!;
        // One 引才 a week per unit; every third written in Chinese numerals, as dictated.
        const n = ((week * 7 + u * 3) % 10) + 1;
        const level = LEVELS[(week + u) % LEVELS.length]!;
        const count = week % 3 === 0 ? `${NUMERALS[n - 1]}名` : `${n}人`;
        const said = await bot.say(`引才 ${count} ${level} 某企业${week}`, { from: unit.from });
        expect(said.record, said.text).toMatchObject({ headcount: n, level });
        t.people += n;
        t.recruits += 1;
        if (HIGH.has(level)) t.high += n;
        // Every 8th week: undone at once. Every 5th (not undone): corrected to two more people.
        if (week % 8 === 7) {
          await bot.say("撤销", { from: unit.from });
          t.people -= n;
          t.recruits -= 1;
          if (HIGH.has(level)) t.high -= n;
        } else if (week % 5 === 4) {
          const fixed = await bot.say(`更正 #${said.record!.id} 人数 ${n + 2}人`, { from: unit.from });
          expect(fixed.ok, fixed.text).not.toBe(false);
          t.people += 2;
          if (HIGH.has(level)) t.high += 2;
        }
        // A talent project every 6th week, repeated once (refused); a team every 12th week.
        if (week % 6 === 0) {
          await bot.say(`人才项目 研究院${week} 签约`, { from: unit.from });
          expect((await bot.say(`人才项目 研究院${week} 揭牌`, { from: unit.from })).ok).toBe(false);
          t.projects += 1;
        }
        if (week % 12 === 3) {
          await bot.say(`创新团队 省级 团队${week} 落户 某企业`, { from: unit.from });
          t.teams += 1;
        }
      }
    }
    for (const unit of UNITS) {
      const t = tally.get(unit.name)!;
      expect(await bot.yearTotals(unit.name), unit.name).toMatchObject({
        talentPeople: t.people,
        talentHighPeople: t.high,
        talentRecruit: t.recruits,
        talentProject: t.projects,
        innovationTeam: t.teams,
      });
    }
    // Sanity of the tally itself: 48 weeks, 6 undone a unit.
    expect(tally.get("城西镇")!.recruits).toBe(42);
    expect(tally.get("城西镇")!.projects).toBe(8);
    expect(tally.get("城西镇")!.teams).toBe(4);
  }, 120_000);
});
