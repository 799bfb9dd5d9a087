// HOLIDAYS_FILE: the holiday table in the built-in table's shape (src/domain/holidays.ts), as
// YAML or JSON. A year in the file replaces the built-in year; other years stay built in.
//   2027:
//     holidays: { 元旦: [2027-01-01], 春节: [2027-02-05..2027-02-11] }
//     workdays: [2027-02-07, 2027-02-20]
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { addDays, daysBetween, isValidDate, weekday } from "../domain/china-time.ts";
import { CHINA_HOLIDAYS, type HolidayYear } from "../domain/holidays.ts";
import type { IsoDate } from "../domain/types.ts";

const dayText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(\.\.\d{4}-\d{2}-\d{2})?$/, "a date YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD");
const yearSchema = z
  .object({
    holidays: z.record(z.string().min(1).max(20), z.array(dayText)).default({}),
    workdays: z.array(dayText).default([]),
    provisional: z.boolean().optional(),
  })
  .strict();
const fileSchema = z.record(z.string().regex(/^\d{4}$/, "a year such as 2027"), yearSchema);

/** "2027-02-05..2027-02-07" → three dates; problems go to `problems`. */
function expand(text: string, where: string, problems: string[]): IsoDate[] {
  const [from, to = from] = text.split("..") as [string, string?];
  for (const d of [from, to]) {
    const [y, m, day] = d.split("-").map(Number) as [number, number, number];
    if (!isValidDate(y, m, day)) {
      problems.push(`HOLIDAYS_FILE: ${where}: ${d} is not a calendar date`);
      return [];
    }
  }
  const span = daysBetween(from, to);
  if (span < 0 || span > 31) {
    problems.push(`HOLIDAYS_FILE: ${where}: ${text} must run forwards over at most 31 days`);
    return [];
  }
  return Array.from({ length: span + 1 }, (_, i) => addDays(from, i));
}

export function parseHolidayTable(data: unknown, problems: string[]): Record<number, HolidayYear> {
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    problems.push(`HOLIDAYS_FILE: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
    return {};
  }
  const out: Record<number, HolidayYear> = {};
  for (const [yearText, y] of Object.entries(parsed.data)) {
    const year = Number(yearText);
    const inYear = (dates: IsoDate[], where: string) => {
      const outside = dates.filter((d) => !d.startsWith(`${yearText}-`));
      if (outside.length > 0) problems.push(`HOLIDAYS_FILE: ${where}: ${outside[0]} is not in ${year}`);
      return dates;
    };
    const holidays: Record<string, IsoDate[]> = {};
    for (const [name, days] of Object.entries(y.holidays)) {
      holidays[name] = inYear(
        days.flatMap((t) => expand(t, `${year}.holidays.${name}`, problems)),
        `${year}.holidays.${name}`,
      );
    }
    const workdays = inYear(
      y.workdays.flatMap((t) => expand(t, `${year}.workdays`, problems)),
      `${year}.workdays`,
    );
    const off = new Set(Object.values(holidays).flat());
    for (const d of workdays) {
      if (off.has(d)) problems.push(`HOLIDAYS_FILE: ${year}: ${d} is both a holiday and a make-up workday`);
      else if (weekday(d) <= 5)
        problems.push(`HOLIDAYS_FILE: ${year}.workdays: ${d} is a weekday already (make-up workdays are weekends)`);
    }
    out[year] = { holidays, workdays, ...(y.provisional ? { provisional: true } : {}) };
  }
  return out;
}

/** The built-in table with the file's years in place of the built-in ones. */
export function readHolidaysFile(path: string | undefined, problems: string[]): Record<number, HolidayYear> {
  if (!path) return CHINA_HOLIDAYS;
  let data: unknown;
  try {
    const text = readFileSync(path, "utf8");
    data = path.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    problems.push(`HOLIDAYS_FILE: cannot read ${path}: ${(error as Error).message}`);
    return CHINA_HOLIDAYS;
  }
  const before = problems.length;
  const table = parseHolidayTable(data, problems);
  return problems.length > before ? CHINA_HOLIDAYS : { ...CHINA_HOLIDAYS, ...table };
}
