import { defineCommand } from "../src/bot/define.ts";

export default defineCommand({
  name: "whoami",
  triggers: ["我是谁", "我的"],
  group: "account",
  summary: "查看自己的 ID、所属单位和权限",
  examples: ["我是谁"],
  access: "public",
  async run(ctx) {
    const { sender } = ctx.message;
    const lines = [
      `ID：${sender.id}${sender.name ? `（${sender.name}）` : ""}`,
      `单位：${ctx.unit ? ctx.unit.name : ctx.isViewer ? "无（领导不属于单位）" : "未绑定（发送「加入 单位名称」绑定）"}`,
    ];
    if (ctx.isAdmin) lines.push("身份：管理员");
    else if (ctx.isViewer) lines.push("身份：领导（观察员），可查询，不上报");
    await ctx.reply(lines.join("\n"));
  },
});
