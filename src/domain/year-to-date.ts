// Year-to-date totals "as of" a day, from the running totals kept on write. One definition for
// every reader: /status and 排名 (rank now against the end of last week) and the weekly digest
// (the covered week's end against the week before) — including when that day is in last year.
import { addDays, weekStart } from "./china-time.ts";
import { subtractTotals, type Totals } from "./totals.ts";
import type { IsoDate } from "./types.ts";

/** A running-totals hash: a unit's year, ISO week (named by any day in it), month or day. */
export type TotalsScope =
  | { kind: "year"; year: number }
  | { kind: "week"; date: IsoDate }
  | { kind: "month"; date: IsoDate }
  | { kind: "day"; date: IsoDate }
  /** Last year's figures brought in from a ledger (a unit's month, "YYYY-MM"), for 同比. */
  | { kind: "prior"; month: string };

/** The Sunday that ends the week before the one containing `date`: where "last week" ends. */
export function lastWeekEnd(date: IsoDate): IsoDate {
  return addDays(weekStart(date), -1);
}

/**
 * The totals whose difference is the year-to-date at the end of `date`: the year `date` is in,
 * less what is dated after it up to `today` (reports are never dated after today). Whole weeks
 * are taken off as weeks; days of a week that straddles the new year one by one.
 */
export function yearToDateScopes(date: IsoDate, today: IsoDate): TotalsScope[] {
  const year = date.slice(0, 4);
  const scopes: TotalsScope[] = [{ kind: "year", year: Number(year) }];
  let day = addDays(date, 1);
  while (day <= today && day.slice(0, 4) === year) {
    const monday = weekStart(day) === day;
    if (monday && addDays(day, 6).slice(0, 4) === year) {
      scopes.push({ kind: "week", date: day });
      day = addDays(day, 7);
    } else {
      scopes.push({ kind: "day", date: day });
      day = addDays(day, 1);
    }
  }
  return scopes;
}

/** Combines the totals fetched for yearToDateScopes (same order): the year less the rest. */
export function yearToDateFrom(parts: readonly Totals[]): Totals {
  const [year, ...later] = parts;
  if (!year) throw new Error("yearToDateFrom needs the year's totals first");
  return later.reduce(subtractTotals, year);
}
