import { defineCommand } from "../src/bot/define.ts";
import { UserError } from "../src/bot/errors.ts";
import { findUnit, words } from "./lib/find-unit.ts";

const EXAMPLE = "绑定 zhangsan 城西镇";

export default defineCommand({
  name: "bind",
  triggers: ["绑定"],
  group: "admin",
  summary: "把成员（企业微信 userid / 钉钉 staffId）绑定到单位",
  examples: [EXAMPLE],
  access: "admin",
  async run(ctx) {
    const [userId, unitName] = words(ctx.args);
    if (!userId || !unitName) throw new UserError("请写上成员 ID 和单位。", EXAMPLE);
    const unit = await findUnit(ctx.store, unitName, EXAMPLE);
    const before = await ctx.store.directory.memberUnitId(userId);
    await ctx.store.directory.bindMember(userId, unit.id);
    const moved = before && before !== unit.id ? `（原单位：${(await ctx.store.directory.getUnit(before))?.name ?? before}）` : "";
    await ctx.reply(`已将 ${userId} 绑定到「${unit.name}」${moved}。`);
  },
});
