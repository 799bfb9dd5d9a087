// Calendar arithmetic on China civil dates.
//
// China has used UTC+8 all year since 1991, so a fixed offset is exact and avoids
// depending on ICU time-zone data or on the server's TZ setting. All date maths is done
// on "epoch days" (days since 1970-01-01, proleptic Gregorian) with Howard Hinnant's
// days_from_civil / civil_from_days integer algorithms: no local time anywhere, and cheap
// enough for the parser's hot path (findDate resolves a date on most lines).

import type { IsoDate } from "./types.ts";

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Epoch day of a civil date (month 1–12). Valid for any year, unlike Date.UTC (which maps 0–99 to 19xx). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Civil date [year, month 1–12, day] of an epoch day. */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return [y, m, d];
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function fromEpochDay(day: number): IsoDate {
  const [y, m, d] = civilFromDays(day);
  return `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(d)}`;
}

function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
}

/** Epoch day of an IsoDate. Throws on malformed input rather than computing garbage downstream. */
function toEpochDay(date: IsoDate): number {
  const y = digitAt(date, 0) * 1000 + digitAt(date, 1) * 100 + digitAt(date, 2) * 10 + digitAt(date, 3);
  const m = digitAt(date, 5) * 10 + digitAt(date, 6);
  const d = digitAt(date, 8) * 10 + digitAt(date, 9);
  if (date.length !== 10 || date[4] !== "-" || date[7] !== "-" || !isValidDate(y, m, d)) {
    throw new RangeError(`not an IsoDate: ${JSON.stringify(date)}`);
  }
  return daysFromCivil(y, m, d);
}

/** Civil date in Asia/Shanghai (UTC+8 all year, no DST) of an instant. Must not depend on the server's time zone. */
export function chinaDate(now: Date): IsoDate {
  return fromEpochDay(Math.floor((now.getTime() + CHINA_OFFSET_MS) / DAY_MS));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** b − a in whole days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

function weekdayOfDay(day: number): number {
  // 1970-01-01 was a Thursday (ISO 4); the double modulo keeps pre-1970 dates correct.
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** 1 = Monday … 7 = Sunday. */
export function weekday(date: IsoDate): number {
  return weekdayOfDay(toEpochDay(date));
}

/** Monday of the week containing date (weeks run Monday–Sunday). */
export function weekStart(date: IsoDate): IsoDate {
  const day = toEpochDay(date);
  return fromEpochDay(day + 1 - weekdayOfDay(day));
}

/** ISO-8601 week number and its year, e.g. 2026-03-09 → { year: 2026, week: 11 }, 2026-11-16 → { year: 2026, week: 47 }, 2027-01-01 → { year: 2026, week: 53 }. */
export function isoWeek(date: IsoDate): { year: number; week: number } {
  // The ISO week belongs to the year that contains its Thursday.
  const day = toEpochDay(date);
  const thursday = day + 4 - weekdayOfDay(day);
  const year = civilFromDays(thursday)[0];
  return { year, week: Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1 };
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
