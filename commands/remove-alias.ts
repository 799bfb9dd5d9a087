import { defineCommand } from "../src/bot/define.ts";
import { UserError } from "../src/bot/errors.ts";

const EXAMPLE = "删除别名 城西";

export default defineCommand({
  name: "remove-alias",
  triggers: ["删除别名"],
  group: "admin",
  summary: "删除单位的一个别名",
  examples: [EXAMPLE],
  access: "admin",
  async run(ctx) {
    const alias = ctx.args.trim();
    if (!alias) throw new UserError("请写上要删除的别名。", EXAMPLE);
    const unit = await ctx.store.directory.unitByName(alias);
    if (!unit || unit.name === alias || !(await ctx.store.directory.removeAlias(unit.id, alias))) {
      throw new UserError(`没有「${alias}」这个别名。`);
    }
    await ctx.reply(`已删除「${unit.name}」的别名「${alias}」。`);
  },
});
