// Resolves a unit name typed in a command, or explains which units exist.
import { UserError } from "../../src/bot/errors.ts";
import { matchUnit } from "../../src/domain/unit-match.ts";
import type { Unit } from "../../src/domain/unit.ts";
import type { Store } from "../../src/store/types.ts";

export async function findUnit(store: Store, typed: string, example?: string): Promise<Unit> {
  const units = await store.directory.listUnits();
  const match = matchUnit(typed, units);
  if (match.kind === "match") return match.unit;
  if (units.length === 0) throw new UserError("还没有任何单位，请管理员先发「添加单位 城西镇 城西」。");
  const hint =
    match.suggestions.length > 0
      ? `你是不是指：${match.suggestions.map((u) => u.name).join("、")}`
      : `现有单位：${units
          .slice(0, 12)
          .map((u) => u.name)
          .join("、")}${units.length > 12 ? " 等" : ""}`;
  throw new UserError(`没有找到单位「${typed}」。${hint}`, example);
}

/** Splits command arguments on blanks and Chinese/ASCII commas. */
export function words(args: string): string[] {
  return args.split(/[\s,，、]+/).filter(Boolean);
}
