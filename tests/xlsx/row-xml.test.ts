// Data rows are written as XML by our code, not through exceljs's cells: they must read back
// exactly as if exceljs had written them (values, types, number formats, fonts, borders, fills).
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { columnLetters, xmlText } from "../../src/xlsx/row-xml.ts";
import {
  type CellValue,
  type ColumnKind,
  type ColumnSpec,
  cellStyle,
  createXlsxWriter,
  type RowStyle,
} from "../../src/xlsx/writer.ts";
import { openWorkbook, writeToBuffer } from "./workbook-helpers.ts";

const KINDS: ColumnKind[] = ["text", "wrap", "count", "wan", "date", "percent", "points", "decimal"];
const COLUMNS: ColumnSpec[] = KINDS.map((kind) => ({ header: kind, width: 10, kind }));

const ROWS: Array<[CellValue[], RowStyle]> = [
  [["城西镇", "年产10万吨功能膜项目\n二期", 1, 52000.5, new Date("2026-10-08T00:00:00Z"), 0.3, -2.5, 12.25], "normal"],
  [["=1+1", "+86 123", -3, 0.1 + 0.2, null, null, 0, null], "normal"],
  [['<b>&"引号"\'</b>', "控制\u0001字符\u001f\u007f", null, 1e-7, new Date("2026-01-01T00:00:00Z"), 1, 4, 0], "normal"],
  [[null, "小计（2个项目）", 2, 123456789.12, null, null, null, null], "subtotal"],
  [[null, "合计（3个项目）", 3, 0, null, 0.5, null, null], "total"],
];

/** The same sheet through exceljs's own streaming cells (the way the writer used to write rows). */
async function referenceWorkbook(): Promise<Buffer> {
  return writeToBuffer(async (out) => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet("表");
    const styles = {
      normal: KINDS.map((k) => cellStyle(k, "normal")),
      subtotal: KINDS.map((k) => cellStyle(k, "subtotal")),
      total: KINDS.map((k) => cellStyle(k, "total")),
    };
    ROWS.forEach(([values, style], r) => {
      const row = ws.getRow(r + 3);
      KINDS.forEach((_, i) => {
        const cell = row.getCell(i + 1);
        cell.value = values[i] ?? null;
        cell.style = styles[style][i]!;
      });
      row.commit();
    });
    ws.commit();
    await wb.commit();
  });
}

async function ourWorkbook(): Promise<Buffer> {
  return writeToBuffer(async (out) => {
    const xlsx = await createXlsxWriter(out);
    const sheet = xlsx.sheet({ name: "表", title: "标题", columns: COLUMNS });
    for (const [values, style] of ROWS) sheet.row(values, style);
    await sheet.flush();
    await xlsx.finish();
  });
}

function dataCells(ws: ExcelJS.Worksheet) {
  return ROWS.flatMap((_, r) =>
    KINDS.map((_, i) => {
      const cell = ws.getRow(r + 3).getCell(i + 1);
      return { address: cell.address, type: cell.type, value: cell.value, style: cell.style };
    }),
  );
}

describe("row XML", () => {
  it("reads back exactly like exceljs's own cells: values, types, formats, fonts, borders, fills", async () => {
    const ours = (await openWorkbook(await ourWorkbook())).getWorksheet("表")!;
    const reference = (await openWorkbook(await referenceWorkbook())).getWorksheet("表")!;
    expect(dataCells(ours)).toEqual(dataCells(reference));
    // And what a clerk sees: text that looks like a formula is text, control characters are gone.
    expect(ours.getCell("A4").type).toBe(ExcelJS.ValueType.String);
    expect(ours.getCell("A4").value).toBe("=1+1");
    expect(ours.getCell("B5").value).toBe("控制字符");
    expect(ours.getCell("D6").numFmt).toBe("#,##0.00");
    expect(ours.getCell("B7").font?.bold).toBe(true);
  });

  it("names columns like a spreadsheet", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetters)).toEqual([
      "A",
      "B",
      "Z",
      "AA",
      "AB",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
    ]);
  });

  it("escapes markup and drops characters XML cannot carry", () => {
    expect(xmlText("城西镇 A&B")).toBe("城西镇 A&amp;B");
    expect(xmlText(`<a href="x">'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&lt;/a&gt;");
    expect(xmlText("a\u0000b\u0008c\u000bd\u001fe\u007ff\tg\nh\ri")).toBe("abcdef\tg\nh\ri");
    expect(xmlText("")).toBe("");
  });
});
