import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/xlsx/reader.ts";
import { createXlsxWriter } from "../../src/xlsx/writer.ts";
import { openWorkbook, writeToBuffer } from "./workbook-helpers.ts";

const RISKY = ["=1+1", "+86 123", "-2", "@SUM(A1)", "\tTAB", "\rCR", '=HYPERLINK("http://evil","点我")'];

async function sheetWith(values: Array<string | number | null>) {
  return writeToBuffer(async (out) => {
    const xlsx = await createXlsxWriter(out);
    const sheet = xlsx.sheet({
      name: "表",
      title: "标题",
      columns: values.map((_, i) => ({ header: `列${i}`, width: 10, kind: "text" as const })),
    });
    sheet.row(values);
    await xlsx.finish();
  });
}

describe("the xlsx writer", () => {
  it("writes text that looks like a formula as text, never as a formula", async () => {
    const wb = await openWorkbook(await sheetWith(RISKY));
    const row = wb.getWorksheet("表")!.getRow(3);
    RISKY.forEach((text, i) => {
      const cell = row.getCell(i + 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      // XML normalises a CR to LF; what matters is that it stays text.
      expect(cell.value).toBe(text.replace("\r", "\n"));
    });
  });

  it("reads back what it wrote, merged title included", async () => {
    const sheets = await readXlsx(await sheetWith(["城西镇", 12.5, null, "=1"]));
    expect(sheets[0]!.rows[0]).toEqual(["标题", "标题", "标题", "标题"]);
    expect(sheets[0]!.rows[2]).toEqual(["城西镇", 12.5, null, "=1"]);
  });
});
