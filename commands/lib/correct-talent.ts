// 更正 of the 招才引智 fields: 人数 and 层次 of a 引才, 级别 of a 人才项目/创新团队, and the employer
// (用人单位/依托单位) of any of them. The record keeps whether its new level counts as 高层次.
import type { CommandContext } from "../../src/bot/define.ts";
import { UserError } from "../../src/bot/errors.ts";
import type { NewRecord, ReportRecord } from "../../src/domain/record.ts";
import { isNamedItem, isTalentKind } from "../../src/domain/report-kinds.ts";
import {
  DEFAULT_TALENT_LEVEL_TABLE,
  findTalentLevels,
  findTeamLevel,
  levelList,
  TEAM_LEVELS,
} from "../../src/domain/talent-levels.ts";
import { MAX_HEADCOUNT } from "../../src/domain/talent-parser.ts";
import { KIND_LABEL } from "../../src/domain/types.ts";

export type TalentCorrection =
  | { field: "headcount"; headcount: number }
  | { field: "level"; level: string }
  | { field: "employer"; employer: string };

/** Applies the correction to `next`; returns the field before and after, as the reply shows them. */
export function correctTalent(
  ctx: Pick<CommandContext, "rules">,
  old: ReportRecord,
  next: NewRecord,
  c: TalentCorrection,
): { before: string; after: string } {
  const label = KIND_LABEL[old.kind];
  if (!isTalentKind(old.kind))
    throw new UserError(
      `${label}记录没有${c.field === "employer" ? "用人单位" : c.field === "level" ? "层次" : "人数"}可更正。`,
    );
  switch (c.field) {
    case "headcount":
      if (old.kind !== "talentRecruit") throw new UserError(`${label}记录没有人数可更正。`);
      if (c.headcount <= 0 || c.headcount > MAX_HEADCOUNT)
        throw new UserError(`人数应在 1 到 ${MAX_HEADCOUNT} 之间，未更正。`, `更正 #${old.id} 人数 5人`);
      next.headcount = c.headcount;
      return { before: `${old.headcount ?? 0}人`, after: `${c.headcount}人` };
    case "level": {
      if (isNamedItem(old.kind)) {
        const hit = findTeamLevel(c.level);
        if (!hit) throw new UserError(`级别请写：${TEAM_LEVELS.join("、")}。`, `更正 #${old.id} 级别 省级`);
        next.level = hit.level;
        return { before: old.level ?? "无", after: hit.level };
      }
      const table = ctx.rules.talentLevels ?? DEFAULT_TALENT_LEVEL_TABLE;
      const levels = [...new Set(findTalentLevels(c.level, table).map((l) => l.level))];
      if (levels.length !== 1)
        throw new UserError(`人才层次请写其中一个：${levelList(table)}。`, `更正 #${old.id} 层次 硕士`);
      next.level = levels[0]!;
      next.highLevel = table.high.has(levels[0]!);
      return { before: old.level ?? "无", after: levels[0]! };
    }
    case "employer":
      next.employer = c.employer;
      return { before: old.employer ?? "无", after: c.employer };
  }
}
