// Reply texts for reports: the confirmation that repeats what was understood, and the unit's
// running totals for the year. Pure functions, pinned by snapshot tests.
import { formatUsd, formatYuan } from "./amount.ts";
import type { ReportRecord } from "./record.ts";
import type { Targets } from "./targets.ts";
import type { Totals } from "./totals.ts";
import { isNamedItem, isTalentKind, KIND_LABEL, STAGE_ORDER } from "./report-kinds.ts";
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
  if (isTalentKind(record.kind)) return [lines[0]!, ...talentLines(record), ...closing(record)].join("\n");
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
  lines.push(...closing(record));
  return lines.join("\n");
}

function closing(record: Pick<ReportRecord, "date" | "id" | "signedOn">): string[] {
  return [`${record.signedOn ? "登记日期" : "日期"}：${record.date}`, `如有误请发「撤销 #${record.id}」`];
}

/** 引才: 人数, 层次, 用人单位; 人才项目/创新团队: 名称, 级别, 依托单位. Then the industry. */
function talentLines(record: ReportRecord): string[] {
  const lines: string[] = [];
  if (isNamedItem(record.kind)) {
    if (record.project) lines.push(`名称：${record.project}`);
    if (record.level) lines.push(`级别：${record.level}`);
    if (record.employer) lines.push(`依托单位：${record.employer}`);
  } else {
    if (record.headcount != null) lines.push(`人数：${record.headcount}人`);
    if (record.level) lines.push(`层次：${record.level}${record.highLevel ? "（计入高层次人才）" : ""}`);
    if (record.employer) lines.push(`用人单位：${record.employer}`);
  }
  if (record.industry) lines.push(`产业：${record.industry}`);
  return lines;
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
  const talent = formatTalentTotals(totals, targets);
  if (talent) lines.push(talent);
  return lines.join("\n");
}

/**
 * "引才 3/50人（高层次 1/5人）· 人才项目 1/2个 · 创新团队 0/1个": only the parts with a target
 * or a figure; null when there is neither, so units without talent data read as before.
 */
export function formatTalentTotals(totals: Totals, targets: Targets): string | null {
  const parts: string[] = [];
  const show = (value: number, target: number | undefined) => value !== 0 || target !== undefined;
  const people = show(totals.talentPeople, targets.talentPeople);
  const high = show(totals.talentHighPeople, targets.talentHighPeople);
  if (people || high) {
    const highPart = high ? `（高层次 ${count(totals.talentHighPeople, targets.talentHighPeople, "人")}）` : "";
    parts.push(`引才 ${count(totals.talentPeople, targets.talentPeople, "人")}${highPart}`);
  }
  if (show(totals.talentProject, targets.talentProjects))
    parts.push(`人才项目 ${count(totals.talentProject, targets.talentProjects, "个")}`);
  if (show(totals.innovationTeam, targets.innovationTeams))
    parts.push(`创新团队 ${count(totals.innovationTeam, targets.innovationTeams, "个")}`);
  // "（高层次 1/5人）· 人才项目": no blank after a closing bracket, as the 签约 line writes it.
  return parts.length > 0 ? parts.join(" · ").replaceAll("） · ", "）· ") : null;
}
