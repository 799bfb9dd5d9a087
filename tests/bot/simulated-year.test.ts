// A small simulated half-year: four units, a few hundred reports from a seeded generator, fed
// through the bot day by day; the figures the bot shows are checked against ones counted here.
import { afterEach, describe, expect, it } from "vitest";
import { addDays, weekday } from "../../src/domain/china-time.ts";
import { formatYuan } from "../../src/domain/amount.ts";
import { loadStandings } from "../../src/insights/standings.ts";
import { createTestBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
afterEach(async () => bot.close());

/** Park–Miller: the same sequence on every run. */
function generator(seed: number) {
  let state = seed;
  return () => (state = (state * 48271) % 2147483647) / 2147483647;
}

const UNITS = ["甲镇", "乙镇", "丙镇", "丁镇"];
const WORDS = [
  "光伏组件",
  "精密轴承",
  "功能膜",
  "冷链物流",
  "智能装备",
  "生物医药",
  "电子元件",
  "纺织面料",
  "新能源电池",
  "环保材料",
];
const SOURCES = ["省外", "市外", ""] as const;

interface Expected {
  visitOut: number;
  signing: number;
  signingYuan: number;
  fundsYuan: number;
  provOut: number;
  cityOut: number;
  talks: string[];
  signed: Array<{ name: string; source: string }>;
  reports: number;
}

describe("a simulated half-year", () => {
  it("shows the totals, 在谈, the funds split and the laggards that were counted by hand", async () => {
    bot = await createTestBot({ now: "2026-01-02T09:00:00+08:00" });
    const random = generator(20260101);
    const expected = new Map<string, Expected>();
    for (const [i, name] of UNITS.entries()) {
      await bot.say(`添加单位 ${name}`, { from: "admin" });
      await bot.say(`绑定 r${i} ${name}`, { from: "admin" });
      await bot.say(`目标 ${name} 走出去60次 签约6个 到位资金3亿`, { from: "admin" });
      expected.set(name, {
        visitOut: 0,
        signing: 0,
        signingYuan: 0,
        fundsYuan: 0,
        provOut: 0,
        cityOut: 0,
        talks: [],
        signed: [],
        reports: 0,
      });
    }
    let dingLast = "";
    let today = "";
    const say = async (unit: number, text: string) => {
      if (unit === 3) dingLast = today;
      const said = await bot.say(text, { from: `r${unit}` });
      expect(said.ok, `${text} → ${said.text}`).toBe(true);
      expected.get(UNITS[unit]!)!.reports++;
    };

    for (let day = "2026-01-05"; day <= "2026-06-12"; day = addDays(day, 1)) {
      if (weekday(day) > 5) continue;
      today = day;
      bot.setNow(`${day}T10:00:00+08:00`);
      for (const [u, name] of UNITS.entries()) {
        if (name === "丁镇" && day > "2026-04-30") continue; // 丁镇 goes quiet in May
        const e = expected.get(name)!;
        const r = random();
        if (r < 0.45) {
          await say(u, `走出去 赴苏州拜访客商${Math.floor(random() * 1000)}`);
          e.visitOut++;
        } else if (r < 0.52 && e.talks.length + e.signed.length < WORDS.length) {
          const project = `${name}${WORDS[e.talks.length + e.signed.length]}项目`;
          await say(u, `在谈 ${project} 2亿 新材料`);
          e.talks.push(project);
        } else if (r < 0.57 && e.talks.length > 0) {
          const project = e.talks.shift()!;
          const yi = 1 + Math.floor(random() * 5);
          const source = SOURCES[Math.floor(random() * 3)]!;
          await say(u, `签约 ${project} ${yi}亿 新材料${source ? ` ${source}` : ""}`);
          e.signing++;
          e.signingYuan += yi * 100_000_000;
          e.signed.push({ name: project, source });
        } else if (r < 0.72 && e.signed.length > 0) {
          const project = e.signed[Math.floor(random() * e.signed.length)]!;
          const wan = 100 * (1 + Math.floor(random() * 30));
          await say(u, `到位 ${project.name} ${wan}万`);
          e.fundsYuan += wan * 10_000;
          if (project.source === "省外") e.provOut += wan * 10_000;
          if (project.source === "市外") e.cityOut += wan * 10_000;
        }
      }
    }

    const all = [...expected.values()];
    const reports = all.reduce((n, e) => n + e.reports, 0);
    expect(reports).toBeGreaterThan(200);
    for (const name of UNITS) {
      const e = expected.get(name)!;
      const t = await bot.yearTotals(name);
      expect(
        [t.reports, t.visitOut, t.signing, t.signingYuan, t.fundsYuan, t.fundsProvOutYuan, t.fundsCityOutYuan],
        name,
      ).toEqual([e.reports, e.visitOut, e.signing, e.signingYuan, e.fundsYuan, e.provOut, e.cityOut]);
    }

    bot.setNow("2026-06-12T18:00:00+08:00");
    const overview = (await bot.say("总览", { from: "admin" })).text;
    const talks = all.reduce((n, e) => n + e.talks.length, 0);
    const signed = all.reduce((n, e) => n + e.signing, 0);
    expect(overview).toContain(`项目：在谈 ${talks} · 签约 ${signed} ·`);
    const funds = all.reduce((n, e) => n + e.fundsYuan, 0);
    const prov = all.reduce((n, e) => n + e.provOut, 0);
    const city = all.reduce((n, e) => n + e.cityOut, 0);
    expect(overview).toContain(
      `到位资金 ${formatYuan(funds)} = 省外 ${formatYuan(prov)} + 市外 ${formatYuan(city)}${funds - prov - city ? ` + 未注明来源 ${formatYuan(funds - prov - city)}` : ""}`,
    );

    // 丁镇 went quiet after April: silent since its last report, counted in days here.
    const standings = await loadStandings(bot.store, "2026-06-12");
    const ding = standings.laggards.find((l) => l.name === "丁镇");
    const silentDays = (Date.parse("2026-06-12") - Date.parse(dingLast)) / 86_400_000;
    expect(silentDays).toBeGreaterThan(40);
    expect(ding?.reasons[0]).toBe(
      `已 ${silentDays} 天没有上报（最近一次 ${Number(dingLast.slice(5, 7))}月${Number(dingLast.slice(8, 10))}日）`,
    );
    for (const l of standings.laggards.filter((x) => x.name !== "丁镇")) {
      expect(
        l.reasons.some((r) => r.includes("没有上报")),
        l.name,
      ).toBe(false);
    }
  }, 120_000);
});
