// "The 3rd workday of the month": counted with the holiday calendar (调休 Saturdays count).
import { addDays } from "./china-time.ts";
import type { HolidayCalendar } from "./holidays.ts";
import type { IsoDate } from "./types.ts";

/** The n-th workday (1-based) of the month containing `date`. */
export function nthWorkdayOfMonth(date: IsoDate, n: number, calendar: Pick<HolidayCalendar, "isWorkday">): IsoDate {
  const month = date.slice(0, 7);
  let d = `${month}-01`;
  let count = 0;
  let last = d;
  for (let i = 0; i < 31 && d.slice(0, 7) === month; i++, d = addDays(d, 1)) {
    if (!calendar.isWorkday(d)) continue;
    last = d;
    if (++count === n) return d;
  }
  return last; // fewer workdays than n: the month's last workday
}
