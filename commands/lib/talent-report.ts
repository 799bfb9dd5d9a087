// What the report flow does differently for 招才引智 (引才, 人才项目, 创新团队): its own parser,
// the talent fields on the record, and 人才项目/创新团队 counted once per name in the unit.
import type { CommandContext } from "../../src/bot/define.ts";
import { UserError } from "../../src/bot/errors.ts";
import type { NewRecord } from "../../src/domain/record.ts";
import type { ParseOutcome, ReportFields } from "../../src/domain/report-parser.ts";
import { DEFAULT_TALENT_LEVEL_TABLE } from "../../src/domain/talent-levels.ts";
import { parseTalentBody } from "../../src/domain/talent-parser.ts";
import { KIND_LABEL, type ReportKind } from "../../src/domain/types.ts";
import type { Store } from "../../src/store/types.ts";

/** The talent parser with the deployment's levels: the `parse` of the talent report commands. */
export function parseTalent(kind: ReportKind) {
  return (body: string, ctx: Pick<CommandContext, "today" | "rules">): ParseOutcome =>
    parseTalentBody(kind, body, {
      today: ctx.today,
      industries: ctx.rules.industries,
      levels: ctx.rules.talentLevels ?? DEFAULT_TALENT_LEVEL_TABLE,
    });
}

/** The record's talent fields (none for investment kinds, so their records keep their bytes). */
export function talentRecordFields(
  fields: ReportFields,
): Pick<NewRecord, "headcount" | "level" | "highLevel" | "employer"> {
  const t = fields.talent;
  return t ? { headcount: t.headcount, level: t.level, highLevel: t.highLevel, employer: t.employer } : {};
}

/** 人才项目/创新团队: refused early when the unit has the name (the ingest script checks again, atomically). */
export async function refuseNamedRepeat(store: Store, unitId: string, kind: ReportKind, name: string): Promise<void> {
  const item = await store.projects.talentItem(unitId, name);
  const earlier = item?.history.find((event) => event.kind === kind);
  if (item && earlier) throw namedRepeatError(item.name, kind, earlier.recordId, earlier.date);
}

export function namedRepeatError(name: string, kind: ReportKind, earlierId: number, earlierDate: string): UserError {
  return new UserError(
    `${KIND_LABEL[kind]}「${name}」已于 ${earlierDate} 登记过（#${earlierId}），每个名称只计一次，未重复登记。如需更正请先发「撤销 #${earlierId}」。`,
  );
}
