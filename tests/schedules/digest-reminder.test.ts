import cron from "node-cron";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { schedules } from "../../schedules/index.ts";
import type { PushMessage } from "../../src/push/push.ts";
import { createScheduleRunner, SCHEDULE_TIME_ZONE, type RunnerDeps } from "../../src/bot/schedule-runner.ts";
import { loadChartFont } from "../../src/charts/chart-font.ts";
import { createChartRenderer, type ChartRenderer } from "../../src/charts/chart-renderer.ts";
import { createDashboardLinks, verifyDashboardLink } from "../../src/dashboard/dashboard-link.ts";
import type { ScheduleSettingsByName } from "../../src/bot/schedule.ts";
import { createHolidayCalendar } from "../../src/domain/holidays.ts";
import { createSeededBot, silentLog, type TestBot } from "../helpers/test-bot.ts";

const settings: ScheduleSettingsByName = {
  "weekly-digest": { day: 1, time: "09:00", destination: "leaders" },
  "laggard-reminder": { day: 5, time: "16:00", destination: "work-group", staleDays: 90, maxPerWeek: 1 },
};
const calendar = createHolidayCalendar();
const byName = (name: string) => schedules.find((s) => s.name === name)!;

let bot: TestBot;
let sent: Array<{ destination: string; message: PushMessage; dedupeKey: string | undefined }>;
const runner = (extras: Pick<RunnerDeps, "charts" | "dashboard"> = {}) =>
  createScheduleRunner({
    ...extras,
    schedules,
    settings,
    store: bot.store,
    calendar,
    log: silentLog,
    send: async (destination, message, options) => {
      const duplicate = sent.some((s) => s.dedupeKey === options?.dedupeKey);
      if (!duplicate) sent.push({ destination, message, dedupeKey: options?.dedupeKey });
      return { queued: duplicate ? 0 : 1, duplicate };
    },
  });

/** A week of reports in three units, from 2026-03-02 (Mon) to 2026-03-13 (Fri). */
async function seed() {
  bot = await createSeededBot("2026-03-02T10:00:00+08:00");
  sent = [];
  await bot.say("添加单位 开发区管委会 开发区", { from: "admin" });
  await bot.say("绑定 u4 开发区", { from: "admin" });
  await bot.say("目标 城西镇 走出去24 签约6 签约金额15亿 到位资金5亿", { from: "admin" });
  await bot.say("目标 晋熙镇 签约5 到位资金3亿", { from: "admin" });
  await bot.say("目标 开发区 签约12 到位资金20亿", { from: "admin" });
  bot.setNow("2026-03-04T10:00:00+08:00");
  await bot.say("签约 高端轴承项目 3亿 高端装备 省外", { from: "u3" });
  bot.setNow("2026-03-10T10:00:00+08:00");
  await bot.say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外", { from: "u1" });
  await bot.say("签约 智能车厢制造项目 总投资3000万 装备制造", { from: "u2" });
  await bot.say("到位 功能膜项目 1.2亿", { from: "u1" });
  await bot.say("开工 功能膜项目", { from: "u1" });
  await bot.say("走出去 赴上海 华谊集团", { from: "u4" });
}

beforeEach(seed);
afterEach(async () => bot.close());

describe("weekly digest", () => {
  it("reports last week to the leaders on Monday morning", async () => {
    const result = await runner().runOnce("weekly-digest", new Date("2026-03-16T09:00:00+08:00"), { byHand: false });
    expect(result.period).toBe("2026-W11");
    expect(sent.map((s) => [s.destination, s.dedupeKey])).toEqual([["leaders", "weekly-digest:2026-W11:leaders"]]);
    const { title, markdown } = sent[0]!.message;
    expect(title).toBe("双招双引周报 · 第11周（3.9–3.15）");
    // The first screen of a phone: at most 15 lines.
    expect(markdown.split("\n").length).toBeLessThanOrEqual(15);
    expect(markdown).toMatchInlineSnapshot(`
      "## 双招双引周报 · 第11周（3.9–3.15）
      **本周** 签约 2 个 5.50亿元（上周 1 个 3.00亿元）
      **本周** 到位 1.20亿元（上周 0元）
      **全县** 序时进度 20.3% · 到位资金 完成4.3% ⚠️落后16.0点 · 签约金额 完成56.7% ✅
      **前三** 城西镇 34.7分 ↑1；晋熙镇 6.0分 ↓1；开发区管委会 0.0分
      **亿元以上签约** 本周 1 个 5.20亿元（全年 2 个）
      🔥 年产10万吨功能膜项目 5.20亿元（城西镇）
      **落后单位** 1 个
      全文发「周报 详细」"
    `);
  });

  it("answers 周报 and 周报 上周 in chat with the same first screen, and 周报 详细 with the full digest", async () => {
    bot.setNow("2026-03-16T11:00:00+08:00");
    await runner().runOnce("weekly-digest", new Date("2026-03-16T09:00:00+08:00"));
    expect((await bot.say("周报 上周")).text).toBe(sent[0]!.message.markdown);
    const thisWeek = await bot.say("周报");
    expect(thisWeek.text).toContain("第12周（3.16–3.22）");
    expect(thisWeek.text).toContain("**亿元以上签约** 本周无（全年 2 个 8.20亿元）");
    expect(thisWeek.text.split("\n").length).toBeLessThanOrEqual(15);
    const full = await bot.say("周报 上周 详细");
    expect(full.text).toContain("双招双引工作周报 · 第11周（3.9–3.15）");
    expect(full.text).toContain("**到位资金前五**");
    expect(full.text).toContain("· 开发区管委会：赛马排名第 3/3，处于末位");
  });
});

describe("weekly digest with charts and the dashboard", () => {
  const dashboard = createDashboardLinks({ secret: "s".repeat(32), baseUrl: "https://zs.example.gov.cn" });

  it("attaches the three charts as PNG images after the text, which names them and carries the link", async () => {
    const charts = createChartRenderer({ font: loadChartFont(), log: silentLog });
    try {
      await runner({ charts, dashboard }).runOnce("weekly-digest", new Date("2026-03-16T09:00:00+08:00"), {
        byHand: false,
      });
    } finally {
      await charts.close();
    }
    const { markdown, attachments } = sent[0]!.message;
    expect(attachments!.map((a) => [a.kind, a.filename])).toEqual([
      ["image", "funds-completion.png"],
      ["image", "ranking.png"],
      ["image", "funds-cumulative.png"],
    ]);
    for (const a of attachments!) expect(Buffer.from(a.contentBase64, "base64").readUInt32BE(0)).toBe(0x89504e47);
    const last = markdown.split("\n").at(-1)!;
    expect(last).toMatch(
      /^图表见下方 · 全文发「周报 详细」 · 看板：https:\/\/zs\.example\.gov\.cn\/dash\?s=county&e=\d+&sig=[\w-]{43}$/,
    );
    const link = new URL(last.slice(last.indexOf("https://")));
    expect(
      verifyDashboardLink("s".repeat(32), Object.fromEntries(link.searchParams), new Date("2026-03-16T09:00:00+08:00")),
    ).toEqual({ kind: "county" });
    expect(markdown.split("\n").length).toBeLessThanOrEqual(15);
  });

  it("sends the text alone when the charts fail", async () => {
    const failing: ChartRenderer = { renderAll: async () => Promise.reject(new Error("boom")), close: async () => {} };
    await runner({ charts: failing }).runOnce("weekly-digest", new Date("2026-03-16T09:00:00+08:00"), {
      byHand: false,
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.message.attachments).toEqual([]);
    expect(sent[0]!.message.markdown).not.toContain("图表见下方");
    expect(sent[0]!.message.markdown).toContain("**前三** 城西镇 34.7分 ↑1");
  });
});

describe("laggard reminder", () => {
  it("lists the laggards with reasons and @-mentions only their members", async () => {
    const result = await runner().runOnce("laggard-reminder", new Date("2026-03-13T16:00:00+08:00"), { byHand: false });
    expect(result.period).toBe("2026-W11");
    const { message, destination } = sent[0]!;
    expect(destination).toBe("work-group");
    expect(message.markdown).toMatchInlineSnapshot(`
      "## 落后单位提醒（截至3.13）

      **开发区管委会**：赛马排名第 3/3，处于末位

      请以上单位抓紧推进，并及时在群里上报。"
    `);
    // 城西镇 is ahead on funds, 晋熙镇 reported 9 days ago and is not behind the county's pace
    // (4.3%) by 10 points: only the bottom unit's member is mentioned.
    expect(message.mention).toEqual(["u4"]);
  });

  it("reminds a unit at most once a week", async () => {
    const r = runner();
    await r.runOnce("laggard-reminder", new Date("2026-03-13T16:00:00+08:00"));
    const again = await r.runOnce("laggard-reminder", new Date("2026-03-13T17:00:00+08:00"), { byHand: true });
    expect(again.sends).toEqual([]);
    expect(sent).toHaveLength(1);
  });

  it("keeps the once-a-week limit in single-digit weeks too", async () => {
    bot.setNow("2026-02-13T10:00:00+08:00");
    const r = runner();
    const first = await r.runOnce("laggard-reminder", new Date("2026-02-13T16:00:00+08:00"), { byHand: false });
    expect(first.period).toBe("2026-W07");
    expect(first.sends).toHaveLength(1);
    const again = await r.runOnce("laggard-reminder", new Date("2026-02-13T17:00:00+08:00"), { byHand: true });
    expect(again.sends).toEqual([]);
  });

  it("sends nothing when nobody lags", async () => {
    await bot.say("赛马设置 末位 0", { from: "admin" });
    await bot.say("赛马设置 落后线 100", { from: "admin" });
    for (const u of ["u1", "u3", "u4"]) await bot.say("走出去 赴杭州 阿里巴巴", { from: u });
    const result = await runner().runOnce("laggard-reminder", new Date("2026-03-13T16:00:00+08:00"));
    expect(result.sends).toEqual([]);
  });

  it("names signed projects that have not started after 90 days", async () => {
    bot.setNow("2026-06-12T10:00:00+08:00");
    for (const u of ["u1", "u3", "u4"]) await bot.say("走出去 赴杭州 阿里巴巴", { from: u });
    await bot.say("赛马设置 末位 0", { from: "admin" });
    await bot.say("赛马设置 落后线 100", { from: "admin" });
    await runner().runOnce("laggard-reminder", new Date("2026-06-12T16:00:00+08:00"));
    const { message } = sent[0]!;
    expect(message.title).toBe("项目开工提示");
    expect(message.markdown).toContain("晋熙镇：高端轴承项目（3.4签约）");
    expect(message.markdown).toContain("城西镇：智能车厢制造项目（3.10签约）");
    expect(message.markdown).not.toContain("功能膜"); // started
    expect(message.markdown).not.toContain("开发区"); // nothing signed
    // A nudge is not a laggard: nobody is @-mentioned for it.
    expect(message.mention).toEqual([]);
  });
});

describe("when the schedules fire", () => {
  const reminder = byName("laggard-reminder");
  const period = (day: string) =>
    reminder.period({
      now: new Date(`${day}T16:00:00+08:00`),
      today: day,
      settings: settings["laggard-reminder"]!,
      calendar,
      byHand: false,
    });

  it("sends the reminder on Friday, or on the last workday before a Friday holiday", () => {
    expect(period("2026-11-20")).toBe("2026-W47");
    expect(period("2026-11-19")).toBeNull();
    expect(period("2026-11-21")).toBeNull();
    expect(period("2026-06-19")).toBeNull(); // 端午 Friday
    expect(period("2026-06-18")).toBe("2026-W25");
    expect(period("2026-10-02")).toBeNull(); // National Day
    expect(period("2026-09-30")).toBe("2026-W40");
  });

  it("skips a week whose whole working part is a holiday (Spring Festival 2026)", () => {
    for (let d = 15; d <= 22; d++) expect(period(`2026-02-${d}`), `2-${d}`).toBeNull();
    expect(period("2026-02-13")).toBe("2026-W07");
  });

  it("reads the cron in China time whatever the server's zone", () => {
    const task = cron.createTask(reminder.cron(settings["laggard-reminder"]!), () => {}, {
      timezone: SCHEDULE_TIME_ZONE,
    });
    expect(task.match(new Date("2026-11-20T08:00:00Z"))).toBe(true); // 16:00 in Shanghai
    expect(task.match(new Date("2026-11-20T16:00:00Z"))).toBe(false);
    const digest = cron.createTask(byName("weekly-digest").cron(settings["weekly-digest"]!), () => {}, {
      timezone: SCHEDULE_TIME_ZONE,
    });
    expect(digest.match(new Date("2026-11-23T01:00:00Z"))).toBe(true); // Monday 09:00 in Shanghai
    expect(digest.match(new Date("2026-11-22T09:00:00Z"))).toBe(false); // Sunday 17:00 there
  });
});
