// The checks findDate (date-phrase.ts) runs in code on each candidate the date patterns
// propose: calendar resolution (explicit or inferred year, calendar validity) and the
// "is this really a date?" guards (amounts, quantities, counts of weeks or things).
//
// Guards live in code rather than in lookaheads because the rules ("3.5亿" is money,
// "3.5 赴" is a date) read better and fail cheaper there.

import { daysBetween, isValidDate } from "./china-time.ts";
import type { IsoDate } from "./types.ts";

/** Beyond this many days ahead a yearless date is taken as last year's ("12月30日" typed on 1 January). */
const FUTURE_LIMIT_DAYS = 180;

export function iso(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function explicitYear(raw: string): number {
  return raw.length === 2 ? 2000 + Number(raw) : Number(raw);
}

/** Yearless month-day: this year, unless that is more than FUTURE_LIMIT_DAYS ahead. */
export function inferYear(m: number, d: number, today: IsoDate): IsoDate | null {
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
export function quantityFollows(text: string, pos: number, bare: boolean): boolean {
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

/**
 * True when the weekday phrase text[start, headEnd) (optional week `prefix`, weekday
 * character `wd`) is not a date: a count of weeks or things, or a word that merely
 * starts with the weekday.
 */
export function notAWeekday(
  text: string,
  start: number,
  headEnd: number,
  prefix: string | undefined,
  wd: string,
): boolean {
  if (prefix === undefined && COUNT_BEFORE_WEEK.has(text[start - 1] ?? "")) return true;
  const next = text[headEnd];
  if (wd === "天" && next === "气") return true; // "上周天气" is last week's weather
  if (wd !== "日" && wd !== "天" && next !== undefined) {
    if (MEASURE_AFTER_WEEKDAY.has(next)) return true;
    if (next === "项" && text[headEnd + 1] !== "目") return true; // "周三项签约" vs "周三项目会"
    if (next === "位" && text[headEnd + 1] !== "于") return true;
  }
  return false;
}

/** After "5号"/"5日", what makes it a number of something else: 5号楼, 3号线, 2号地块, 5日元, 5日本. */
const NOT_AFTER_DAY_NUMBER = new Set([..."楼线地车厂仓门院机炉井库桩窑文令口路街站台泊堆罐塔馆池房棚位铺段区栋座号项"]);
/** Before a bare "5号" only a boundary or a word that introduces a date: "再生铜0号项目", "同时签约1号" are names. */
const DAY_MAY_FOLLOW = new Set([..." ,;:!?。，、；：！？(（【[于在是"]);
const NOT_AFTER_DAY_SUN = new Set([..."元本产"]);

/**
 * What may follow "项目5号" for the number to be the day of the event ("功能膜项目5号开工"), not the
 * project's number ("光伏项目3号" stays a name).
 */
const EVENT_AFTER_DAY = [
  "开工",
  "动工",
  "投产",
  "试产",
  "签约",
  "签订",
  "签署",
  "落地",
  "落户",
  "入库",
  "纳统",
  "入统",
  "到位",
  "到账",
  "竣工",
  "正式",
  "顺利",
  "成功",
  "已",
];

/** "项目5号开工": a day glued between 项目 and an event word. */
export function dayBeforeEvent(text: string, start: number, end: number): boolean {
  return text.startsWith("项目", start - 2) && EVENT_AFTER_DAY.some((w) => text.startsWith(w, end));
}

/** A bare "5号"/"28日" that is no day: a count, a number of something, "第5号". */
export function notADay(text: string, start: number, end: number, suffix: string): boolean {
  if (start > 0 && !DAY_MAY_FOLLOW.has(text[start - 1]!) && !dayBeforeEvent(text, start, end)) return true;
  if (text[start] === "0" && (end - start === 2 || text[start + 1] === "0")) return true;
  const next = text[end];
  if (next === undefined) return false;
  if (suffix === "号" && NOT_AFTER_DAY_NUMBER.has(next)) return true;
  if (suffix === "日" && NOT_AFTER_DAY_SUN.has(next)) return true;
  return isDigit(next) || isAsciiLetter(next) || (start > 0 && text[start - 1] === "第");
}

/** "5-26"/"6/12" followed by what makes it a quantity or ratio range: "5-10人", "3-5亿", "1/3以上". */
const NOT_AFTER_MONTH_DAY = new Set([..."人家个名次批位项天年月日号期亿万千百元吨亩米%倍台套件户栋层"]);

export function notAMonthDay(text: string, _start: number, end: number): boolean {
  if (quantityFollows(text, end, true)) return true;
  let i = end;
  while (text[i] === " ") i++;
  const next = text[i];
  return next !== undefined && (NOT_AFTER_MONTH_DAY.has(next) || next === "以" || next === "之");
}
