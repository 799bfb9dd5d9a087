import { defineCommand } from "../src/bot/define.ts";
import { UserError } from "../src/bot/errors.ts";

const EXAMPLE = "自助加入 关";

export default defineCommand({
  name: "self-join",
  triggers: ["自助加入"],
  group: "admin",
  summary: "开启或关闭成员用「加入」自助绑定单位",
  examples: [EXAMPLE, "自助加入 开"],
  access: "admin",
  async run(ctx) {
    const on = /^(开|开启|打开|on)$/i.test(ctx.args) ? true : /^(关|关闭|off)$/i.test(ctx.args) ? false : null;
    if (on === null) {
      const current = (await ctx.store.directory.settings()).selfJoin;
      if (ctx.args) throw new UserError("请写「开」或「关」。", EXAMPLE);
      await ctx.reply(`自助加入目前：${current ? "开启" : "关闭"}。`);
      return;
    }
    await ctx.store.directory.setSelfJoin(on);
    await ctx.reply(on ? "已开启自助加入：成员可发「加入 单位名称」绑定。" : "已关闭自助加入：成员需由管理员绑定。");
  },
});
