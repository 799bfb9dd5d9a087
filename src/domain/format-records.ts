// 明细 and 项目 replies.
import { formatMoneyOf } from "./format-report.ts";
import type { ProjectSummary } from "./project.ts";
import { type Project, projectStageLabel } from "./project.ts";
import type { ReportRecord } from "./record.ts";
import { isTalentKind } from "./report-kinds.ts";
import { KIND_LABEL } from "./types.ts";
import { percent, ratio } from "./metrics.ts";
import { formatUsd, formatYuan } from "./amount.ts";
import { shortDate as md } from "./periods.ts";

/** "3. #128 3.5 签约 年产10万吨功能膜项目 5.20亿元 张三" */
export function formatRecordLine(record: ReportRecord, index: number): string {
  const talent = [
    record.headcount != null ? `${record.headcount}人` : null,
    record.project,
    record.level,
    record.employer,
  ];
  const subject = isTalentKind(record.kind)
    ? talent.filter(Boolean).join(" ")
    : (record.project ?? [record.place, record.counterpart].filter(Boolean).join(" "));
  const who = `${record.reporterName ?? record.reporter}${record.onBehalf ? "（管理员代报）" : ""}`;
  return [
    `${index}. #${record.id}`,
    md(record.date),
    KIND_LABEL[record.kind],
    subject,
    formatMoneyOf(record),
    who,
    recordFlag(record),
  ]
    .filter(Boolean)
    .join(" ");
}

/** How a record stands when it no longer counts, or replaced another: shown in 明细. */
export function recordFlag(record: Pick<ReportRecord, "revoked" | "supersededBy" | "corrects">): string | null {
  if (record.supersededBy) return `〔已更正，见 #${record.supersededBy}，不计入〕`;
  if (record.revoked) return "〔已撤销，不计入〕";
  if (record.corrects) return `〔更正 #${record.corrects}〕`;
  return null;
}

export function formatRecordList(title: string, records: readonly ReportRecord[], more: number): string {
  if (records.length === 0) return `${title}\n暂无记录。`;
  const lines = [title, ...records.map((r, i) => formatRecordLine(r, i + 1))];
  if (more > 0) lines.push(`还有 ${more} 条`);
  return lines.join("\n");
}

export function formatProject(project: Project, unitName: string, summary: ProjectSummary): string {
  const invest = formatMoneyOf({ amountYuan: summary.investmentYuan, amountUsd: summary.investmentUsd }) ?? "未登记";
  const arrivedShare = ratio(summary.arrivedYuan, summary.investmentYuan ?? 0);
  const arrived = [formatYuan(summary.arrivedYuan), summary.arrivedUsd ? formatUsd(summary.arrivedUsd) : null]
    .filter(Boolean)
    .join(" + ");
  const lines = [
    `📁 ${project.name}（${unitName}）`,
    `阶段：${projectStageLabel(summary)}`,
    `总投资：${invest} · 已到位：${arrived}${arrivedShare !== null ? `（${percent(arrivedShare)}）` : ""}`,
    "历程：",
    ...project.history.map((e) => {
      const money = formatMoneyOf(e);
      // A 续建's history date is its signing date in an earlier year.
      const what = e.kind === "carryOver" ? "签约（续建登记）" : KIND_LABEL[e.kind];
      return `· ${e.date} ${what}${money ? ` ${money}` : ""} #${e.recordId}`;
    }),
  ];
  if (project.history.length === 0) lines.push("· （记录均已撤销）");
  return lines.join("\n");
}
