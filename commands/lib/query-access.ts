// Who may ask about which unit (QUERY_ACCESS); by default everyone bound in the deployment
// may query everything.
import type { CommandContext } from "../../src/bot/define.ts";
import { notBoundText } from "../../src/bot/dispatcher.ts";
import { UserError } from "../../src/bot/errors.ts";

/** Throws a polite refusal unless the sender may see `unitId` (or county-wide figures when absent). */
export function assertMayQuery(ctx: CommandContext, unitId?: string): void {
  const access = ctx.rules.queryAccess;
  if (ctx.isAdmin || access === "everyone") return;
  if (!ctx.unit) throw new UserError(notBoundText(ctx.message.sender.id));
  if (access === "own-unit" && unitId !== ctx.unit.id) {
    throw new UserError(unitId ? "按本单位设置，只能查询自己单位的情况。" : "按本单位设置，全县排名和总览只有管理员可以查看。");
  }
}

/** Whether the sender may see `unitId`: the same rule, as a test (for suggestions, which must not leak). */
export function mayQuery(ctx: CommandContext, unitId: string): boolean {
  const access = ctx.rules.queryAccess;
  if (ctx.isAdmin || access === "everyone") return true;
  if (!ctx.unit) return false;
  return access !== "own-unit" || unitId === ctx.unit.id;
}
