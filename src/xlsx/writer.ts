// The one place that writes xlsx (exceljs's streaming writer behind a small interface, so the
// library can be swapped). Sheets are written one after another and rows leave as they come:
// memory stays flat whatever the number of rows. exceljs writes the workbook, the styles, the
// title and header rows; data rows go straight into the sheet's stream as XML (row-xml.ts),
// because exceljs's per-cell objects made a 100,000-project 台账 take most of a minute.
import type { Writable } from "node:stream";
import type ExcelJS from "exceljs";
import { loadExcelJs } from "./load.ts";
import { type CellValue, columnLetters, rowXml } from "./row-xml.ts";

export type { CellValue };

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
  /**
   * The sheet's place among the tabs (0 = first) when sheets are written in another order (the
   * zip holds them in the order written); default: after the sheets written before it.
   */
  tab?: number;
}

export type RowStyle = "normal" | "subtotal" | "total";

export interface SheetWriter {
  row(values: readonly CellValue[], style?: RowStyle): void;
  /**
   * Hands the rows so far to the zip and waits while too much is waiting to be compressed or
   * written out (a slow disk, pipe or upload): call it between batches of rows.
   */
  flush(): Promise<void>;
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

/** The look of a data cell: shared by every cell of its column and row kind. */
export function cellStyle(kind: ColumnKind, style: RowStyle): Partial<ExcelJS.Style> {
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

/** Row XML is encoded into a buffer this large, which goes to the sheet's stream in one write. */
const CHUNK_BYTES = 256 * 1024;
/** Uncompressed XML allowed to wait for the zip before flush() waits for it to drain. */
const BACKLOG_BYTES = 4 * 1024 * 1024;

/** What this module uses of exceljs's streaming writer beyond its typed API (exceljs 4.x). */
interface StreamingInternals {
  /** The workbook's styles.xml builder: a style object → its index (cached per object). */
  styles: { addStyleModel(style: Partial<ExcelJS.Style>, cellType?: number): number };
}
interface SheetStream {
  /** Copies the chunk into its own buffers before it returns (exceljs's StreamBuf). */
  write(chunk: string | Buffer): unknown;
  /** exceljs's StreamBuf pipes into the zip entry's stream (readable-stream 2): the backlog. */
  pipes?: unknown[];
}
interface EntryStream extends NodeJS.EventEmitter {
  _writableState?: { length?: number; needDrain?: boolean };
  _readableState?: { length?: number };
}

export interface Backlog {
  /** Bytes of the sheet's XML waiting in its zip entry stream, not yet compressed. */
  bytes(): number;
  /** Resolves when that stream has taken everything (at once if it is not full). */
  drained(): Promise<void>;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A sheet's backlog; null if exceljs's internals are not what this version expects. */
export function sheetBacklog(ws: ExcelJS.Worksheet): Backlog | null {
  const target = (ws as unknown as { stream?: SheetStream }).stream?.pipes?.[0] as EntryStream | undefined;
  if (typeof target?._writableState?.length !== "number" || typeof target.once !== "function") return null;
  return {
    bytes: () => (target._writableState?.length ?? 0) + (target._readableState?.length ?? 0),
    drained: () =>
      target._writableState?.needDrain ? new Promise((resolve) => target.once("drain", () => resolve())) : nextTurn(),
  };
}

export async function createXlsxWriter(out: Writable): Promise<XlsxWriter> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "招商助手";
  const internals = workbook as unknown as StreamingInternals;
  // A failed output (a closed pipe, a full disk) ends the waits in flush() instead of hanging them.
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  failed.catch(() => {});
  /** Sends the open sheet's last rows and commits it. */
  let closeCurrent = () => {};
  const tabs: Array<{ ws: ExcelJS.Worksheet; tab: number }> = [];

  return {
    sheet(spec) {
      closeCurrent();
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
      tabs.push({ ws, tab: spec.tab ?? tabs.length });
      // One style index per column and row kind, registered once in styles.xml.
      const styleIds = (style: RowStyle) =>
        spec.columns.map((c) =>
          internals.styles.addStyleModel(
            cellStyle(c.kind, style),
            c.kind === "text" || c.kind === "wrap" ? ExcelJS.ValueType.String : ExcelJS.ValueType.Number,
          ),
        );
      const styles = { normal: styleIds("normal"), subtotal: styleIds("subtotal"), total: styleIds("total") };
      const letters = spec.columns.map((_, i) => columnLetters(i));
      const stream = (ws as unknown as { stream: SheetStream }).stream;
      const backlog = sheetBacklog(ws);
      let next = headerRow + 1;
      // Each row is encoded straight into one reused buffer: no 64 KB string ropes to flatten and
      // encode again, no buffer per chunk for the garbage collector.
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      let used = 0;
      const send = () => {
        if (used > 0) stream.write(chunk.subarray(0, used));
        used = 0;
      };
      closeCurrent = () => {
        send();
        ws.commit();
        closeCurrent = () => {};
      };
      return {
        row(values, style = "normal") {
          // Values are plain strings/numbers/dates, never formulas: text that starts with
          // = + - @ stays text (an xlsx string cell is never evaluated).
          const xml = rowXml(next++, values, letters, styles[style]);
          // A UTF-16 code unit takes at most 3 bytes in UTF-8.
          if (used + xml.length * 3 > CHUNK_BYTES) send();
          if (xml.length * 3 > CHUNK_BYTES) stream.write(xml);
          else used += chunk.write(xml, used);
        },
        async flush() {
          send();
          // Without the backlog (another exceljs), yielding at least lets the zip work.
          const wait = backlog && backlog.bytes() > BACKLOG_BYTES ? backlog.drained() : nextTurn();
          await Promise.race([wait, failed]);
        },
      };
    },

    async finish() {
      closeCurrent();
      if (tabs.some((t, i) => t.tab !== i)) {
        // exceljs lists the tabs (workbook.xml, its rels, print titles) in the order of its
        // worksheet array, which it reads only here: put the sheets in tab order. Sparse from 1,
        // as exceljs keeps it (ids start at 1).
        const internal = workbook as unknown as { _worksheets?: ExcelJS.Worksheet[] };
        if (!Array.isArray(internal._worksheets)) throw new Error("exceljs changed: cannot order the sheets");
        const inTabOrder: ExcelJS.Worksheet[] = [];
        for (const [i, t] of [...tabs].sort((a, b) => a.tab - b.tab).entries()) inTabOrder[i + 1] = t.ws;
        internal._worksheets = inTabOrder;
      }
      await workbook.commit();
    },
  };
}
