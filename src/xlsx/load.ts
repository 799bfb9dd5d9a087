// exceljs is loaded on first use: it costs over a second of start-up, which every process
// (serve, console, schedule) would otherwise pay whether or not it ever touches a workbook.
import type ExcelJS from "exceljs";

let loading: Promise<typeof ExcelJS> | null = null;

export function loadExcelJs(): Promise<typeof ExcelJS> {
  loading ??= import("exceljs").then((m) => m.default);
  return loading;
}
