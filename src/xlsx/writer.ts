// The one place that writes xlsx (exceljs's streaming writer behind a small interface, so the
// library can be swapped). Sheets are written one after another, rows are flushed as they come:
// memory stays flat whatever the number of rows.
import type { Writable } from "node:stream";
import type ExcelJS from "exceljs";
import { loadExcelJs } from "./load.ts";

export type CellValue = string | number | Date | null;

/** How a column's cells look: text left, figures right with their number format. */
export type ColumnKind = "text" | "wrap" | "count" | "wan" | "date" | "percent" | "points" | "decimal";

export interface ColumnSpec {
  header: string;
  /** Width in characters (a Chinese character counts about 2). */
  width: number;
  kind: ColumnKind;
}

export interface SheetSpec {
  name: string;
  /** Merged across all columns above the header, e.g. "XX县2026年招商引资项目台账（截至11月30日）". */
  title: string;
  /** A smaller line under the title (units, source); optional. */
  subtitle?: string;
  columns: readonly ColumnSpec[];
}

export type RowStyle = "normal" | "subtotal" | "total";

export interface SheetWriter {
  row(values: readonly CellValue[], style?: RowStyle): void;
}

const NUM_FMT: Partial<Record<ColumnKind, string>> = {
  count: "0",
  wan: "#,##0.00",
  date: "yyyy-mm-dd",
  percent: "0.0%",
  decimal: "0.0",
  points: "+0.0;-0.0;0.0",
};

const THIN = { style: "thin" as const, color: { argb: "FF999999" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = "宋体";

function cellStyle(kind: ColumnKind, style: RowStyle): Partial<ExcelJS.Style> {
  const figure = kind !== "text" && kind !== "wrap";
  const fmt = NUM_FMT[kind];
  return {
    ...(fmt ? { numFmt: fmt } : {}),
    alignment: {
      horizontal: figure ? (kind === "date" ? "center" : "right") : "left",
      vertical: "middle",
      wrapText: kind === "wrap",
    },
    font: { name: FONT, size: 10, bold: style !== "normal" },
    border: BORDER,
    ...(style === "normal"
      ? {}
      : {
          fill: { type: "pattern", pattern: "solid", fgColor: { argb: style === "total" ? "FFFCE4D6" : "FFF2F2F2" } },
        }),
  };
}

export interface XlsxWriter {
  /** Starts the next sheet (the previous one is committed). */
  sheet(spec: SheetSpec): SheetWriter;
  /** Commits the last sheet and the workbook; resolves when everything is written to the stream. */
  finish(): Promise<void>;
}

export async function createXlsxWriter(out: Writable): Promise<XlsxWriter> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "招商助手";
  let current: ExcelJS.Worksheet | null = null;

  return {
    sheet(spec) {
      current?.commit();
      const headerRow = spec.subtitle ? 3 : 2;
      const ws = workbook.addWorksheet(spec.name, {
        pageSetup: {
          paperSize: 9, // A4
          orientation: "landscape",
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
          printTitlesRow: `${headerRow}:${headerRow}`,
          margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
        },
        views: [
          {
            state: "frozen",
            xSplit: 0,
            ySplit: headerRow,
            topLeftCell: `A${headerRow + 1}`,
            activeCell: `A${headerRow + 1}`,
          },
        ],
      });
      ws.columns = spec.columns.map((c) => ({ width: c.width }));
      const n = spec.columns.length;
      const title = ws.getRow(1);
      title.getCell(1).value = spec.title;
      title.getCell(1).font = { name: FONT, size: 16, bold: true };
      title.getCell(1).alignment = { horizontal: "center", vertical: "middle" };
      title.height = 30;
      ws.mergeCells(1, 1, 1, n);
      title.commit();
      if (spec.subtitle) {
        const sub = ws.getRow(2);
        sub.getCell(1).value = spec.subtitle;
        sub.getCell(1).font = { name: FONT, size: 10 };
        sub.getCell(1).alignment = { horizontal: "right" };
        ws.mergeCells(2, 1, 2, n);
        sub.commit();
      }
      const header = ws.getRow(headerRow);
      spec.columns.forEach((c, i) => {
        const cell = header.getCell(i + 1);
        cell.value = c.header;
        cell.font = { name: FONT, size: 10, bold: true };
        cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
        cell.border = BORDER;
      });
      header.height = 32;
      header.commit();
      current = ws;
      // One shared style object per column and row kind: exceljs recognises a style object it has
      // seen and skips re-serialising it, which is what keeps 100,000 rows fast.
      const columnStyles = {
        normal: spec.columns.map((c) => cellStyle(c.kind, "normal")),
        subtotal: spec.columns.map((c) => cellStyle(c.kind, "subtotal")),
        total: spec.columns.map((c) => cellStyle(c.kind, "total")),
      };
      let next = headerRow + 1;
      return {
        row(values, style = "normal") {
          const row = ws.getRow(next++);
          const styles = columnStyles[style];
          for (let i = 0; i < n; i++) {
            const cell = row.getCell(i + 1);
            // Values are assigned as plain strings/numbers/dates, never as {formula}: text that
            // starts with = + - @ stays text (an xlsx string cell is never evaluated).
            cell.value = values[i] ?? null;
            cell.style = styles[i]!;
          }
          row.commit();
        },
      };
    },

    async finish() {
      current?.commit();
      await workbook.commit();
    },
  };
}
