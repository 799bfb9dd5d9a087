import { defineCommand, type Command, type CommandGroup } from "../src/bot/define.ts";

const GROUP_TITLE: Record<CommandGroup, string> = {
  report: "📝 上报（一条消息报一件事，@我 或直接发）",
  query: "🔍 查询",
  account: "👤 账号",
  admin: "🛠 管理（仅管理员）",
};

export default defineCommand({
  name: "help",
  triggers: ["帮助", "help", "?", "？"],
  group: "query",
  summary: "查看命令和示例；「帮助 签约」看单个命令",
  examples: ["帮助", "帮助 签约"],
  access: "public",
  async run(ctx) {
    const visible = ctx.commands.filter((c) => c.group !== "admin" || ctx.isAdmin);
    const topic = ctx.args.replace(/^\//, "");
    if (topic) {
      const command = ctx.commands.find((c) => c.triggers.some((t) => t.toLowerCase() === topic.toLowerCase()));
      if (!command) {
        await ctx.reply(`没有「${topic}」这个命令。发送「帮助」查看全部命令。`);
        return { ok: false };
      }
      await ctx.reply(detail(command));
      return;
    }
    const lines = ["招商引资工作助手 · 命令一览"];
    for (const group of Object.keys(GROUP_TITLE) as CommandGroup[]) {
      const inGroup = visible.filter((c) => c.group === group);
      if (inGroup.length === 0) continue;
      lines.push("", GROUP_TITLE[group]);
      for (const c of inGroup) lines.push(`· ${c.triggers[0]}：${c.summary}\n  例：${c.examples[0]}`);
    }
    lines.push("", "金额可写 5.2亿元、3000万、五千万、500万美元；日期可写 昨天、3月5日、3.5、上周五（默认今天）。");
    await ctx.reply(lines.join("\n"));
  },
});

function detail(command: Command): string {
  const names = command.triggers.filter((t) => t !== "?" && t !== "？").join(" / ");
  return [`${names}：${command.summary}`, "示例：", ...command.examples.map((e) => `  ${e}`)].join("\n");
}
