import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { parseBulletinPeriod } from "../../src/domain/bulletin-period.ts";
import { createIndustryTable } from "../../src/domain/industry.ts";
import { importLedger } from "../../src/import-ledger.ts";
import { loadBulletin } from "../../src/insights/bulletin-data.ts";
import { createSeededBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
afterEach(async () => bot.close());

async function priorWorkbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("上年同期");
  ws.addRow(["单位", "月份", "到位资金（亿元）", "签约项目", "走出去"]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const options = (dryRun: boolean) => ({
  today: "2026-11-03",
  now: new Date("2026-11-03T10:00:00+08:00"),
  industries: createIndustryTable(),
  dryRun,
});

describe("last year's figures for 同比", () => {
  it("are imported per unit and month and give the 通报 its 同比; a second import overwrites", async () => {
    bot = await createSeededBot("2026-10-12T10:00:00+08:00");
    await bot.say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外", { from: "u1" });
    await bot.say("到位 功能膜项目 3亿", { from: "u1" });
    const data = await priorWorkbook([
      ["城西镇", 9, 1, 1, 3],
      ["城西镇", "10月", 1.5, 0, 2],
      ["晋熙镇", 10, 0.5, 1, 1],
      ["全县合计", 10, 2, 1, 3],
    ]);
    const result = await importLedger(bot.store, data, options(false));
    expect(result.ok, result.report).toBe(true);
    expect(result.report).toContain("2025年各单位月度数据 3 行（用于同比）");
    const period = (parseBulletinPeriod("10月", "2026-11-03") as { ok: true; period: never }).period;
    const bulletin = await loadBulletin(bot.store, period);
    const chengxi = bulletin.units.find((u) => u.name === "城西镇")!;
    // Jan–Oct 2026: 3亿 against 2.5亿 in Jan–Oct 2025 → +20%.
    expect(chengxi.metrics.fundsArrived.lastYear).toBe(250_000_000);
    expect(chengxi.metrics.fundsArrived.yoy).toBeCloseTo(0.2, 10);
    expect(chengxi.metrics.signingCount.yoy).toBeCloseTo(0, 10);
    expect(bulletin.county.fundsArrived.lastYear).toBe(300_000_000);

    await importLedger(bot.store, await priorWorkbook([["城西镇", 10, 0.5, 0, 2]]), options(false));
    const again = await loadBulletin(bot.store, period);
    expect(again.units.find((u) => u.name === "城西镇")!.metrics.fundsArrived.lastYear).toBe(150_000_000);
  });

  it("lists unknown units and bad months and writes nothing", async () => {
    bot = await createSeededBot("2026-10-12T10:00:00+08:00");
    const result = await importLedger(
      bot.store,
      await priorWorkbook([
        ["城南新区", 3, 1, 0, 0],
        ["城西镇", 13, 1, 0, 0],
      ]),
      options(false),
    );
    expect(result.ok).toBe(false);
    expect(result.report).toContain("上年同期 第2行 A列「单位」：没有这个单位「城南新区」");
    expect(result.report).toContain("上年同期 第3行 B列「月份」：月份应为 1–12，不是「13」");
  });
});
