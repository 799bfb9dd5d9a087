// The one-line reading the bot shows when it asks before storing ("我理解为：签约 · 年产5万吨再生铜项目 ·
// 总投资6.00亿元 · 新材料 · 省外 · 6月18日"): only the fields the line gave, in a fixed order, with the
// same money form the confirmations use, so the question and the later confirmation read alike.
import { formatUsd, formatYuan } from "./amount.ts";
import type { ReportFields } from "./report-parser.ts";
import { monthDay } from "./periods.ts";
import { formatSigningDate } from "./signing-date.ts";
import { KIND_LABEL, type ReportKind } from "./types.ts";

/** What the amount of each kind is called; kinds that carry no amount have none. */
const MONEY_LABEL: Partial<Record<ReportKind, string>> = {
  negotiation: "计划投资",
  signing: "总投资",
  carryOver: "总投资",
};

export function formatReading(kind: ReportKind, fields: ReportFields): string {
  const parts: string[] = [KIND_LABEL[kind]];
  const talent = fields.talent;
  if (talent) {
    if (talent.headcount !== null) parts.push(`${talent.headcount}人`);
    if (talent.level) parts.push(talent.level);
    if (fields.project) parts.push(fields.project);
    if (talent.employer) parts.push(talent.employer);
    if (fields.industry) parts.push(fields.industry);
    parts.push(monthDay(fields.date));
    return parts.join(" · ");
  }
  if (kind === "visitOut" && fields.place) parts.push(`赴${fields.place}`);
  if (kind === "visitIn" && fields.counterpart) parts.push(`来访：${fields.counterpart}`);
  if (kind === "visitOut" && fields.counterpart) parts.push(`对接：${fields.counterpart}`);
  if (kind === "visitIn" && fields.place) parts.push(`来自${fields.place}`);
  if (fields.project) parts.push(fields.project);
  if (fields.money) {
    const shown = fields.money.currency === "USD" ? formatUsd(fields.money.value) : formatYuan(fields.money.value);
    parts.push(`${MONEY_LABEL[kind] ?? ""}${shown}`);
  }
  if (fields.counterpart && kind !== "visitIn" && kind !== "visitOut") parts.push(`合作方：${fields.counterpart}`);
  if (fields.industry) parts.push(fields.industry);
  if (fields.source) parts.push(fields.source);
  if (fields.signedOn) parts.push(`签约于${formatSigningDate(fields.signedOn)}`);
  parts.push(monthDay(fields.date));
  return parts.join(" · ");
}
