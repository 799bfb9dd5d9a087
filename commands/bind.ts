import { defineCommand } from "../src/bot/define.ts";
import { UserError } from "../src/bot/errors.ts";
import { findUnit, words } from "./lib/find-unit.ts";

const EXAMPLE = "绑定 zhangsan 城西镇";
const MAX_AT_ONCE = 100;

export default defineCommand({
  name: "bind",
  triggers: ["绑定"],
  group: "admin",
  summary: "把成员（企业微信 userid / 钉钉 staffId）绑定到单位，可一次绑定多人",
  examples: [EXAMPLE, "绑定 u1,u2、u3 城西镇"],
  access: "admin",
  async run(ctx) {
    // The unit is the last word; every word before it is a member id (commas, 、 or blanks between them).
    const all = words(ctx.args);
    const unitName = all.length >= 2 ? all[all.length - 1]! : undefined;
    const userIds = [...new Set(all.slice(0, -1))];
    if (!unitName || userIds.length === 0)
      throw new UserError("请写上成员 ID 和单位。", `${EXAMPLE}（多人：绑定 u1,u2,u3 城西镇）`);
    if (userIds.length > MAX_AT_ONCE) throw new UserError(`一次最多绑定 ${MAX_AT_ONCE} 人，请分几条发送。`, EXAMPLE);
    const unit = await findUnit(ctx.store, unitName, EXAMPLE);
    const { directory } = ctx.store;
    const lines: string[] = [];
    for (const userId of userIds) {
      const before = await directory.memberUnitId(userId);
      await directory.bindMember(userId, unit.id);
      const moved =
        before && before !== unit.id ? `（原单位：${(await directory.getUnit(before))?.name ?? before}）` : "";
      lines.push(`${userId}${moved}`);
    }
    if (userIds.length === 1) await ctx.reply(`已将 ${lines[0]} 绑定到「${unit.name}」。`);
    else await ctx.reply(`已将 ${userIds.length} 人绑定到「${unit.name}」：${lines.join("、")}。`);
  },
});
