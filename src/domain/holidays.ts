// China's public holidays and make-up workdays (调休), for "workdays only" schedules.
// 2026: the State Council's arrangement (国办发明电〔2025〕号 notice of November 2025),
// cross-checked against the chinese-days package. 2027: the statutory days under the 2024
// revision of 《全国年节及纪念日放假办法》 (元旦 1, 春节 除夕–初三, 清明 1, 劳动节 2, 端午 1,
// 中秋 1, 国庆 3), dates from the lunar calendar; the make-up workdays of 2027 come with the
// State Council's notice — add them (HOLIDAYS_FILE, or this table) when it is published.
import { addDays, weekday } from "./china-time.ts";
import type { IsoDate } from "./types.ts";

export interface HolidayYear {
  /** Days off, by festival. */
  holidays: Record<string, readonly IsoDate[]>;
  /** Weekend days that are workdays (调休上班). */
  workdays: readonly IsoDate[];
  /** True while the year lists only the statutory days, before the official arrangement. */
  provisional?: boolean;
}

const range = (from: IsoDate, days: number): IsoDate[] => Array.from({ length: days }, (_, i) => addDays(from, i));

export const CHINA_HOLIDAYS: Record<number, HolidayYear> = {
  2026: {
    holidays: {
      元旦: range("2026-01-01", 3),
      春节: range("2026-02-15", 9),
      清明节: range("2026-04-04", 3),
      劳动节: range("2026-05-01", 5),
      端午节: range("2026-06-19", 3),
      中秋节: range("2026-09-25", 3),
      国庆节: range("2026-10-01", 7),
    },
    workdays: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
  },
  2027: {
    holidays: {
      元旦: ["2027-01-01"],
      春节: range("2027-02-05", 4), // 除夕 is 腊月廿九 (2027-02-05): 腊月 has 29 days that year
      清明节: ["2027-04-05"],
      劳动节: range("2027-05-01", 2),
      端午节: ["2027-06-09"],
      中秋节: ["2027-09-15"],
      国庆节: range("2027-10-01", 3),
    },
    workdays: [],
    provisional: true,
  },
};

export interface HolidayCalendar {
  holidayName(date: IsoDate): string | null;
  isWorkday(date: IsoDate): boolean;
  /** `date` itself when it is a workday, else the closest workday before it. */
  previousWorkday(date: IsoDate): IsoDate;
}

export function createHolidayCalendar(years: Record<number, HolidayYear> = CHINA_HOLIDAYS): HolidayCalendar {
  const names = new Map<IsoDate, string>();
  const workdays = new Set<IsoDate>();
  for (const year of Object.values(years)) {
    for (const [name, days] of Object.entries(year.holidays)) for (const d of days) names.set(d, name);
    for (const d of year.workdays) workdays.add(d);
  }
  const isWorkday = (date: IsoDate) => !names.has(date) && (workdays.has(date) || weekday(date) <= 5);
  return {
    holidayName: (date) => names.get(date) ?? null,
    isWorkday,
    previousWorkday(date) {
      let d = date;
      // A long holiday is at most nine days; the bound keeps a broken table from looping.
      for (let i = 0; i < 31 && !isWorkday(d); i++) d = addDays(d, -1);
      return d;
    },
  };
}

/** An admin's change to one day, stored per date: a day off, a make-up workday, or back to normal. */
export type DayOverride = { kind: "off"; name: string } | { kind: "work" } | { kind: "normal" };

/**
 * The table with the admins' day-by-day changes applied on top. A year that gets a make-up
 * workday from an admin is no longer provisional: 调休 come with the official notice.
 */
export function applyHolidayOverrides(
  years: Record<number, HolidayYear>,
  overrides: Readonly<Record<IsoDate, DayOverride>>,
): Record<number, HolidayYear> {
  const out: Record<number, { holidays: Record<string, IsoDate[]>; workdays: IsoDate[]; provisional?: boolean }> = {};
  for (const [year, y] of Object.entries(years)) {
    out[Number(year)] = {
      holidays: Object.fromEntries(Object.entries(y.holidays).map(([name, days]) => [name, [...days]])),
      workdays: [...y.workdays],
      ...(y.provisional ? { provisional: true } : {}),
    };
  }
  for (const date of Object.keys(overrides).sort()) {
    const change = overrides[date]!;
    const year = (out[Number(date.slice(0, 4))] ??= { holidays: {}, workdays: [] });
    for (const name of Object.keys(year.holidays)) {
      year.holidays[name] = year.holidays[name]!.filter((d) => d !== date);
      if (year.holidays[name]!.length === 0) delete year.holidays[name];
    }
    year.workdays = year.workdays.filter((d) => d !== date);
    if (change.kind === "off") (year.holidays[change.name] ??= []).push(date);
    if (change.kind === "work") {
      year.workdays.push(date);
      delete year.provisional;
    }
  }
  for (const y of Object.values(out)) {
    for (const days of Object.values(y.holidays)) days.sort();
    y.workdays.sort();
  }
  return out;
}
