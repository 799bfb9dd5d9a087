import { defineCommand } from "../src/bot/define.ts";
import { UserError } from "../src/bot/errors.ts";
import { findUnit, words } from "./lib/find-unit.ts";

const EXAMPLE = "别名 城西镇 城西";

export default defineCommand({
  name: "alias",
  triggers: ["别名"],
  group: "admin",
  summary: "给单位添加别名（简称）",
  examples: [EXAMPLE],
  access: "admin",
  async run(ctx) {
    const [name, ...aliases] = words(ctx.args);
    if (!name || aliases.length === 0) throw new UserError("请写上单位名称和别名。", EXAMPLE);
    const { id } = await findUnit(ctx.store, name, EXAMPLE);
    const taken: string[] = [];
    for (const alias of aliases) if (!(await ctx.store.directory.addAlias(id, alias))) taken.push(alias);
    if (taken.length > 0) throw new UserError(`别名 ${taken.join("、")} 已被其他单位使用。`);
    const unit = (await ctx.store.directory.getUnit(id))!;
    await ctx.reply(`「${unit.name}」的别名：${unit.aliases.join("、")}`);
  },
});
