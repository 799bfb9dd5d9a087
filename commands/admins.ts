import { defineCommand } from "../src/bot/define.ts";
import { UserError } from "../src/bot/errors.ts";
import { words } from "./lib/find-unit.ts";

const EXAMPLE = "管理员 添加 lisi";

export default defineCommand({
  name: "admins",
  triggers: ["管理员"],
  group: "admin",
  summary: "查看、添加或删除管理员",
  examples: ["管理员", EXAMPLE, "管理员 删除 lisi"],
  access: "admin",
  async run(ctx) {
    const [action, userId] = words(ctx.args);
    const { directory } = ctx.store;
    if (action === "添加" && userId) {
      await directory.addAdmin(userId);
      await ctx.reply(`已将 ${userId} 设为管理员。`);
    } else if (action === "删除" && userId) {
      if (ctx.rules.configAdmins.includes(userId)) {
        throw new UserError(`${userId} 是配置文件（BOT_ADMINS）中的管理员，需修改配置后重启。`);
      }
      if (!(await directory.removeAdmin(userId))) throw new UserError(`${userId} 不是管理员。`);
      await ctx.reply(`已取消 ${userId} 的管理员身份。`);
    } else if (!action) {
      const all = [...new Set([...ctx.rules.configAdmins, ...(await directory.listAdmins())])].sort();
      await ctx.reply(`管理员（${all.length}）：${all.join("、") || "无"}`);
    } else {
      throw new UserError("没看懂。", EXAMPLE);
    }
  },
});
