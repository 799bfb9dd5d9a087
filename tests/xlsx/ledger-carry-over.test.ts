// Issue 15: a 台账 row signed in an earlier year than the import year becomes a 续建 project — not
// a signing of this year — while its milestones and funds keep their own dates; the preview says
// how many, and the exported 台账 marks them.
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createIndustryTable } from "../../src/domain/industry.ts";
import { importLedger } from "../../src/import-ledger.ts";
import { writeLedgerWorkbook } from "../../src/xlsx/ledger-workbook.ts";
import { createTestBot, type TestBot } from "../helpers/test-bot.ts";
import { openWorkbook, rowsOf, writeToBuffer } from "./workbook-helpers.ts";

const today = "2026-11-30";
const now = new Date("2026-11-30T10:00:00+08:00");
const options = (dryRun: boolean) => ({ today, now, industries: createIndustryTable(), dryRun });

let bot: TestBot;
beforeEach(async () => {
  bot = await createTestBot({ now: now.toISOString() });
  await bot.store.directory.addUnit("城西镇");
});
afterEach(async () => bot.close());

async function ledger(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("项目台账");
  ws.addRow([
    "序号",
    "项目名称",
    "责任单位",
    "产业类别",
    "项目来源地",
    "总投资（亿元）",
    "签约时间",
    "开工时间",
    "累计到位（万元）",
  ]);
  ws.addRow([1, "年产10万吨功能膜项目", "城西镇", "新材料", "省外", 5.2, "2025-05-12", "2026-03-01", 3000]);
  ws.addRow([2, "智能装备产业园项目", "城西镇", "高端装备", "市外", 3, "2026-02-01", null, null]);
  ws.addRow([3, "再生铜项目", "城西镇", "新材料", "省外", 2, "2024年10月8日", "2025-06-01", null]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("台账 rows signed before the import year", () => {
  it("are previewed and imported as 续建 projects, their later steps at their own dates", async () => {
    const data = await ledger();
    const preview = await importLedger(bot.store, data, options(true));
    expect(preview.ok, preview.report).toBe(true);
    expect(preview.report).toContain("其中续建项目 2 个（往年签约，不计入今年签约个数和金额）");
    expect(preview.report).toContain("2 个项目签约时间在2026年之前，按续建项目导入");
    expect(preview.report).toContain("签约 1 个 3.00亿元，续建 2 个");

    const done = await importLedger(bot.store, data, options(false));
    expect(done.ok, done.report).toBe(true);
    expect(await bot.yearTotals("城西镇")).toMatchObject({
      signing: 1,
      signingYuan: 300_000_000,
      carryOver: 2,
      carryOverYuan: 720_000_000,
      started: 1,
      fundsYuan: 30_000_000,
    });
    // The 2025 start of the 2024 project stays in 2025.
    expect(await bot.yearTotals("城西镇", 2025)).toMatchObject({ started: 1, signing: 0, carryOver: 0 });
    const carried = [];
    for await (const r of bot.store.records.allRecords()) if (r.kind === "carryOver") carried.push(r);
    expect(carried.map((r) => [r.project, r.signedOn, r.date])).toEqual([
      ["年产10万吨功能膜项目", "2025-05-12", today],
      ["再生铜项目", "2024-10-08", today],
    ]);
    // Importing again writes nothing.
    expect((await importLedger(bot.store, data, options(false))).created).toBe(0);

    const exported = await writeToBuffer((out) => writeLedgerWorkbook(bot.store, out, { today, countyName: "XX县" }));
    const rows = rowsOf((await openWorkbook(exported)).getWorksheet("项目台账")!, 1).map((r) => r.join("|"));
    const film = rows.find((r) => r.includes("年产10万吨功能膜项目"));
    expect(film).toContain("续建（2025年签约）");
    expect(film).toContain("新材料");
    expect(rows.find((r) => r.includes("再生铜项目"))).toContain("续建（2024年签约）");
    expect(rows.find((r) => r.includes("智能装备产业园项目"))).not.toContain("续建");
  });
});
