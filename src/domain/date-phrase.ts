// Finds the date a free-text report talks about ("3.6 赴苏州", "上周五", "3月8日至9日").
//
// Design: one global regex proposes candidates left to right; each candidate is then
// checked in code (calendar validity, "is this really an amount?" guards). A rejected
// candidate resumes the scan one character later, so the whole search stays linear:
// every alternative is anchored on a literal or a bounded digit run, nothing can
// backtrack catastrophically. The regexes and their group maps are in date-patterns.ts,
// the calendar checks and not-a-date guards in date-checks.ts; this file reads the
// groups of each kind of candidate, applies those checks and runs the scan.

import { parseChineseNumeral } from "./chinese-numeral.ts";
import { addDays, isValidDate, weekStart } from "./china-time.ts";
import {
  explicitYear,
  inferYear,
  iso,
  notADay,
  notAMonthDay,
  notAWeekday,
  quantityFollows,
  yearOf,
} from "./date-checks.ts";
import {
  HEAD_AT,
  HEAD_START,
  MONTH_OFFSET,
  RELATIVE,
  TAIL,
  WEEK_OFFSET,
  WEEK_TAIL,
  WEEKDAY_NUMBER,
} from "./date-patterns.ts";
import type { IsoDate } from "./types.ts";

export interface DateMatch {
  date: IsoDate;
  start: number;
  end: number;
}

interface Head {
  date: IsoDate;
  year: number;
  month: number;
  day: number;
  /** Form allows a bare-day tail ("3月8-9", "3.8-9"). */
  bareDayTail: boolean;
  /** The head ended in a digit: a quantity-looking tail makes the head a quantity too. */
  bare: boolean;
}

type TailResult = { end: number } | "none" | "quantity";

function readTail(text: string, head: Head, pos: number): TailResult {
  TAIL.lastIndex = pos;
  const t = TAIL.exec(text);
  if (!t) return "none";
  const end = pos + t[0].length;
  const sep = t[1];
  let year: number;
  let month: number;
  let day: number;
  let suffixed: boolean;
  let bareDay = false;
  if (t[2] !== undefined) {
    year = Number(t[2]);
    month = Number(t[4]);
    day = Number(t[5]);
    suffixed = false;
  } else if (t[8] !== undefined) {
    year = t[6] !== undefined ? explicitYear(t[6]) : head.year;
    month = Number(t[7]);
    day = Number(t[8]);
    suffixed = t[9] !== undefined;
  } else if (t[11] !== undefined) {
    year = head.year;
    month = Number(t[10]);
    day = Number(t[11]);
    suffixed = t[12] !== undefined;
  } else {
    year = head.year;
    month = head.month;
    day = Number(t[13]);
    suffixed = t[14] !== undefined;
    bareDay = !suffixed;
  }
  if (quantityFollows(text, end, !suffixed)) return "quantity";
  if (bareDay) {
    // "3月8-9" is a range only with a dash-like separator; "3月8日到9" is too ambiguous.
    if (!head.bareDayTail || sep === "至" || sep === "到") return "none";
  }
  if (t[13] !== undefined && day <= head.day) return "none";
  // A tail crossing New Year ("12月30日至1月2日") belongs to the next year; only validity matters here.
  const tailYear = t[2] === undefined && t[6] === undefined && month < head.month ? year + 1 : year;
  if (!isValidDate(tailYear, month, day)) return "none";
  return { end };
}

/** A written date that names no day of the calendar ("6月31日"), and why. */
export interface ImpossibleDate {
  phrase: string;
  reason: string;
}

/** The first date phrase in `text` (already NFKC-normalised: ASCII digits and punctuation), resolved relative to `today` (China date). start/end = UTF-16 span in text (end exclusive) covering the whole phrase, including a range tail like "至9日". null when there is none. */
export function findDate(text: string, today: IsoDate): DateMatch | null {
  return scanDates(text, today, null);
}

/** Like findDate; when there is no date, the first explicit but impossible one ("2月30日") is passed to `impossible`. */
export function scanDates(
  text: string,
  today: IsoDate,
  impossible: ((date: ImpossibleDate) => void) | null,
): DateMatch | null {
  let firstImpossible: ImpossibleDate | null = null;
  // The leftmost candidate first, as a global HEAD search would find it, but the pattern is
  // only tried where a match can start (most characters of a line cannot start one).
  for (let start = 0; start < text.length; start++) {
    const c = text.charCodeAt(start);
    if (HEAD_START[c] !== 1) continue;
    // Every alternative that starts with a digit refuses one right after a digit or letter.
    if (c <= 57 && c >= 48 && start > 0 && isDigitOrLetter(text.charCodeAt(start - 1))) continue;
    HEAD_AT.lastIndex = start;
    const m = HEAD_AT.exec(text);
    if (m === null) continue;
    const headEnd = start + m[0].length;
    const resolved = resolveHead(text, m, today, headEnd);
    if (resolved === null || resolved.kind === "impossible") {
      if (resolved && !firstImpossible) firstImpossible = { phrase: m[0], reason: resolved.reason };
      continue;
    }
    if (resolved.kind === "word") return { date: resolved.date, start, end: resolved.end };
    const head = resolved.head;
    const tail = readTail(text, head, headEnd);
    // "2.5-3.5亿": the whole thing is an amount range, the head is no date either.
    if (tail === "quantity" && head.bare) continue;
    const end = typeof tail === "object" ? tail.end : headEnd;
    return { date: head.date, start, end };
  }
  if (firstImpossible && impossible) impossible(firstImpossible);
  return null;
}

function isDigitOrLetter(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
}

type Resolved =
  | { kind: "word"; date: IsoDate; end: number }
  | { kind: "numeric"; head: Head }
  | { kind: "impossible"; reason: string };

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why an explicit year-month-day is no date: "6月只有30天", "没有13月". */
function impossibleReason(year: number, month: number, day: number): string {
  if (month < 1 || month > 12) return `没有${month}月`;
  if (day < 1) return `没有${day}日`;
  return `${month === 2 ? `${year}年` : ""}${month}月只有${daysIn(year, month)}天`;
}

/** The month `offset` months from today's, and its year. */
function monthFrom(today: IsoDate, offset: number): { year: number; month: number } {
  const index = yearOf(today) * 12 + Number(today.slice(5, 7)) - 1 + offset;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** A day of a given month, or why it is none. */
function dayOf(year: number, month: number, day: number, suffix: string): Resolved {
  if (!isValidDate(year, month, day)) return { kind: "impossible", reason: impossibleReason(year, month, day) };
  return {
    kind: "numeric",
    head: { date: iso(year, month, day), year, month, day, bareDayTail: false, bare: suffix === "" },
  };
}

function resolveHead(text: string, m: RegExpExecArray, today: IsoDate, headEnd: number): Resolved | null {
  if (m[1] !== undefined) {
    if (m[1] === "今日" && text.startsWith("头条", headEnd)) return null; // the news app 今日头条
    return { kind: "word", date: addDays(today, RELATIVE[m[1]] ?? 0), end: headEnd };
  }
  if (m[18] !== undefined) return resolveWeekday(text, m, today, headEnd);
  if (m[19] !== undefined) {
    const { year, month } = monthFrom(today, MONTH_OFFSET[m[19]] ?? 0);
    return dayOf(year, month, Number(m[20]), m[21]!);
  }
  if (m[22] !== undefined) {
    // "5号": this month; a day still ahead means last month's (reports are about the past).
    if (notADay(text, m.index, headEnd, m[23]!)) return null;
    const day = Number(m[22]);
    const here = monthFrom(today, 0);
    const ahead = day > Number(today.slice(8, 10));
    const { year, month } = ahead ? monthFrom(today, -1) : here;
    return dayOf(year, month, day, m[23]!);
  }
  if (m[24] !== undefined) {
    if (notAMonthDay(text, m.index, headEnd)) return null;
    const date = inferYear(Number(m[24]), Number(m[26]), today);
    if (date === null) return null;
    return {
      kind: "numeric",
      head: { date, year: yearOf(date), month: Number(m[24]), day: Number(m[26]), bareDayTail: false, bare: true },
    };
  }
  if (m[27] !== undefined) {
    const month = parseChineseNumeral(m[27]) ?? 0;
    const day = parseChineseNumeral(m[28]!) ?? 0;
    if (month < 1 || month > 12 || day < 1 || day > 31)
      return { kind: "impossible", reason: impossibleReason(yearOf(today), month, day) };
    const date = inferYear(month, day, today);
    if (date === null) return { kind: "impossible", reason: impossibleReason(yearOf(today), month, day) };
    return { kind: "numeric", head: { date, year: yearOf(date), month, day, bareDayTail: false, bare: false } };
  }

  let year: number;
  let month: number;
  let day: number;
  let suffix: string | undefined;
  let date: IsoDate | null;
  let bareDayTail = false;
  if (m[2] !== undefined) {
    year = explicitYear(m[2]);
    month = Number(m[3]);
    day = Number(m[4]);
    suffix = m[5];
    date = isValidDate(year, month, day) ? iso(year, month, day) : null;
    if (date === null && suffix !== undefined)
      return { kind: "impossible", reason: impossibleReason(year, month, day) };
  } else if (m[6] !== undefined) {
    year = Number(m[6]);
    month = Number(m[8]);
    day = Number(m[9]);
    suffix = undefined;
    date = isValidDate(year, month, day) ? iso(year, month, day) : null;
    if (date === null && m[7] === "-") return { kind: "impossible", reason: impossibleReason(year, month, day) };
  } else if (m[11] !== undefined) {
    month = Number(m[11]);
    day = Number(m[12]);
    suffix = m[13];
    const yearWord = m[10];
    if (yearWord !== undefined) {
      // An explicit 今年/去年/前年 overrides the 180-day guess.
      year = yearOf(today) - (yearWord === "去年" ? 1 : yearWord === "前年" ? 2 : 0);
      date = isValidDate(year, month, day) ? iso(year, month, day) : null;
    } else {
      date = inferYear(month, day, today);
      year = date ? yearOf(date) : yearOf(today);
    }
    if (date === null && suffix !== undefined)
      return { kind: "impossible", reason: impossibleReason(year, month, day) };
    bareDayTail = suffix === undefined;
  } else {
    month = Number(m[14]);
    day = Number(m[15]);
    suffix = m[16];
    date = inferYear(month, day, today);
    year = date ? yearOf(date) : 0;
    bareDayTail = suffix === undefined;
  }
  if (date === null) return null;
  const bare = suffix === undefined;
  if (quantityFollows(text, headEnd, bare)) return null;
  return { kind: "numeric", head: { date, year, month, day, bareDayTail, bare } };
}

function resolveWeekday(text: string, m: RegExpExecArray, today: IsoDate, headEnd: number): Resolved | null {
  const prefix = m[17];
  const wd = m[18] ?? "";
  if (notAWeekday(text, m.index, headEnd, prefix, wd)) return null;
  const offset = WEEK_OFFSET[prefix ?? "本"] ?? 0;
  const n = WEEKDAY_NUMBER[wd] ?? 1;
  let date = addDays(weekStart(today), offset * 7 + n - 1);
  // A bare "周三" typed on a Tuesday means the Wednesday just past: reports are about the past.
  if (prefix === undefined && date > today) date = addDays(date, -7);
  let end = headEnd;
  // "周一至周三": a weekday range; take the start but cover the tail so it is masked too.
  WEEK_TAIL.lastIndex = headEnd;
  const t = WEEK_TAIL.exec(text);
  if (t) end = headEnd + t[0].length;
  return { kind: "word", date, end };
}
