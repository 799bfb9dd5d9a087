import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { schedules } from "../../schedules/index.ts";
import { loadChartFont } from "../../src/charts/chart-font.ts";
import { type ChartRenderer, createChartRenderer } from "../../src/charts/chart-renderer.ts";
import type { PushMessage } from "../../src/push/push.ts";
import { createScheduleRunner } from "../../src/bot/schedule-runner.ts";
import { defaultScheduleSettings } from "../../src/bot/schedule.ts";
import { createHolidayCalendar } from "../../src/domain/holidays.ts";
import { createSeededBot, silentLog, type TestBot } from "../helpers/test-bot.ts";

const calendar = createHolidayCalendar();
const settings = defaultScheduleSettings(schedules);
const byName = (name: string) => schedules.find((s) => s.name === name)!;

let bot: TestBot;
let sent: Array<{ destination: string; message: PushMessage; dedupeKey: string | undefined }>;
afterEach(async () => bot.close());

beforeEach(async () => {
  bot = await createSeededBot("2026-09-10T10:00:00+08:00");
  sent = [];
  await bot.say("目标 城西镇 签约6 签约金额15亿 到位资金5亿", { from: "admin" });
  await bot.say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外", { from: "u1" });
  await bot.say("到位 功能膜项目 4亿", { from: "u1" });
});

const runner = () =>
  createScheduleRunner({
    schedules,
    settings,
    environment: { countyName: "太湖县" },
    store: bot.store,
    calendar,
    log: silentLog,
    send: async (destination, message, options) => {
      const duplicate = sent.some((s) => s.dedupeKey === options?.dedupeKey);
      if (!duplicate) sent.push({ destination, message, dedupeKey: options?.dedupeKey });
      return { queued: duplicate ? 0 : 1, duplicate };
    },
  });

const tick = (name: string, day: string) =>
  byName(name).period({
    now: new Date(`${day}T09:00:00+08:00`),
    today: day,
    settings: settings[name]!,
    calendar,
    byHand: false,
  });

describe("the monthly and quarterly 通报 schedules", () => {
  it("fire on the 3rd workday of the month, holidays and 调休 counted", () => {
    expect(tick("monthly-bulletin", "2026-11-04")).toBe("2026-10");
    expect(tick("monthly-bulletin", "2026-11-03")).toBeNull();
    // October 1–7 is National Day; the 8th, 9th and the 调休 Saturday the 10th are workdays.
    expect(tick("monthly-bulletin", "2026-10-09")).toBeNull();
    expect(tick("monthly-bulletin", "2026-10-10")).toBe("2026-09");
    expect(tick("quarterly-bulletin", "2026-10-10")).toBe("2026-Q3");
    expect(tick("quarterly-bulletin", "2026-11-04")).toBeNull();
    // January: 1–3 off, Sunday the 4th is a 调休 workday.
    expect(tick("quarterly-bulletin", "2026-01-06")).toBe("2025-Q4");
    expect(tick("monthly-bulletin", "2026-01-06")).toBe("2025-12");
  });

  it("sends last month's 通报 to leaders once, with the 台账 attached as xlsx", async () => {
    const at = new Date("2026-10-10T09:00:00+08:00");
    await runner().runOnce("monthly-bulletin", at, { byHand: false });
    await runner().runOnce("monthly-bulletin", at, { byHand: false }); // a second replica's tick
    expect(sent).toHaveLength(1);
    const { destination, message, dedupeKey } = sent[0]!;
    expect(destination).toBe("leaders");
    expect(dedupeKey).toBe("monthly-bulletin:2026-09:leaders");
    expect(message.title).toBe("2026年9月招商引资工作通报");
    expect(message.markdown).toContain("1. 城西镇：到位资金完成率 80.0%");
    const file = message.attachments?.[0];
    expect(file?.kind).toBe("file");
    expect(file?.filename).toBe("太湖县2026年招商引资项目台账及2026年9月通报（截至10月10日）.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file!.contentBase64, "base64") as unknown as ArrayBuffer);
    expect(wb.getWorksheet("单位进度")!.getCell("A1").value).toBe("太湖县2026年9月招商引资工作通报");
    expect(wb.getWorksheet("项目台账")!.getCell("B4").value).toBe("年产10万吨功能膜项目");
  });

  it("runs by hand as a dry run without sending, and can leave the file off", async () => {
    const result = await createScheduleRunner({
      schedules,
      settings: { ...settings, "quarterly-bulletin": { ...settings["quarterly-bulletin"], attach: false } },
      store: bot.store,
      calendar,
      log: silentLog,
      send: async () => {
        throw new Error("a dry run must not send");
      },
    }).runOnce("quarterly-bulletin", new Date("2026-11-18T10:00:00+08:00"), { dryRun: true });
    expect(result.period).toBe("2026-Q3");
    expect(result.sends[0]!.message.title).toBe("2026年三季度招商引资工作通报");
    expect(result.sends[0]!.message.attachments).toBeUndefined();
  });
});

describe("the 通报's charts", () => {
  it("attaches the five 通报 charts (funds completion, ranking, cumulative funds, signings, signing amount) before the workbook", async () => {
    const charts = createChartRenderer({ font: loadChartFont(), log: silentLog });
    try {
      await createScheduleRunner({
        schedules,
        settings,
        environment: { countyName: "太湖县" },
        store: bot.store,
        calendar,
        log: silentLog,
        charts,
        send: async (destination, message, options) => {
          sent.push({ destination, message, dedupeKey: options?.dedupeKey });
          return { queued: 1, duplicate: false };
        },
      }).runOnce("monthly-bulletin", new Date("2026-10-10T09:00:00+08:00"), { byHand: false });
    } finally {
      await charts.close();
    }
    const attachments = sent[0]!.message.attachments!;
    const images = attachments.filter((a) => a.kind === "image");
    expect(images).toHaveLength(5);
    for (const a of images) expect(Buffer.from(a.contentBase64, "base64").readUInt32BE(0)).toBe(0x89504e47);
    expect(new Set(images.map((a) => a.filename)).size).toBe(5);
    expect(attachments.at(-1)!.kind).toBe("file");
  });

  it("sends the text and the workbook alone when the charts fail", async () => {
    const failing: ChartRenderer = { renderAll: async () => Promise.reject(new Error("boom")), close: async () => {} };
    await createScheduleRunner({
      schedules,
      settings,
      environment: { countyName: "太湖县" },
      store: bot.store,
      calendar,
      log: silentLog,
      charts: failing,
      send: async (destination, message, options) => {
        sent.push({ destination, message, dedupeKey: options?.dedupeKey });
        return { queued: 1, duplicate: false };
      },
    }).runOnce("monthly-bulletin", new Date("2026-10-10T09:00:00+08:00"), { byHand: false });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.message.attachments!.map((a) => a.kind)).toEqual(["file"]);
  });
});
