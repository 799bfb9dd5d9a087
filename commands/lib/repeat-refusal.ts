// The answer when a project does not allow a report: a repeat of a once-per-project kind, a 签约
// of a project carried over (续建) from an earlier year, or a 续建 of a project the unit already has.
import type { ContextFor } from "../../src/bot/define.ts";
import { UserError } from "../../src/bot/errors.ts";
import type { Project } from "../../src/domain/project.ts";
import { isNamedItem } from "../../src/domain/report-kinds.ts";
import { refusingKinds } from "../../src/domain/carry-over.ts";
import { formatSigningDate } from "../../src/domain/signing-date.ts";
import { KIND_LABEL, type ReportKind } from "../../src/domain/types.ts";
import { namedRepeatError } from "./talent-report.ts";

type Ctx = ContextFor<"member">;

/**
 * The refusal for a report its project does not allow: a repeat of a once-per-project kind, a
 * 签约 of a project carried over (续建) from an earlier year, or a 续建 of a project the unit has.
 */
export async function repeatRefusal(
  ctx: Pick<Ctx, "store"> & { unit?: { name: string } | undefined },
  projectName: string,
  kind: ReportKind,
  earlierId: number,
  earlierDate: string,
  earlierKind: ReportKind | undefined,
): Promise<UserError> {
  if (kind === "carryOver") {
    const what = earlierKind ? `（#${earlierId} ${KIND_LABEL[earlierKind]}）` : "";
    return new UserError(
      `${ctx.unit?.name ?? "本单位"}已有项目「${projectName}」${what}，续建未登记。续建只登记本单位还没有的往年签约项目；这个项目的到位、开工等请直接上报（如「到位 ${projectName} 3000万」）。`,
    );
  }
  if (earlierKind === "carryOver") {
    const earlier = await ctx.store.records.getRecord(earlierId);
    const signed = earlier?.signedOn ? formatSigningDate(earlier.signedOn) : earlierDate;
    return new UserError(
      `项目「${projectName}」是续建项目，已于 ${signed} 签约（#${earlierId} 续建登记），不再登记今年的${KIND_LABEL[kind]}。如登记有误请先发「撤销 #${earlierId}」。`,
    );
  }
  return repeatError(projectName, kind, earlierId, earlierDate);
}

export function repeatError(projectName: string, kind: ReportKind, earlierId: number, earlierDate: string): UserError {
  if (isNamedItem(kind)) return namedRepeatError(projectName, kind, earlierId, earlierDate);
  return new UserError(
    `项目「${projectName}」已于 ${earlierDate} 登记过${KIND_LABEL[kind]}（#${earlierId}），未重复登记。如需更正请先发「撤销 #${earlierId}」。`,
  );
}

/** Checked early for a quick answer; the ingest script enforces it atomically as well. */
export async function refuseRepeat(ctx: Pick<Ctx, "store" | "unit">, kind: ReportKind, project: Project) {
  const refusing = refusingKinds(kind, true);
  // "any": a live project of that name (every record revoked leaves an empty history: it may be reused).
  const earlier = refusing === "any" ? project.history[0] : project.history.find((e) => refusing.includes(e.kind));
  if (earlier) throw await repeatRefusal(ctx, project.name, kind, earlier.recordId, earlier.date, earlier.kind);
}

/** A project whose every record was undone (an empty history) is no longer registered. */
export function refuseUndone(kind: ReportKind, project: Project, example: string | undefined) {
  if (project.history.length > 0) return;
  throw new UserError(
    `项目「${project.name}」的登记已全部撤销，${KIND_LABEL[kind]}未登记。如项目仍在推进，请先重新发「签约」或「在谈」登记。`,
    example,
  );
}
