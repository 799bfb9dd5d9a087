// Finds the date a free-text report talks about ("3.6 赴苏州", "上周五", "3月8日至9日").
//
// Design: one global regex proposes candidates left to right; each candidate is then
// checked in code (calendar validity, "is this really an amount?" guards). A rejected
// candidate resumes the scan one character later, so the whole search stays linear:
// every alternative is anchored on a literal or a bounded digit run, nothing can
// backtrack catastrophically. Guards live in code rather than in lookaheads because the
// rules ("3.5亿" is money, "3.5 赴" is a date) read better and fail cheaper there.

import { addDays, daysBetween, isValidDate, weekStart } from "./china-time.ts";
import type { IsoDate } from "./types.ts";

export interface DateMatch {
  date: IsoDate;
  start: number;
  end: number;
}

/** Beyond this many days ahead a yearless date is taken as last year's ("12月30日" typed on 1 January). */
const FUTURE_LIMIT_DAYS = 180;

const WEEK_PREFIX = "上上个?|上个|上|本|这个|这|下下个?|下个|下";

// Group numbers are referenced below; keep them in sync when editing.
//  1 relative word
//  2 Y  3 M  4 D  5 日/号        — 2026年3月5日 (also 26年3月5日)
//  6 Y  7 sep 8 M  9 D           — 2026-03-05, 2026/3/5, 2026.3.5 (same separator twice)
// 10 year word 11 M 12 D 13 日/号 — 3月5日, 3月5号, 3月5, 去年12月30日
// 14 M 15 D 16 日/号             — 3.5 (M.D)
// 17 week prefix 18 weekday      — 上周五, 本周三, 星期天, 下个礼拜一
// The lookbehinds stop a match from starting inside a longer number ("13.55", "2026.5"),
// after a letter ("v3.5") or a currency sign. "\d年" before "2月29日" means the full form
// was already tried and rejected (invalid date), so the month-day form must not resurrect it.
const HEAD = new RegExp(
  [
    "(大前天|前天|昨天|昨日|今天|今日|明天|明日)",
    "(?<![0-9A-Za-z.])(\\d{4}|\\d{2})年(\\d{1,2})月(\\d{1,2})([日号])?",
    "(?<![0-9A-Za-z.])(\\d{4})([-/.])(\\d{1,2})\\7(\\d{1,2})",
    "(?<![0-9A-Za-z.])(?<!\\d年)(今年|去年|前年)?(\\d{1,2})月(\\d{1,2})([日号])?",
    "(?<![0-9A-Za-z.¥$€£])(\\d{1,2})\\.(\\d{1,2})([日号])?",
    `(${WEEK_PREFIX})?(?:周|星期|礼拜)([一二三四五六日天])`,
  ].join("|"),
  "g",
);

const SEP = "(?:至|到|-|~|〜|—{1,2}|–)";
/** "周一至周三": a weekday range. Only its span matters (the start day is the date). */
const WEEK_TAIL = new RegExp(`\\s*${SEP}\\s*(?:${WEEK_PREFIX})?(?:周|星期|礼拜)[一二三四五六日天]`, "y");

// Range tail after a head. Group 1 = separator, then alternatives, in order:
//  2 Y 3 sep 4 M 5 D             — ISO date
//  6 Y 7 M 8 D 9 日/号           — (2026年)3月9日
// 10 M 11 D 12 日/号             — 3.9
// 13 D 14 日/号                  — 9日, or bare 9 in "3月8-9" / "3.8-9"
const TAIL = new RegExp(
  `\\s*(${SEP})\\s*(?:` +
    [
      "(\\d{4})([-/.])(\\d{1,2})\\3(\\d{1,2})",
      "(?:(\\d{4}|\\d{2})年)?(\\d{1,2})月(\\d{1,2})([日号])?",
      "(\\d{1,2})\\.(\\d{1,2})([日号])?",
      "(\\d{1,2})([日号])?",
    ].join("|") +
    ")",
  "y",
);

const RELATIVE: Record<string, number> = {
  大前天: -3,
  前天: -2,
  昨天: -1,
  昨日: -1,
  今天: 0,
  今日: 0,
  // Future words are resolved (not ignored) so the caller can refuse them with a message
  // instead of silently recording the report under today.
  明天: 1,
  明日: 1,
};

const WEEK_OFFSET: Record<string, number> = {
  上上: -2,
  上上个: -2,
  上个: -1,
  上: -1,
  本: 0,
  这个: 0,
  这: 0,
  下个: 1,
  下: 1,
  下下: 2,
  下下个: 2,
};

const WEEKDAY_NUMBER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

/** Units that, after optional blanks, turn a number into a quantity ("3.5 亿", "2.5%"). From the brief. */
const CORE_UNITS = new Set(["万", "亿", "个", "元", "千", "百", "%", "倍", "吨", "米"]);
/** Words starting with a core unit that are not units: "3.6 百度来访" is a date then Baidu. */
const CORE_UNIT_EXCEPTIONS = ["百度", "米兰", "千岛湖"];
/**
 * Units that only count when glued to the number. With a blank in between, "3.6 年会" or
 * "3.6 天津客商" is far likelier to be a date followed by text than a quantity.
 * 分 is deliberately absent: "3.6分管领导带队" (a date, then "the leader in charge") is
 * common in these reports, a fractional score is not.
 */
const GLUED_UNITS = new Set(["亩", "兆", "瓦", "斤", "克", "升", "‰", "年", "天", "秒", "度", "岁"]);
const GLUED_UNIT_WORDS = ["美元", "欧元", "港元", "日元", "英镑", "平方", "公里", "公顷", "小时", "个月"];
/** Glued "units" that are really the start of a word: 3.6天津, 3.6年会, 3.6度假区. */
const GLUED_UNIT_EXCEPTIONS = ["天津", "年会", "度假"];

/**
 * Characters that, right before a bare 周/星期/礼拜, show a duration or frequency rather
 * than a date ("一周三次", "每周五", "两个星期").
 */
const COUNT_BEFORE_WEEK = new Set([..."0123456789一二两三四五六七八九十百几每数半多个"]);
/**
 * Measure words after 周一…周六 that make the weekday digit a count instead:
 * "上周三家企业来访" is "three firms last week", not "last Wednesday".
 */
const MEASURE_AFTER_WEEKDAY = new Set([..."个家次笔件亿万千百元天"]);

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}

function isAsciiLetter(c: string | undefined): boolean {
  return c !== undefined && ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z"));
}

/**
 * True when what follows position `pos` shows the number just read is not a date:
 * it continues as a longer number or version ("3.5.1"), is glued to letters, or carries a unit.
 * `bare` = the number ended in a digit (no 日/号); a trailing 日 only needs the "日元" check.
 */
function quantityFollows(text: string, pos: number, bare: boolean): boolean {
  const c = text[pos];
  if (!bare) return c === "元"; // "3.5日元" is yen
  if (isDigit(c) || isAsciiLetter(c)) return true;
  if (c === "." && isDigit(text[pos + 1])) return true;
  if (c !== undefined && GLUED_UNITS.has(c) && !startsWithAny(text, pos, GLUED_UNIT_EXCEPTIONS)) return true;
  if (startsWithAny(text, pos, GLUED_UNIT_WORDS)) return true;
  let i = pos;
  while (text[i] === " " || text[i] === "\t") i++;
  const u = text[i];
  return u !== undefined && CORE_UNITS.has(u) && !startsWithAny(text, i, CORE_UNIT_EXCEPTIONS);
}

function startsWithAny(text: string, pos: number, words: readonly string[]): boolean {
  for (const w of words) if (text.startsWith(w, pos)) return true;
  return false;
}

function iso(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

function explicitYear(raw: string): number {
  return raw.length === 2 ? 2000 + Number(raw) : Number(raw);
}

/** Yearless month-day: this year, unless that is more than FUTURE_LIMIT_DAYS ahead. */
function inferYear(m: number, d: number, today: IsoDate): IsoDate | null {
  const y = yearOf(today);
  if (!isValidDate(y, m, d)) {
    // Only 2月29日 in a common year gets here; the previous year can never be chosen for it
    // (Feb 29 is at most ~60 days after 1 January), so it is simply not a date.
    return null;
  }
  const date = iso(y, m, d);
  if (daysBetween(today, date) > FUTURE_LIMIT_DAYS) {
    return isValidDate(y - 1, m, d) ? iso(y - 1, m, d) : null;
  }
  return date;
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

/** The first date phrase in `text` (already NFKC-normalised: ASCII digits and punctuation), resolved relative to `today` (China date). start/end = UTF-16 span in text (end exclusive) covering the whole phrase, including a range tail like "至9日". null when there is none. */
export function findDate(text: string, today: IsoDate): DateMatch | null {
  HEAD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HEAD.exec(text)) !== null) {
    const start = m.index;
    const headEnd = start + m[0].length;
    const resolved = resolveHead(text, m, today, headEnd);
    if (resolved === null) {
      HEAD.lastIndex = start + 1;
      continue;
    }
    if (resolved.kind === "word") return { date: resolved.date, start, end: resolved.end };
    const head = resolved.head;
    const tail = readTail(text, head, headEnd);
    if (tail === "quantity" && head.bare) {
      // "2.5-3.5亿": the whole thing is an amount range, the head is no date either.
      HEAD.lastIndex = start + 1;
      continue;
    }
    const end = typeof tail === "object" ? tail.end : headEnd;
    return { date: head.date, start, end };
  }
  return null;
}

type Resolved = { kind: "word"; date: IsoDate; end: number } | { kind: "numeric"; head: Head };

function resolveHead(text: string, m: RegExpExecArray, today: IsoDate, headEnd: number): Resolved | null {
  if (m[1] !== undefined) {
    if (m[1] === "今日" && text.startsWith("头条", headEnd)) return null; // the news app 今日头条
    return { kind: "word", date: addDays(today, RELATIVE[m[1]] ?? 0), end: headEnd };
  }
  if (m[18] !== undefined) return resolveWeekday(text, m, today, headEnd);

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
  } else if (m[6] !== undefined) {
    year = Number(m[6]);
    month = Number(m[8]);
    day = Number(m[9]);
    suffix = undefined;
    date = isValidDate(year, month, day) ? iso(year, month, day) : null;
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
      year = date ? yearOf(date) : 0;
    }
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
  const start = m.index;
  if (prefix === undefined && COUNT_BEFORE_WEEK.has(text[start - 1] ?? "")) return null;
  const next = text[headEnd];
  if (wd === "天" && next === "气") return null; // "上周天气" is last week's weather
  if (wd !== "日" && wd !== "天" && next !== undefined) {
    if (MEASURE_AFTER_WEEKDAY.has(next)) return null;
    if (next === "项" && text[headEnd + 1] !== "目") return null; // "周三项签约" vs "周三项目会"
    if (next === "位" && text[headEnd + 1] !== "于") return null;
  }
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

