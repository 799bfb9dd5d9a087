// The signing date of a project carried over from an earlier year (续建), in the forms people
// write it: 签约于2025-05-12, 签约时间2025.5.12, 签约日期：2025年5月12日, 2025年5月签约, 去年5月签约,
// 前年十月签约. A day may be left out (the month is kept: "2025-05"). Linear: each candidate start
// (a digit run, 去年/前年/大前年, or the words after 签约) is read once over a few characters.
import { parseChineseNumeral } from "./chinese-numeral.ts";
import { isValidDate } from "./china-time.ts";
import type { IsoDate } from "./types.ts";

/** "2025-05-12", or "2025-05" when only the month was given. */
export type SigningDate = string;

export interface SigningDateMatch {
  signedOn: SigningDate;
  /** The span to remove from the line: the date and its 签约 words. */
  start: number;
  end: number;
  /** True when no 签约 word was next to it (a bare earlier-year date): a reading to confirm. */
  bare: boolean;
}

export type SigningDateOutcome = { ok: true; match: SigningDateMatch } | { ok: false; problem: string } | null;

interface DateExpr {
  year: number;
  month: number | null;
  day: number | null;
  end: number;
  /** The year was written out (2025), not relative (去年). */
  explicitYear: boolean;
}

const RELATIVE_YEARS: ReadonlyArray<readonly [string, number]> = [
  ["大前年", 3],
  ["前年", 2],
  ["去年", 1],
];
const CN_CHARS = "〇零一二两三四五六七八九十";
/** Words between 签约 and its date: 签约于…, 签约时间…, 签约日期：…, 签约在…. */
const AFTER_LABELS = ["时间", "日期", "日", "于", "在"];
const JOINERS = [":", "为", "是", "于", "在"];
/** Words between a date and the 签约 after it: 2025年5月已签约, 2025年5月正式签约. */
const BEFORE_VERB = ["已经", "已", "正式", "完成"];

const isDigit = (ch: string | undefined) => ch !== undefined && ch >= "0" && ch <= "9";
const isCn = (ch: string | undefined) => ch !== undefined && CN_CHARS.includes(ch);

function skipBlanks(text: string, at: number): number {
  while (text[at] === " ") at++;
  return at;
}

function skipWords(text: string, at: number, words: readonly string[]): number {
  for (let again = true; again; ) {
    again = false;
    at = skipBlanks(text, at);
    for (const word of words) {
      if (text.startsWith(word, at)) {
        at += word.length;
        again = true;
        break;
      }
    }
  }
  return skipBlanks(text, at);
}

/** A number of at most `max` digits (or Chinese numerals) at `at`. */
function readNumber(text: string, at: number, max: number): { value: number; end: number } | null {
  let end = at;
  if (isDigit(text[at])) {
    while (end - at < max && isDigit(text[end])) end++;
    if (isDigit(text[end])) return null;
    return { value: Number(text.slice(at, end)), end };
  }
  while (end - at < 3 && isCn(text[end])) end++;
  if (end === at) return null;
  const value = parseChineseNumeral(text.slice(at, end));
  return value === null ? null : { value, end };
}

/** A date expression starting exactly at `at`: 2025-05-12, 2025.5.12, 2025年5月12日, 2025年5月, 去年5月. */
function readDate(text: string, at: number, thisYear: number): DateExpr | null {
  let year: number;
  let pos: number;
  let sep: string | null = null;
  const relative = RELATIVE_YEARS.find(([word]) => text.startsWith(word, at));
  if (relative) {
    year = thisYear - relative[1];
    pos = at + relative[0].length;
  } else {
    if (!isDigit(text[at]) || isDigit(text[at - 1])) return null;
    const digits = readNumber(text, at, 4);
    if (!digits || digits.end - at !== 4) return null;
    year = digits.value;
    pos = digits.end;
    const next = text[pos];
    if (next === "年") pos++;
    else if (next === "-" || next === "." || next === "/") {
      sep = next;
      pos++;
    } else return null;
  }
  const month = readNumber(text, pos, 2);
  if (!month || month.value < 1 || month.value > 12) {
    // A year alone ("2024年签约"): the caller asks for the month.
    return sep ? null : { year, month: null, day: null, end: pos, explicitYear: !relative };
  }
  pos = month.end;
  if (sep) {
    if (text[pos] !== sep) return { year, month: month.value, day: null, end: pos, explicitYear: true };
    pos++;
  } else if (text[pos] === "月") pos++;
  else return null;
  const day = readNumber(text, pos, 2);
  if (!day) return { year, month: month.value, day: null, end: pos, explicitYear: !relative };
  let end = day.end;
  if (text[end] === "日" || text[end] === "号") end++;
  if (!isValidDate(year, month.value, day.value)) return null;
  return { year, month: month.value, day: day.value, end, explicitYear: !relative };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Where a date expression may begin: a digit run's start, or a relative year word. */
function mayStart(text: string, at: number): boolean {
  const ch = text[at];
  if (isDigit(ch)) return !isDigit(text[at - 1]);
  return ch === "去" || ch === "前" || ch === "大";
}

/**
 * Finds the signing date in a 续建 line. `today` decides 去年 and which years are earlier.
 * null: no signing date at all; ok false: one was written but cannot be used (the reason).
 */
export function findSigningDate(text: string, today: IsoDate): SigningDateOutcome {
  const thisYear = Number(today.slice(0, 4));
  let found: { expr: DateExpr; start: number; end: number; bare: boolean } | null = null;
  let bare: { expr: DateExpr; start: number; end: number; bare: boolean } | null = null;
  let bareCount = 0;
  for (let at = 0; at < text.length && !found; at++) {
    if (text.startsWith("签约", at)) {
      // 签约于 / 签约时间 / 签约日期：… followed by the date.
      const from = skipWords(text, skipWords(text, at + 2, AFTER_LABELS), JOINERS);
      const expr = readDate(text, from, thisYear);
      if (expr) found = { expr, start: at, end: expr.end, bare: false };
      continue;
    }
    if (!mayStart(text, at)) continue;
    const expr = readDate(text, at, thisYear);
    if (!expr) continue;
    const verb = skipWords(text, expr.end, BEFORE_VERB);
    if (text.startsWith("签约", verb)) {
      const before = text[at - 1] === "于" || text[at - 1] === "在" ? at - 1 : at;
      found = { expr, start: before, end: verb + 2, bare: false };
    } else if (expr.explicitYear && expr.day !== null) {
      bareCount++;
      bare ??= { expr, start: at, end: expr.end, bare: true };
    }
    at = expr.end - 1;
  }
  const chosen = found ?? (bareCount === 1 && bare && bare.expr.year < thisYear ? bare : null);
  if (!chosen) return null;
  const { expr } = chosen;
  if (expr.month === null) return { ok: false, problem: `签约日期请写到月份（如 ${expr.year}年5月签约）。` };
  if (expr.year >= thisYear) {
    return {
      ok: false,
      problem: `签约日期在${expr.year}年，不是往年签约的项目。今年签约的项目请发「签约」登记（如 签约 年产10万吨功能膜项目 5.2亿元 新材料 省外）。`,
    };
  }
  if (expr.year < thisYear - 30) return { ok: false, problem: `签约年份 ${expr.year} 过早，请核对。` };
  const signedOn = `${expr.year}-${pad(expr.month)}${expr.day !== null ? `-${pad(expr.day)}` : ""}`;
  return { ok: true, match: { signedOn, start: chosen.start, end: chosen.end, bare: chosen.bare } };
}

/** The day a signing date stands for where a day is needed (history, sheets): the 1st for a month. */
export function signingDay(signedOn: SigningDate): IsoDate {
  return signedOn.length === 7 ? `${signedOn}-01` : signedOn;
}

/** "2025-05-12", or "2025年5月" when only the month is known. */
export function formatSigningDate(signedOn: SigningDate): string {
  return signedOn.length === 7 ? `${signedOn.slice(0, 4)}年${Number(signedOn.slice(5, 7))}月` : signedOn;
}
