// Reads the admin's 节假日 command: show a year, or change days of it.
//   节假日 2027
//   节假日 2027 调休 2027-02-07 2027-02-20          make-up workdays (weekends only)
//   节假日 2027 放假 春节 2027-02-05..2027-02-11    days off, under a festival's name (default 放假)
//   节假日 2027 删除 2027-02-07                     back to an ordinary day
import { addDays, daysBetween, isValidDate, weekday } from "./china-time.ts";
import type { IsoDate } from "./types.ts";

export type HolidayCommand =
  | { action: "show"; year: number }
  | { action: "work" | "clear"; year: number; dates: IsoDate[] }
  | { action: "off"; year: number; name: string; dates: IsoDate[] };

export type HolidayParse = { ok: true; command: HolidayCommand } | { ok: false; problem: string; example: string };

export const HOLIDAY_EXAMPLES = {
  show: "节假日 2027",
  work: "节假日 2027 调休 2027-02-07 2027-02-20",
  off: "节假日 2027 放假 春节 2027-02-05..2027-02-11",
  clear: "节假日 2027 删除 2027-02-07",
} as const;

const ACTIONS: Record<string, "work" | "off" | "clear"> = {
  调休: "work",
  上班: "work",
  放假: "off",
  休息: "off",
  删除: "clear",
  取消: "clear",
};
const MAX_DATES = 60;
const MAX_RANGE_DAYS = 31;
const NAME = /^[\u4e00-\u9fff]{1,8}$/;

const fail = (problem: string, example: string): HolidayParse => ({ ok: false, problem, example });

/** "2027-02-07", "2027-2-7", "2月7日" (in `year`); null when it is not a date. */
function readDate(text: string, year: number): IsoDate | null | "invalid" {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const cn = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日?$/.exec(text);
  const m = iso ?? cn;
  if (!m) return null;
  const y = m[1] ? Number(m[1]) : year;
  const [mo, d] = [Number(m[2]), Number(m[3])];
  if (!isValidDate(y, mo, d)) return "invalid";
  return `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

export function parseHolidayCommand(args: string, thisYear: number): HolidayParse {
  const words = args.split(/[\s,，、]+/).filter(Boolean);
  if (words.length === 0) return { ok: true, command: { action: "show", year: thisYear } };
  const yearText = words[0]!.replace(/年$/, "");
  if (!/^\d{4}$/.test(yearText)) return fail("请先写年份。", HOLIDAY_EXAMPLES.show);
  const year = Number(yearText);
  if (year < 2000 || year > 2100) return fail(`年份 ${year} 不在 2000–2100 之间。`, HOLIDAY_EXAMPLES.show);
  if (words.length === 1) return { ok: true, command: { action: "show", year } };
  const action = ACTIONS[words[1]!];
  if (!action)
    return fail(`「${words[1]!.slice(0, 10)}」不是可用的操作，请写「调休」「放假」或「删除」。`, HOLIDAY_EXAMPLES.work);
  const example = HOLIDAY_EXAMPLES[action];
  let rest = words.slice(2);
  let name = "放假";
  if (action === "off" && rest[0] && NAME.test(rest[0])) {
    name = rest[0];
    rest = rest.slice(1);
  }
  if (rest.length === 0) return fail("请写出日期。", example);
  const dates = new Set<IsoDate>();
  for (const word of rest) {
    const parts = word.split(/\.\.|至|~|～/);
    if (parts.length > 2) return fail(`看不懂日期「${word.slice(0, 30)}」。`, example);
    const [from, to] = parts.map((p) => readDate(p, year));
    if (!from || from === "invalid" || (parts.length === 2 && (!to || to === "invalid"))) {
      return fail(
        `看不懂日期「${word.slice(0, 30)}」，请写成 ${year}-02-07 或 ${year}-02-15..${year}-02-21。`,
        example,
      );
    }
    const last = (to as IsoDate | undefined) ?? from;
    const span = daysBetween(from, last);
    if (span < 0) return fail(`「${word.slice(0, 30)}」的结束日期早于开始日期。`, example);
    if (span >= MAX_RANGE_DAYS) return fail(`「${word.slice(0, 30)}」超过 ${MAX_RANGE_DAYS} 天。`, example);
    for (let i = 0; i <= span; i++) dates.add(addDays(from, i));
    if (dates.size > MAX_DATES) return fail(`一次最多 ${MAX_DATES} 天。`, example);
  }
  const sorted = [...dates].sort();
  const outside = sorted.filter((d) => Number(d.slice(0, 4)) !== year);
  if (outside.length > 0) return fail(`${outside[0]} 不在 ${year} 年。`, example);
  if (action === "work") {
    const weekdays = sorted.filter((d) => weekday(d) <= 5);
    if (weekdays.length > 0) {
      return fail(`${weekdays.join("、")} 本来就是工作日；调休上班只能是周六或周日。`, example);
    }
  }
  return {
    ok: true,
    command: action === "off" ? { action, year, name, dates: sorted } : { action, year, dates: sorted },
  };
}
