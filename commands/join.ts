import { defineCommand } from "../src/bot/define.ts";
import { UserError } from "../src/bot/errors.ts";
import { findUnit } from "./lib/find-unit.ts";

const EXAMPLE = "加入 城西镇";

export default defineCommand({
  name: "join",
  triggers: ["加入"],
  group: "account",
  summary: "把自己绑定到所属单位（管理员关闭自助加入后需由管理员绑定）",
  examples: [EXAMPLE],
  access: "public",
  async run(ctx) {
    const { store, message } = ctx;
    if (!ctx.args) throw new UserError("请写上你所在的单位。", EXAMPLE);
    if (!(await store.directory.settings()).selfJoin && !ctx.isAdmin) {
      throw new UserError(`管理员已关闭自助加入，请联系管理员发送：绑定 ${message.sender.id} 单位名称`);
    }
    const unit = await findUnit(store, ctx.args, EXAMPLE);
    if (ctx.unit && ctx.unit.id !== unit.id) {
      throw new UserError(`你已绑定「${ctx.unit.name}」。如需更换单位请联系管理员。`);
    }
    await store.directory.bindMember(message.sender.id, unit.id);
    await ctx.reply(
      `${message.sender.name ?? message.sender.id}，已加入「${unit.name}」。现在可以上报了，发送「帮助」查看示例。`,
    );
  },
});
