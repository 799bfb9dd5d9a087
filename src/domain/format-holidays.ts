// The 节假日 reply: one year's days off by festival (consecutive days as a range) and its
// make-up workdays, with where the year's arrangement comes from.
import { addDays, weekday } from "./china-time.ts";
import type { HolidayYear } from "./holidays.ts";
import type { IsoDate } from "./types.ts";

const WEEKDAYS = ["", "周一", "周二", "周三", "周四", "周五", "周六", "周日"];

const short = (d: IsoDate) => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** Sorted dates → "2月5日–2月8日（4天）、2月10日". */
export function formatDateRuns(dates: readonly IsoDate[]): string {
  const sorted = [...dates].sort();
  const runs: Array<[IsoDate, IsoDate, number]> = [];
  for (const d of sorted) {
    const last = runs.at(-1);
    if (last && addDays(last[1], 1) === d) {
      last[1] = d;
      last[2] += 1;
    } else runs.push([d, d, 1]);
  }
  return runs.map(([a, b, n]) => (n === 1 ? short(a) : `${short(a)}–${short(b)}（${n}天）`)).join("、");
}

export function formatHolidayYear(year: number, table: HolidayYear | undefined, changedDays: number): string {
  const lines = [`📅 ${year}年节假日安排`];
  if (!table || (Object.keys(table.holidays).length === 0 && table.workdays.length === 0)) {
    lines.push(
      "还没有这一年的安排：定时推送只按周末休息。",
      `管理员可以添加，例如：节假日 ${year} 放假 春节 ${year}-02-05..${year}-02-11`,
    );
    return lines.join("\n");
  }
  const festivals = Object.entries(table.holidays).sort(([, a], [, b]) => (a[0] ?? "").localeCompare(b[0] ?? ""));
  lines.push("放假：");
  for (const [name, days] of festivals) lines.push(`· ${name} ${formatDateRuns(days)}`);
  lines.push(
    table.workdays.length > 0
      ? `调休上班：${[...table.workdays]
          .sort()
          .map((d) => `${short(d)}（${WEEKDAYS[weekday(d)]}）`)
          .join("、")}`
      : "调休上班：无",
  );
  if (table.provisional) lines.push("⚠️ 暂按法定节日排列，调休待国务院通知发布后由管理员补充。");
  if (changedDays > 0) lines.push(`其中 ${changedDays} 天由管理员调整（「节假日 ${year} 删除 日期」可撤回）。`);
  return lines.join("\n");
}
