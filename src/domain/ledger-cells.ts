// Reading one cell of a clerk's ledger: amounts (numbers in the column's unit, or Chinese amount
// text), dates (spreadsheet dates, Excel serial numbers, or text), 是/否, and 项目来源地.
import { parseMoney } from "./amount.ts";
import { addDays, isValidDate } from "./china-time.ts";
import type { Currency, IsoDate, Source } from "./types.ts";

export type Cell = string | number | Date | null;

/** How a column's bare numbers scale: 万元 (the clerk's default), 亿元, 元, or 万美元. */
export interface AmountScale {
  currency: Currency;
  factor: number;
  label: string;
}

export const WAN_YUAN: AmountScale = { currency: "CNY", factor: 10_000, label: "万元" };
export const WAN_USD: AmountScale = { currency: "USD", factor: 10_000, label: "万美元" };

/** The unit a header names: "总投资（亿元）" → 亿元; none named → null (the caller assumes 万元 and says so). */
export function scaleOfHeader(header: string): AmountScale | null {
  if (header.includes("万美元")) return WAN_USD;
  if (header.includes("美元")) return { currency: "USD", factor: 1, label: "美元" };
  if (header.includes("亿")) return { currency: "CNY", factor: 100_000_000, label: "亿元" };
  if (header.includes("万")) return WAN_YUAN;
  if (header.includes("（元）") || header.includes("(元)")) return { currency: "CNY", factor: 1, label: "元" };
  return null;
}

export const isBlank = (c: Cell) => c === null || (typeof c === "string" && c.trim() === "");

export const cellText = (c: Cell): string =>
  c === null ? "" : c instanceof Date ? c.toISOString().slice(0, 10) : String(c).trim();

export type CellRead<T> = { ok: true; value: T } | { ok: false; problem: string };

/** An amount in integer yuan (or dollars), or null when blank. */
export function readAmount(c: Cell, scale: AmountScale): CellRead<{ currency: Currency; value: number } | null> {
  if (isBlank(c)) return { ok: true, value: null };
  if (typeof c === "number") {
    if (!Number.isFinite(c) || c < 0) return { ok: false, problem: `金额不能为负数：${c}` };
    return { ok: true, value: { currency: scale.currency, value: Math.round(c * scale.factor) } };
  }
  const text = cellText(c).normalize("NFKC").replaceAll(",", "");
  if (/^\d+(?:\.\d+)?$/.test(text))
    return { ok: true, value: { currency: scale.currency, value: Math.round(Number(text) * scale.factor) } };
  const money = parseMoney(text);
  if (!money) return { ok: false, problem: `看不懂的金额「${cellText(c)}」（应为数字，或如 5.2亿、3000万）` };
  return { ok: true, value: money };
}

/** A day count (Excel serial, 1900 system) → date; 60 is Excel's fictitious 1900-02-29. */
export function excelSerialDate(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const whole = Math.floor(serial);
  return addDays("1899-12-30", whole < 60 ? whole + 1 : whole);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A date, or null when blank; `year` fills in "3月5日". */
export function readDate(c: Cell, year: number): CellRead<IsoDate | null> {
  if (isBlank(c)) return { ok: true, value: null };
  if (c instanceof Date) {
    if (Number.isNaN(c.getTime())) return { ok: false, problem: "日期无效" };
    return { ok: true, value: `${c.getUTCFullYear()}-${pad(c.getUTCMonth() + 1)}-${pad(c.getUTCDate())}` };
  }
  if (typeof c === "number") {
    const d = excelSerialDate(c);
    return d ? { ok: true, value: d } : { ok: false, problem: `看不懂的日期「${c}」` };
  }
  const text = cellText(c).normalize("NFKC");
  const full = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  const short = /^(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text);
  const ym = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?$/.exec(text);
  const [y, m, d] = full
    ? [Number(full[1]), Number(full[2]), Number(full[3])]
    : short
      ? [year, Number(short[1]), Number(short[2])]
      : ym
        ? [Number(ym[1]), Number(ym[2]), 1]
        : [0, 0, 0];
  if (!isValidDate(y, m, d) || y < 1990)
    return { ok: false, problem: `看不懂的日期「${cellText(c)}」（如 2026-03-05、2026年3月5日）` };
  return { ok: true, value: `${y}-${pad(m)}-${pad(d)}` };
}

export function readYesNo(c: Cell): CellRead<boolean | null> {
  if (isBlank(c)) return { ok: true, value: null };
  const t = cellText(c);
  if (["是", "√", "✓", "Y", "y", "yes", "1"].includes(t)) return { ok: true, value: true };
  if (["否", "×", "✗", "N", "n", "no", "0"].includes(t)) return { ok: true, value: false };
  return { ok: false, problem: `应为「是」或「否」，不是「${t}」` };
}

/** 项目来源地: 境外, 省外, 市外 (also 市外省内); 市内/县外市内/本市 count as neither (null). */
export function readSource(c: Cell): CellRead<Source | null> {
  if (isBlank(c)) return { ok: true, value: null };
  const t = cellText(c);
  if (t.startsWith("境外") || t === "国外" || t === "外资") return { ok: true, value: "境外" };
  if (t.startsWith("省外")) return { ok: true, value: "省外" };
  if (t.startsWith("市外")) return { ok: true, value: "市外" };
  if (t.startsWith("市内") || t.startsWith("本市") || t.startsWith("县外市内") || t.startsWith("县内"))
    return { ok: true, value: null };
  return { ok: false, problem: `项目来源地应为 境外、省外、市外 或 市内，不是「${t}」` };
}
