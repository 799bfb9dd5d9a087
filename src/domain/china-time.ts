// Calendar arithmetic on China civil dates.
//
// China has used UTC+8 all year since 1991, so a fixed offset is exact and avoids
// depending on the ICU time-zone data or on the server's TZ setting. All date maths is
// done on "epoch days" (days since 1970-01-01) through Date.UTC, which is time-zone free
// and handles leap years for us.

import type { IsoDate } from "./types.ts";

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function formatUtc(d: Date): IsoDate {
  const y = d.getUTCFullYear();
  // Years outside 0000–9999 never occur in reports; plain padding keeps this fast.
  return `${String(y).padStart(4, "0")}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** Epoch day number of an IsoDate. Throws on malformed input: callers only pass dates we produced. */
function toEpochDay(date: IsoDate): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (date.length !== 10 || date[4] !== "-" || date[7] !== "-" || !isValidDate(y, m, d)) {
    throw new RangeError(`not an IsoDate: ${JSON.stringify(date)}`);
  }
  return utcDay(y, m, d);
}

/** Like Date.UTC, but without its mapping of years 0–99 to 1900–1999. */
function utcDay(y: number, m: number, d: number): number {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getTime() / DAY_MS;
}

function fromEpochDay(day: number): IsoDate {
  return formatUtc(new Date(day * DAY_MS));
}

/** Civil date in Asia/Shanghai (UTC+8 all year, no DST) of an instant. Must not depend on the server's time zone. */
export function chinaDate(now: Date): IsoDate {
  return formatUtc(new Date(now.getTime() + CHINA_OFFSET_MS));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** b − a in whole days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** 1 = Monday … 7 = Sunday. */
export function weekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (ISO 4); the double modulo keeps pre-1970 dates correct.
  const dow = (((toEpochDay(date) + 3) % 7) + 7) % 7; // 0 = Monday
  return dow + 1;
}

/** Monday of the week containing date (weeks run Monday–Sunday). */
export function weekStart(date: IsoDate): IsoDate {
  return addDays(date, 1 - weekday(date));
}

/** ISO-8601 week number and its year, e.g. 2026-03-09 → { year: 2026, week: 11 }, 2026-11-16 → { year: 2026, week: 47 }, 2027-01-01 → { year: 2026, week: 53 }. */
export function isoWeek(date: IsoDate): { year: number; week: number } {
  // The ISO week belongs to the year that contains its Thursday.
  const thursday = toEpochDay(date) + 4 - weekday(date);
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const jan1 = utcDay(year, 1, 1);
  return { year, week: Math.floor((thursday - jan1) / 7) + 1 };
}

export function isValidDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** The instant at China midnight starting that date. */
export function chinaMidnight(date: IsoDate): Date {
  return new Date(toEpochDay(date) * DAY_MS - CHINA_OFFSET_MS);
}
