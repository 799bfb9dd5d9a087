// 续建: a project signed in an earlier year, registered so that its 到位 and milestones this year
// have a project to attach to. The line reads like a 签约 plus its signing date; the signing is
// not one of this year's (no 签约个数, 签约金额, digest or 通报 signing columns).
import { KIND_LABEL, needsExistingProject, REPORT_KINDS, type ReportKind } from "./report-kinds.ts";
import { parseReportBody, type ParseOptions, type ParseOutcome } from "./report-parser.ts";
import { findSigningDate, formatSigningDate } from "./signing-date.ts";

export const CARRY_OVER_EXAMPLE = "续建 年产5万吨再生铜项目 总投资2.6亿元 签约于2025-05-12 新材料 省外";

/** Words of a later step: "续建项目 功能膜 到位3000万" reports that step, not a 续建. */
const STEP_WORDS = REPORT_KINDS.filter(needsExistingProject).map((k) => KIND_LABEL[k]);

/** The 续建 line: its signing date is taken out first, the rest is read like a 签约. */
export function parseCarryOver(body: string, options: ParseOptions): ParseOutcome {
  const found = findSigningDate(body, options.today);
  if (found === null) {
    const step = STEP_WORDS.find((w) => body.includes(w));
    return {
      ok: false,
      problem: step
        ? `没有看到签约日期。续建项目的${step}请以「${step}」开头发送（如 ${step} 年产10万吨功能膜项目 ${step === "到位" ? "3000万" : "昨天"}）；登记往年签约的项目请写明签约日期（如 签约于2025-05-12）。`
        : "没有看到签约日期。续建项目是往年签约的项目，请写明签约日期（如 签约于2025-05-12、2025年5月签约、去年5月签约）。",
    };
  }
  if (!found.ok) return found;
  const { match } = found;
  const rest = body.slice(0, match.start) + " ".repeat(match.end - match.start) + body.slice(match.end);
  const parsed = parseReportBody("carryOver", rest, options);
  if (!parsed.ok) return parsed;
  const fields = { ...parsed.fields, signedOn: match.signedOn };
  const bareDoubt = match.bare ? `没有写「签约于」，把 ${formatSigningDate(match.signedOn)} 当作签约日期` : null;
  const doubt = parsed.doubt ?? bareDoubt;
  return doubt ? { ok: true, fields, doubt } : { ok: true, fields };
}

/**
 * The kinds already in a project's history that refuse a new report of `kind`, checked early and
 * again inside the atomic write: a 签约 is refused by an earlier 签约 or 续建 (a carried-over
 * project was signed on its date); "any" = a 续建 only registers a project the unit does not have.
 */
export function refusingKinds(kind: ReportKind, oncePerProject: boolean): readonly ReportKind[] | "any" {
  if (!oncePerProject) return [];
  if (kind === "carryOver") return "any";
  if (kind === "signing") return ["signing", "carryOver"];
  return [kind];
}
