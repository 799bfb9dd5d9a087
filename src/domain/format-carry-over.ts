// How carried-over (续建) projects show in replies: one short line, only when there are any.
import { formatYuan } from "./amount.ts";
import type { Totals } from "./totals.ts";

/** "续建项目 2个（总投资 8.00亿元，不计入今年签约）", or null when there are none. */
export function carryOverLine(t: Pick<Totals, "carryOver" | "carryOverYuan">): string | null {
  if (t.carryOver <= 0) return null;
  const invest = t.carryOverYuan > 0 ? `总投资 ${formatYuan(t.carryOverYuan)}，` : "";
  return `续建项目 ${t.carryOver}个（${invest}不计入今年签约）`;
}
