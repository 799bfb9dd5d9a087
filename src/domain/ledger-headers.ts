// Finds a ledger's columns by their header text, the way clerks name them. The header may sit
// under a merged title row and span two rows ("总投资" over "万元"/"亿元", "到位资金" over
// "1月"…"11月"); each column's header is the texts of those rows joined.
import { cellText, scaleOfHeader, type AmountScale, type Cell } from "./ledger-cells.ts";
import type { Stage } from "./types.ts";

export type LedgerField =
  | "project"
  | "unit"
  | "investor"
  | "industry"
  | "manufacturing"
  | "source"
  | "investment"
  | "investmentUsd"
  | "monthFunds"
  | "funds"
  | "fundsUsd"
  | "progress"
  | "note"
  | Exclude<Stage, "negotiation">
  | "stage";

export type ScaledField = "investment" | "investmentUsd" | "funds" | "fundsUsd" | "monthFunds" | "monthly";

export interface LedgerColumns {
  /** 0-based column index per field. */
  at: Partial<Record<LedgerField, number>>;
  /** Header text per field, for problems ("H列「总投资（万元）」"). */
  header: Partial<Record<LedgerField, string>>;
  /** Funds of one month each: column, month 1–12. */
  monthly: Array<{ column: number; month: number; header: string }>;
  /** Unit of the investment, funds and monthly columns; null where the header names none. */
  scale: Partial<Record<ScaledField, AmountScale | null>>;
  /** 0-based index of the header's last row; data starts below. */
  headerEnd: number;
  headerStart: number;
}

/** Header text without spaces, line breaks, or full-width parentheses. */
export function normalizeHeader(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").replaceAll("（", "(").replaceAll("）", ")");
}

const has = (t: string, ...words: string[]) => words.some((w) => t.includes(w));

/** The field a header names, in the order that resolves overlaps (累计到位 before 到位…). */
export function fieldOfHeader(raw: string): LedgerField | null {
  const t = normalizeHeader(raw);
  if (t === "" || has(t, "序号", "亿元以上")) return null;
  if (has(t, "本月到位", "当月到位")) return "monthFunds";
  if (has(t, "到位") && !/\d{1,2}月/.test(t)) return has(t, "美元") ? "fundsUsd" : "funds";
  if (has(t, "签约时间", "签约日期")) return "signing";
  if (has(t, "落地时间", "落地日期", "注册时间", "注册日期")) return "landed";
  if (has(t, "开工时间", "开工日期")) return "started";
  if (has(t, "投产时间", "投产日期")) return "producing";
  if (has(t, "入库时间", "入库日期", "入统时间", "入统日期")) return "registered";
  if (has(t, "总投资", "投资额", "计划投资", "协议投资", "投资总额"))
    return has(t, "美元") ? "investmentUsd" : "investment";
  if (has(t, "项目名称") || t === "项目") return "project";
  if (has(t, "责任单位", "所属单位", "招商单位", "牵头单位") || t === "单位" || t === "乡镇") return "unit";
  if (has(t, "投资方", "投资主体", "投资商", "签约企业", "企业名称", "投资企业")) return "investor";
  if (has(t, "是否制造业")) return "manufacturing";
  if (has(t, "产业类别", "产业类型", "行业", "产业")) return "industry";
  if (has(t, "来源地", "来源")) return "source";
  if (has(t, "当前阶段", "项目阶段", "推进阶段")) return "stage";
  if (has(t, "进展", "进度情况")) return "progress";
  if (has(t, "备注")) return "note";
  return null;
}

/** "到位资金3月" / "3月到位" / "3月份": a month's funds column. */
function monthOfHeader(raw: string): number | null {
  const t = normalizeHeader(raw);
  const m = /(\d{1,2})月/.exec(t);
  if (!m || !has(t, "到位")) return null;
  const month = Number(m[1]);
  return month >= 1 && month <= 12 ? month : null;
}

const text = (c: Cell | undefined) => (c === undefined ? "" : cellText(c));

/** A title row: one text (a merged cell repeats it) across all its cells. */
function isTitleRow(row: readonly Cell[]): boolean {
  const values = new Set(row.map(text).filter(Boolean));
  return values.size <= 1;
}

function columnsFrom(rows: ReadonlyArray<readonly Cell[]>, start: number, end: number): LedgerColumns {
  const width = Math.max(...rows.slice(start, end + 1).map((r) => r.length), 0);
  const cols: LedgerColumns = { at: {}, header: {}, monthly: [], scale: {}, headerStart: start, headerEnd: end };
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (let r = start; r <= end; r++) {
      const t = text(rows[r]![c]);
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    const header = parts.join("");
    if (!header) continue;
    const month = monthOfHeader(header);
    if (month !== null) {
      cols.monthly.push({ column: c, month, header });
      cols.scale.monthly ??= scaleOfHeader(header);
      continue;
    }
    const field = fieldOfHeader(header);
    if (!field || cols.at[field] !== undefined) continue;
    cols.at[field] = c;
    cols.header[field] = header;
    if (
      field === "investment" ||
      field === "investmentUsd" ||
      field === "funds" ||
      field === "fundsUsd" ||
      field === "monthFunds"
    )
      cols.scale[field] = scaleOfHeader(header);
  }
  return cols;
}

const score = (c: LedgerColumns) => Object.keys(c.at).length + (c.monthly.length > 0 ? 1 : 0);

/** The header among the first rows: the one (or two) rows naming the most fields; needs 项目, 单位 and 总投资 or 签约时间. */
export function findLedgerColumns(rows: ReadonlyArray<readonly Cell[]>): LedgerColumns | null {
  let best: LedgerColumns | null = null;
  for (let end = 0; end < Math.min(rows.length, 15); end++) {
    if (isTitleRow(rows[end]!)) continue;
    // Two header rows first: on a tie they win, so "到位资金（万元）" over "本月到位" keeps its unit.
    const candidates = end > 0 && !isTitleRow(rows[end - 1]!) ? [columnsFrom(rows, end - 1, end)] : [];
    candidates.push(columnsFrom(rows, end, end));
    for (const c of candidates) if (!best || score(c) > score(best)) best = c;
  }
  const usable = (c: LedgerColumns) =>
    c.at.project !== undefined &&
    c.at.unit !== undefined &&
    (c.at.investment !== undefined || c.at.signing !== undefined);
  return best && usable(best) ? best : null;
}

/** "H": the spreadsheet letter of a 0-based column. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
