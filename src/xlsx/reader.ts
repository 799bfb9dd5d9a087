// The one place that reads xlsx. A sheet comes back as a plain grid: merged cells carry their
// top-left value, formula cells their cached result, rich text its plain text, dates as Date.
import type ExcelJS from "exceljs";
import { loadExcelJs } from "./load.ts";
import type { CellValue } from "./writer.ts";

export interface SheetGrid {
  name: string;
  /** rows[0] is spreadsheet row 1; cells[0] is column A. */
  rows: CellValue[][];
}

export async function readXlsx(data: Buffer | Uint8Array): Promise<SheetGrid[]> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheets: SheetGrid[] = [];
  workbook.eachSheet((ws) => {
    const rows: CellValue[][] = [];
    // Once per sheet: columnCount walks every row.
    const width = ws.columnCount;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: CellValue[] = [];
      const last = Math.max(width, row.cellCount);
      for (let c = 1; c <= last; c++) cells.push(plain(row.getCell(c).value));
      while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      rows.push(cells);
    }
    sheets.push({ name: ws.name, rows });
  });
  return sheets;
}

/** The value a clerk sees in a cell. */
function plain(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number") return value;
  if (typeof value === "boolean") return value ? "是" : "否";
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("result" in value) return plain((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ("formula" in value || "sharedFormula" in value) return null; // a formula never calculated
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("text" in value) return typeof value.text === "string" ? value.text : plain(value.text as ExcelJS.CellValue);
    if ("error" in value) return null;
  }
  return null;
}
