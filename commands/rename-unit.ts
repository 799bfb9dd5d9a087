import { defineCommand } from "../src/bot/define.ts";
import { UserError } from "../src/bot/errors.ts";
import { findUnit, words } from "./lib/find-unit.ts";

const EXAMPLE = "单位改名 晋熙镇 晋熙街道";

export default defineCommand({
  name: "rename-unit",
  triggers: ["单位改名"],
  group: "admin",
  summary: "修改单位名称（记录、成员和目标保留）",
  examples: [EXAMPLE],
  access: "admin",
  async run(ctx) {
    const [current, name] = words(ctx.args);
    if (!current || !name) throw new UserError("请写上原名称和新名称。", EXAMPLE);
    const unit = await findUnit(ctx.store, current, EXAMPLE);
    if (!(await ctx.store.directory.renameUnit(unit.id, name))) throw new UserError(`「${name}」已被其他单位使用。`);
    await ctx.reply(`已将「${unit.name}」改名为「${name}」，原有记录、成员和目标保留。`);
  },
});
