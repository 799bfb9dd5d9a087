// The workbook a clerk hands to a leader: 项目台账 (grouped by unit, subtotals, total),
// 单位进度 (the 通报 table) and 记录明细 (every record, revoked and superseded ones marked).
// Streamed: rows go out as they are built. The records are read once: 记录明细 is written first
// (it is still the third tab) and the 项目台账's facts are folded from that same pass.
import { PassThrough, type Writable } from "node:stream";
import { bulletinPeriod, type BulletinPeriod } from "../domain/bulletin-period.ts";
import type { Bulletin } from "../domain/bulletin.ts";
import {
  addRow,
  emptySums,
  ledgerRow,
  stageText,
  type LedgerRow,
  type LedgerSums,
  type ProjectFacts,
} from "../domain/ledger.ts";
import { STAGE_ORDER, type IsoDate } from "../domain/types.ts";
import { loadBulletin } from "../insights/bulletin-data.ts";
import { createFactsCollector, loadSuperseded, projectsByUnit } from "../insights/ledger-data.ts";
import type { Unit } from "../domain/unit.ts";
import type { Store } from "../store/types.ts";
import { writeBulletinSheet } from "./bulletin-sheet.ts";
import { monthDay, sheetDate, wan } from "./cells.ts";
import { writeRecordSheet } from "./record-sheet.ts";
import { createXlsxWriter, type CellValue, type ColumnSpec, type SheetWriter, type XlsxWriter } from "./writer.ts";

export interface LedgerWorkbookOptions {
  today: IsoDate;
  /** "XX县": the title's first words (COUNTY_NAME). */
  countyName: string;
  /** The 通报 period of the 单位进度 sheet; default the year to date. */
  period?: BulletinPeriod;
}

export function ledgerFileName(countyName: string, today: IsoDate): string {
  return `${countyName}${today.slice(0, 4)}年招商引资项目台账（截至${monthDay(today)}）.xlsx`;
}

export function yearToDatePeriod(today: IsoDate): BulletinPeriod {
  const m = Number(today.slice(5, 7));
  return bulletinPeriod(m === 1 ? "month" : "months", Number(today.slice(0, 4)), 1, m, today)!;
}

const LEDGER_COLUMNS: ColumnSpec[] = [
  { header: "序号", width: 6, kind: "count" },
  { header: "项目名称", width: 30, kind: "wrap" },
  { header: "责任单位", width: 14, kind: "text" },
  { header: "投资方", width: 22, kind: "wrap" },
  { header: "产业类别", width: 12, kind: "text" },
  { header: "是否制造业", width: 8, kind: "text" },
  { header: "项目来源地", width: 9, kind: "text" },
  { header: "总投资（万元）", width: 13, kind: "wan" },
  { header: "总投资（万美元）", width: 12, kind: "wan" },
  { header: "亿元以上", width: 7, kind: "text" },
  { header: "当前阶段", width: 8, kind: "text" },
  { header: "签约日期", width: 11, kind: "date" },
  { header: "落地日期", width: 11, kind: "date" },
  { header: "开工日期", width: 11, kind: "date" },
  { header: "投产日期", width: 11, kind: "date" },
  { header: "入库日期", width: 11, kind: "date" },
  { header: "本月到位（万元）", width: 12, kind: "wan" },
  { header: "累计到位（万元）", width: 13, kind: "wan" },
  { header: "累计到位（万美元）", width: 12, kind: "wan" },
  { header: "最近进展", width: 36, kind: "wrap" },
  { header: "备注", width: 14, kind: "wrap" },
];

const yesNo = (b: boolean | null) => (b === null ? null : b ? "是" : "否");

function projectCells(seq: number, r: LedgerRow): CellValue[] {
  return [
    seq,
    r.project,
    r.unit,
    r.investor,
    r.industry,
    yesNo(r.manufacturing),
    r.source,
    wan(r.investmentYuan),
    wan(r.investmentUsd),
    r.big ? "是" : "否",
    stageText(r.stage),
    ...STAGE_ORDER.filter((s) => s !== "negotiation").map((s) => sheetDate(r.dates[s])),
    wan(r.monthFundsYuan),
    wan(r.fundsYuan),
    wan(r.fundsUsd),
    r.lastText,
    r.note,
  ];
}

function sumCells(label: string, unit: string | null, s: LedgerSums): CellValue[] {
  const cells: CellValue[] = new Array(LEDGER_COLUMNS.length).fill(null);
  cells[1] = label;
  cells[2] = unit;
  cells[7] = wan(s.investmentYuan);
  cells[8] = wan(s.investmentUsd);
  cells[9] = `${s.big}个`;
  cells[16] = wan(s.monthFundsYuan);
  cells[17] = wan(s.fundsYuan);
  cells[18] = wan(s.fundsUsd);
  return cells;
}

function addSums(into: LedgerSums, s: LedgerSums): void {
  for (const key of Object.keys(into) as Array<keyof LedgerSums>) into[key] += s[key];
}

/** Unit by unit in directory order, a batch of units' projects in memory at a time. */
async function writeProjectSheet(
  sheet: SheetWriter,
  store: Store,
  units: readonly Unit[],
  facts: ReadonlyMap<string, ProjectFacts>,
  today: IsoDate,
): Promise<LedgerSums> {
  const total = emptySums();
  let seq = 0;
  for await (const batch of projectsByUnit(store, units)) {
    for (const { unit, projects } of batch) {
      const sums = emptySums();
      for (const project of projects) {
        const row = ledgerRow(project, unit.name, facts.get(project.id), today);
        if (!row) continue;
        addRow(sums, row);
        sheet.row(projectCells(++seq, row));
      }
      if (sums.projects === 0) continue;
      sheet.row(sumCells(`小计（${sums.projects}个项目）`, unit.name, sums), "subtotal");
      addSums(total, sums);
    }
    await sheet.flush();
  }
  sheet.row(sumCells(`合计（${total.projects}个项目）`, null, total), "total");
  return total;
}

/** Writes the workbook; returns the 通报 it put in 单位进度 (callers reuse it). */
export async function writeLedgerWorkbook(
  store: Store,
  out: Writable,
  options: LedgerWorkbookOptions,
): Promise<Bulletin> {
  const { today, countyName } = options;
  const xlsx = await createXlsxWriter(out);
  // The per-project facts and superseded signings live only inside this call: they are garbage
  // before the 通报's figures are loaded, which keeps the export's peak memory down.
  await writeLedgerSheets(xlsx, store, today, countyName);
  const bulletin = await loadBulletin(store, options.period ?? yearToDatePeriod(today));
  writeBulletinSheet(xlsx, bulletin, countyName, 1);
  await xlsx.finish();
  return bulletin;
}

/** 记录明细 (one pass over the records, folding each project's facts) and then 项目台账. */
async function writeLedgerSheets(xlsx: XlsxWriter, store: Store, today: IsoDate, countyName: string): Promise<void> {
  const year = today.slice(0, 4);
  const units = await store.directory.listUnits();
  const superseded = await loadSuperseded(store, units);
  const collector = createFactsCollector();
  await writeRecordSheet(
    xlsx,
    store,
    units,
    superseded,
    { title: `${countyName}${year}年招商引资记录明细（截至${monthDay(today)}）`, tab: 2 },
    collector.add,
  );
  await writeProjectSheet(
    xlsx.sheet({
      name: "项目台账",
      title: `${countyName}${year}年招商引资项目台账（截至${monthDay(today)}）`,
      subtitle: "金额单位：万元（外资：万美元）",
      columns: LEDGER_COLUMNS,
      tab: 0,
    }),
    store,
    units,
    collector.facts,
    today,
  );
}

/** The workbook in memory (a chat reply or a push attachment), with the 通报 it holds. */
export async function ledgerWorkbookBytes(
  store: Store,
  options: LedgerWorkbookOptions,
): Promise<{ bytes: Buffer; bulletin: Bulletin }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve) => out.on("end", () => resolve()));
  const bulletin = await writeLedgerWorkbook(store, out, options);
  await ended;
  return { bytes: Buffer.concat(chunks), bulletin };
}
