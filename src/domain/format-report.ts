// Reply texts for reports: the confirmation that repeats what was understood, and the unit's
// running totals for the year. Pure functions, pinned by snapshot tests.
import { formatUsd, formatYuan } from "./amount.ts";
import type { ReportRecord } from "./record.ts";
import type { Targets } from "./targets.ts";
import type { Totals } from "./totals.ts";
import { KIND_LABEL, STAGE_ORDER } from "./report-kinds.ts";
import { carryOverLine } from "./format-carry-over.ts";
import { formatSigningDate } from "./signing-date.ts";

export function formatMoneyOf(record: Pick<ReportRecord, "amountYuan" | "amountUsd">): string | null {
  if (record.amountYuan !== null) return formatYuan(record.amountYuan);
  if (record.amountUsd !== null) return formatUsd(record.amountUsd);
  return null;
}

/** "签约 · 城西镇" then one line per understood field, then how to undo. */
export function formatConfirmation(record: ReportRecord, unitName: string): string {
  const lines = [`✅ 已登记 #${record.id} ${KIND_LABEL[record.kind]} · ${unitName}`];
  if (record.project) lines.push(`项目：${record.project}`);
  const money = formatMoneyOf(record);
  if (money) lines.push(`${record.kind === "fundsArrived" ? "到位金额" : "总投资"}：${money}`);
  if (record.place) lines.push(`地点：${record.place}`);
  if (record.counterpart) lines.push(`${record.kind === "visitIn" ? "来访" : "对接"}：${record.counterpart}`);
  const tags = [
    record.industry ? `${record.industry}${record.manufacturing ? "（制造业）" : ""}` : null,
    record.source,
  ].filter(Boolean);
  if (tags.length > 0) lines.push(`产业/来源：${tags.join(" · ")}`);
  if (record.signedOn) lines.push(`签约日期：${formatSigningDate(record.signedOn)}（续建，不计入今年签约）`);
  lines.push(`${record.signedOn ? "登记日期" : "日期"}：${record.date}`);
  lines.push(`如有误请发「撤销 #${record.id}」`);
  return lines.join("\n");
}

function count(value: number, target: number | undefined, unit: string): string {
  return target ? `${value}/${target}${unit}` : `${value}${unit}`;
}

function money(value: number, target: number | undefined): string {
  return target ? `${formatYuan(value)}/${formatYuan(target)}` : formatYuan(value);
}

/** The unit's year to date, each figure against its target when one is set. */
export function formatYearTotals(unitName: string, year: number, totals: Totals, targets: Targets): string {
  const lines = [
    `📊 ${unitName} ${year}年累计`,
    `走出去 ${count(totals.visitOut, targets.visitOut, "次")} · 请进来 ${count(totals.visitIn, targets.visitIn, "批")}`,
    `签约 ${count(totals.signing, targets.signingCount, "个")}（亿元以上 ${count(totals.bigSigning, targets.bigSigningCount, "个")}）· ${money(totals.signingYuan, targets.signingAmount)}`,
    `到位资金 ${money(totals.fundsYuan, targets.fundsArrived)}${totals.fundsUsd > 0 ? ` · 境外 ${formatUsd(totals.fundsUsd)}` : ""}`,
  ];
  // Every project stage but 签约, which has its own line above.
  const milestones = STAGE_ORDER.filter((k) => k !== "signing" && totals[k] > 0).map(
    (k) => `${KIND_LABEL[k]} ${totals[k]}`,
  );
  if (milestones.length > 0) lines.push(milestones.join(" · "));
  const carried = carryOverLine(totals);
  if (carried) lines.push(carried);
  return lines.join("\n");
}
