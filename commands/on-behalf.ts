// 代报: an admin reports, or corrects, for a unit that is not their own. The record's reporter is
// the admin, its unit the one named, and it is flagged so the confirmation and 明细 say so.
import { defineCommand } from "../src/bot/define.ts";
import { UserError } from "../src/bot/errors.ts";
import { matchCommand } from "../src/bot/match.ts";
import { findUnit } from "./lib/find-unit.ts";
import { pendingRef } from "./lib/record-report.ts";
import { KIND_LABEL, REPORT_KINDS } from "../src/domain/report-kinds.ts";

const EXAMPLE = "代报 城西镇 签约 智能装备产业园项目 3亿元 高端装备 市外";

export default defineCommand({
  name: "on-behalf",
  triggers: ["代报"],
  group: "admin",
  summary: "管理员代单位上报（记录同时写明代报人和单位）",
  examples: [EXAMPLE, "代报 城西镇 走出去 赴上海拜访华谊集团"],
  access: "admin",
  async run(ctx) {
    const space = ctx.args.search(/\s/);
    if (space < 0) throw new UserError("请写上单位和要上报的内容。", EXAMPLE);
    const unit = await findUnit(ctx.store, ctx.args.slice(0, space), EXAMPLE);
    const line = ctx.args.slice(space).trim();
    const matched = matchCommand(line, ctx.commands);
    if (matched?.command.group !== "report" || matched.detected) {
      throw new UserError(
        `代报后面请写一条上报，以上报词开头（${REPORT_KINDS.map((k) => KIND_LABEL[k]).join("、")}）。`,
        EXAMPLE,
      );
    }
    if (unit.inactive) throw new UserError(`「${unit.name}」已停用，不能再为它上报。`);
    const who = ctx.message.sender.name ?? ctx.message.sender.id;
    const banner = `🖊 ${who} 代「${unit.name}」上报`;
    // Replies are held until the report is done: a reading that would need a 「是」 is not kept,
    // since the admin's 「是」 would be read as their own report.
    const held: Array<Parameters<typeof ctx.reply>[0]> = [];
    const result = await matched.command.run({
      ...ctx,
      unit,
      onBehalf: true,
      args: matched.args,
      trigger: matched.trigger,
      reply: async (r: Parameters<typeof ctx.reply>[0]) => void held.push(r),
    } as never);
    if (result && "asked" in result && result.asked) {
      await ctx.store.pending.drop(pendingRef(ctx));
      throw new UserError("代报未登记：这一条有拿不准的地方，请把日期、金额、项目写明确后重发。", EXAMPLE);
    }
    for (const r of held) {
      if (typeof r === "string") await ctx.reply(`${banner}\n${r}`);
      else if (r.kind === "text") await ctx.reply({ ...r, text: `${banner}\n${r.text}` });
      else if (r.kind === "markdown") await ctx.reply({ ...r, markdown: `${banner}\n\n${r.markdown}` });
      else await ctx.reply(r);
    }
    return result;
  },
});
