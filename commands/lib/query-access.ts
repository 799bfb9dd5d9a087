// Who may ask about which unit (QUERY_ACCESS); by default everyone bound in the deployment
// may query everything. Admins and viewers (领导/观察员) may always query everything.
import type { CommandContext } from "../../src/bot/define.ts";
import { UserError } from "../../src/bot/errors.ts";

/** Throws a polite refusal unless the sender may see `unitId` (or county-wide figures when absent). */
export function assertMayQuery(ctx: CommandContext, unitId?: string): void {
  const access = ctx.rules.queryAccess;
  if (ctx.isAdmin || ctx.isViewer || access === "everyone") return;
  if (!ctx.unit) throw new UserError(notAllowedToQueryText(ctx.message.sender.id));
  if (access === "own-unit" && unitId !== ctx.unit.id) {
    throw new UserError(
      unitId ? "按本单位设置，只能查询自己单位的情况。" : "按本单位设置，全县排名和总览只有管理员可以查看。",
    );
  }
}

/** Whether the sender may see `unitId`: the same rule, as a test (for suggestions, which must not leak). */
export function mayQuery(ctx: CommandContext, unitId: string): boolean {
  const access = ctx.rules.queryAccess;
  if (ctx.isAdmin || ctx.isViewer || access === "everyone") return true;
  if (!ctx.unit) return false;
  return access !== "own-unit" || unitId === ctx.unit.id;
}

/** The refusal of a query: in words about querying, never about reporting. */
export function notAllowedToQueryText(userId: string): string {
  return [
    "按本单位设置，查询进度、排名和总览需要先绑定单位，或由管理员设为领导（观察员）。",
    "请发送「加入 单位名称」，例如：加入 城西镇",
    `或请管理员发送：绑定 ${userId} 城西镇 ／ 领导 添加 ${userId}`,
  ].join("\n");
}
