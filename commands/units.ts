import { defineCommand } from "../src/bot/define.ts";

export default defineCommand({
  name: "units",
  triggers: ["单位列表", "单位"],
  group: "account",
  summary: "查看所有单位、别名和绑定人数",
  examples: ["单位列表"],
  access: "public",
  async run(ctx) {
    const units = await ctx.store.directory.listUnits();
    if (units.length === 0) {
      await ctx.reply("还没有任何单位。管理员可发「添加单位 城西镇 城西」添加，或用 npm run import 批量导入。");
      return;
    }
    const lines = [`共 ${units.length} 个单位：`];
    for (const unit of units) {
      const members = await ctx.store.directory.membersOf(unit.id);
      const aliases = unit.aliases.length > 0 ? `（${unit.aliases.join("、")}）` : "";
      lines.push(`· ${unit.name}${aliases} ${members.length} 人${unit.inactive ? "（已停用）" : ""}`);
    }
    await ctx.reply(lines.join("\n"));
  },
});
