// Periods people ask about, and 序时进度 (the share of the year elapsed), all in China dates.
import { addDays, daysBetween, isoWeek, weekStart } from "./china-time.ts";
import type { IsoDate } from "./types.ts";

export interface Period {
  kind: "week" | "month" | "year" | "range";
  /** First and last day, inclusive. */
  start: IsoDate;
  end: IsoDate;
  /** How replies name it: "本周（11.16–11.22）", "2026年11月", "2026年". */
  label: string;
}

/** "3.5": month.day, the way reports and digests print dates. */
export const shortDate = (d: IsoDate) => `${Number(d.slice(5, 7))}.${Number(d.slice(8, 10))}`;

/** "2026-W07": the ISO week a date is in, as keys and schedule periods name it. */
export function weekId(date: IsoDate): string {
  const { year, week } = isoWeek(date);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

export function weekOf(date: IsoDate): Period {
  const start = weekStart(date);
  const end = addDays(start, 6);
  const { week } = isoWeek(date);
  return { kind: "week", start, end, label: `第${week}周（${shortDate(start)}–${shortDate(end)}）` };
}

export function monthOf(date: IsoDate): Period {
  const start = `${date.slice(0, 7)}-01`;
  const next =
    Number(date.slice(5, 7)) === 12
      ? `${Number(date.slice(0, 4)) + 1}-01-01`
      : `${date.slice(0, 5)}${String(Number(date.slice(5, 7)) + 1).padStart(2, "0")}-01`;
  return {
    kind: "month",
    start,
    end: addDays(next, -1),
    label: `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月`,
  };
}

/** The year to date: 1 January to `date`. */
export function yearToDate(date: IsoDate): Period {
  return { kind: "year", start: `${date.slice(0, 4)}-01-01`, end: date, label: `${date.slice(0, 4)}年` };
}

/** Words in 明细 and friends: 本周, 上周, 本月, 上月, 今年/本年. */
export function periodFromWord(word: string, today: IsoDate): Period | null {
  switch (word) {
    case "本周":
    case "这周":
      return weekOf(today);
    case "上周":
      return weekOf(addDays(weekStart(today), -1));
    case "本月":
    case "这个月":
      return monthOf(today);
    case "上月":
    case "上个月":
      return monthOf(addDays(monthOf(today).start, -1));
    case "今年":
    case "本年":
      return yearToDate(today);
    default:
      return null;
  }
}

export function daysInYear(year: number): number {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 366 : 365;
}

/**
 * 序时进度: the share of the year elapsed at the end of `date` (30 Sept 2026 → 273/365 ≈ 74.8%,
 * 31 December → 100%).
 */
export function timeProgress(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  return (daysBetween(`${year}-01-01`, date) + 1) / daysInYear(year);
}

/** "6月18日": the date as people say it. */
export function monthDay(date: IsoDate): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}
