import { defineCommand } from "../src/bot/define.ts";
import { UserError } from "../src/bot/errors.ts";
import { findUnit } from "./lib/find-unit.ts";

const EXAMPLE = "停用单位 城西镇";

export default defineCommand({
  name: "unit-active",
  triggers: ["停用单位", "启用单位"],
  group: "admin",
  summary: "停用（合并、撤销的）单位或重新启用；记录保留，停用后不参加排名、不再上报",
  examples: [EXAMPLE, "启用单位 城西镇"],
  access: "admin",
  async run(ctx) {
    if (!ctx.args) throw new UserError("请写上单位名称。", EXAMPLE);
    const active = ctx.trigger === "启用单位";
    const unit = await findUnit(ctx.store, ctx.args, EXAMPLE);
    await ctx.store.directory.setActive(unit.id, active);
    await ctx.reply(
      active
        ? `已重新启用「${unit.name}」，它回到排名和周报中。`
        : `已停用「${unit.name}」：原有记录和统计保留（导出中仍有），不再参加赛马、周报和提醒，成员也不能再为它上报。`,
    );
  },
});
