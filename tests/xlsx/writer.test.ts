import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/xlsx/reader.ts";
import { createXlsxWriter, sheetBacklog } from "../../src/xlsx/writer.ts";
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

  it("finds exceljs's zip entry stream, which flush() waits on (an exceljs upgrade that moves it fails here)", async () => {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new PassThrough(), useStyles: true });
    const backlog = sheetBacklog(wb.addWorksheet("表"));
    expect(backlog).not.toBeNull();
    expect(backlog!.bytes()).toBe(0);
  });

  it("waits in flush() while nobody reads the output, instead of holding the whole sheet in memory", async () => {
    const out = new PassThrough(); // not read until we say so
    const xlsx = await createXlsxWriter(out);
    const sheet = xlsx.sheet({
      name: "表",
      title: "标题",
      columns: [
        { header: "序号", width: 6, kind: "count" },
        { header: "文字", width: 40, kind: "text" },
      ],
    });
    const text = "招商引资项目进展情况".repeat(10);
    let rows = 0;
    let blocked = false;
    // Batches of 1,000 rows (~0.3 MB of XML each) until flush() stops resolving on its own.
    while (!blocked && rows < 200_000) {
      for (let i = 0; i < 1000; i++) sheet.row([++rows, `${text}${rows}`]);
      let done = false;
      const flushed = sheet.flush().then(() => (done = true));
      for (let turn = 0; turn < 20 && !done; turn++) await new Promise((resolve) => setImmediate(resolve));
      if (!done) {
        blocked = true;
        const chunks: Buffer[] = [];
        out.on("data", (c: Buffer) => chunks.push(c));
        await flushed; // resolves once the output is read
        const ended = new Promise((resolve) => out.on("end", resolve));
        await xlsx.finish();
        await ended;
        const ws = (await openWorkbook(Buffer.concat(chunks))).getWorksheet("表")!;
        // Every row intact (rows are encoded into a reused buffer).
        expect(ws.rowCount).toBe(rows + 2);
        for (let r = 1; r <= rows; r++) {
          expect(ws.getCell(`A${r + 2}`).value).toBe(r);
          expect(ws.getCell(`B${r + 2}`).value).toBe(`${text}${r}`);
        }
      }
    }
    expect(blocked).toBe(true);
    // It stopped long before the whole sheet sat in memory: a few MB of XML at most.
    expect(rows).toBeLessThan(50_000);
  });
});
