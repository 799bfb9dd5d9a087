// The periods a 通报 covers: a China-time calendar month ("10月"), a run of months ("1-10月"), a
// quarter ("三季度") — of the current year unless a year is written ("2025年10月").
import { addDays } from "./china-time.ts";
import { parseChineseNumeral } from "./chinese-numeral.ts";
import type { IsoDate } from "./types.ts";

export interface BulletinPeriod {
  kind: "month" | "months" | "quarter";
  year: number;
  /** First and last month covered, 1–12. */
  fromMonth: number;
  toMonth: number;
  start: IsoDate;
  /** Last day covered: the month's last day, or today while the period is still running. */
  end: IsoDate;
  /** Whether the period is still running (end is today). */
  running: boolean;
  /** "2026年10月", "2026年1-10月", "2026年三季度". */
  label: string;
  /** Stable id for schedule periods and file names: "2026-10", "2026-01..10", "2026-Q3". */
  id: string;
}

const QUARTER_WORD = ["一", "二", "三", "四"];

const pad = (n: number) => String(n).padStart(2, "0");

export function monthEnd(year: number, month: number): IsoDate {
  return month === 12 ? `${year}-12-31` : addDays(`${year}-${pad(month + 1)}-01`, -1);
}

/** Builds a period; null when it starts after today (nothing to report yet). */
export function bulletinPeriod(
  kind: BulletinPeriod["kind"],
  year: number,
  fromMonth: number,
  toMonth: number,
  today: IsoDate,
): BulletinPeriod | null {
  const start = `${year}-${pad(fromMonth)}-01`;
  if (start > today) return null;
  const last = monthEnd(year, toMonth);
  const running = last >= today;
  const q = Math.ceil(toMonth / 3);
  const label =
    kind === "quarter"
      ? `${year}年${QUARTER_WORD[q - 1]}季度`
      : kind === "month"
        ? `${year}年${toMonth}月`
        : `${year}年${fromMonth}-${toMonth}月`;
  const id =
    kind === "quarter"
      ? `${year}-Q${q}`
      : kind === "month"
        ? `${year}-${pad(toMonth)}`
        : `${year}-${pad(fromMonth)}..${pad(toMonth)}`;
  return { kind, year, fromMonth, toMonth, start, end: running ? today : last, running, label, id };
}

/** The month containing `date`, so far. */
export function monthPeriod(date: IsoDate, today: IsoDate): BulletinPeriod {
  const m = Number(date.slice(5, 7));
  return bulletinPeriod("month", Number(date.slice(0, 4)), m, m, today)!;
}

/** The calendar month before the one containing `today`. */
export function previousMonth(today: IsoDate): BulletinPeriod {
  return monthPeriod(addDays(`${today.slice(0, 7)}-01`, -1), today);
}

/** The last quarter that ended before `today`. */
export function previousQuarter(today: IsoDate): BulletinPeriod {
  const year = Number(today.slice(0, 4));
  const q = Math.ceil(Number(today.slice(5, 7)) / 3) - 1;
  return q === 0
    ? bulletinPeriod("quarter", year - 1, 10, 12, today)!
    : bulletinPeriod("quarter", year, q * 3 - 2, q * 3, today)!;
}

export type BulletinPeriodParse = { ok: true; period: BulletinPeriod } | { ok: false; problem: string };

const EXAMPLES = "例如：通报、通报 10月、通报 1-10月、通报 三季度、通报 上月";

/**
 * Reads what follows 通报. Empty: this month so far. Accepted: 本月, 上月, 10月, 十月, 1-10月,
 * 1至10月, 三季度, 第3季度, Q3, 上季度, with an optional leading "2025年".
 */
export function parseBulletinPeriod(text: string, today: IsoDate): BulletinPeriodParse {
  let rest = text.replace(/\s+/g, "");
  const thisYear = Number(today.slice(0, 4));
  let year = thisYear;
  const yearMatch = /^(\d{4})年/.exec(rest);
  if (yearMatch) {
    year = Number(yearMatch[1]);
    rest = rest.slice(yearMatch[0].length);
    if (year > thisYear || year < thisYear - 50) return { ok: false, problem: `没有 ${year} 年的通报。${EXAMPLES}` };
  }
  // Without a year, a month or quarter that has not begun this year is last year's ("10月" asked in March).
  const build = (kind: BulletinPeriod["kind"], from: number, to: number): BulletinPeriodParse => {
    const p =
      bulletinPeriod(kind, year, from, to, today) ??
      (yearMatch ? null : bulletinPeriod(kind, year - 1, from, to, today));
    return p ? { ok: true, period: p } : { ok: false, problem: "这个时段还没有开始，没有可通报的数据。" };
  };
  if (rest === "" || rest === "本月")
    return yearMatch && year !== thisYear
      ? { ok: false, problem: `请写明月份，${EXAMPLES}` }
      : { ok: true, period: monthPeriod(today, today) };
  if (rest === "上月" || rest === "上个月") return { ok: true, period: previousMonth(today) };
  if (rest === "上季度" || rest === "上个季度") return { ok: true, period: previousQuarter(today) };
  if (rest === "本季度") {
    const q = Math.ceil(Number(today.slice(5, 7)) / 3);
    return build("quarter", q * 3 - 2, q * 3);
  }
  const quarter = /^(?:第)?([一二三四1-4])季度$/.exec(rest) ?? /^[Qq]([1-4])$/.exec(rest);
  if (quarter) {
    const q = numberOf(quarter[1]!);
    return build("quarter", q * 3 - 2, q * 3);
  }
  const range =
    /^([0-9一二三四五六七八九十]{1,3})(?:月份?)?(?:-|–|—|~|～|至|到)([0-9一二三四五六七八九十]{1,3})月份?$/.exec(rest);
  if (range) {
    const from = numberOf(range[1]!);
    const to = numberOf(range[2]!);
    if (!validMonth(from) || !validMonth(to) || from > to)
      return { ok: false, problem: `月份看不懂：「${text}」。${EXAMPLES}` };
    return build(from === to ? "month" : "months", from, to);
  }
  const month = /^([0-9一二三四五六七八九十]{1,3})月份?$/.exec(rest);
  if (month) {
    const m = numberOf(month[1]!);
    if (!validMonth(m)) return { ok: false, problem: `月份看不懂：「${text}」。${EXAMPLES}` };
    return build("month", m, m);
  }
  return { ok: false, problem: `时段看不懂：「${text}」。${EXAMPLES}` };
}

function numberOf(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : (parseChineseNumeral(s) ?? NaN);
}

function validMonth(m: number): boolean {
  return Number.isInteger(m) && m >= 1 && m <= 12;
}
