// Writes a workbook to memory and opens it again with exceljs, the way a clerk's Excel would.
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";

export async function writeToBuffer(write: (out: PassThrough) => Promise<unknown>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on("end", resolve));
  await write(out);
  await ended;
  return Buffer.concat(chunks);
}

export async function openWorkbook(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

/** Row values of a sheet from `from` on, as plain arrays (column A first). */
export function rowsOf(ws: ExcelJS.Worksheet, from: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = from; r <= ws.rowCount; r++) {
    const values = ws.getRow(r).values as unknown[];
    rows.push(values.slice(1));
  }
  return rows;
}
