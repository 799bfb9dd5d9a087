import { defineCommand } from "../src/bot/define.ts";
import { UserError } from "../src/bot/errors.ts";

const EXAMPLE = "解绑 zhangsan";

export default defineCommand({
  name: "unbind",
  triggers: ["解绑"],
  group: "admin",
  summary: "解除成员与单位的绑定（已登记的记录保留）",
  examples: [EXAMPLE],
  access: "admin",
  async run(ctx) {
    const userId = ctx.args.trim();
    if (!userId) throw new UserError("请写上成员 ID。", EXAMPLE);
    if (!(await ctx.store.directory.unbindMember(userId))) throw new UserError(`${userId} 没有绑定任何单位。`);
    await ctx.reply(`已解除 ${userId} 的单位绑定，TA 之前登记的记录仍保留。`);
  },
});
