import { defineCommand } from "../src/bot/define.ts";
import { UserError } from "../src/bot/errors.ts";
import { words } from "./lib/find-unit.ts";

const EXAMPLE = "添加单位 城西镇 城西";

export default defineCommand({
  name: "add-unit",
  triggers: ["添加单位"],
  group: "admin",
  summary: "添加单位，可同时给出别名",
  examples: [EXAMPLE],
  access: "admin",
  async run(ctx) {
    const [name, ...aliases] = words(ctx.args);
    if (!name) throw new UserError("请写上单位名称。", EXAMPLE);
    const { unit, created } = await ctx.store.directory.addUnit(name);
    const taken: string[] = [];
    for (const alias of aliases) if (!(await ctx.store.directory.addAlias(unit.id, alias))) taken.push(alias);
    const current = (await ctx.store.directory.getUnit(unit.id))!;
    const lines = [
      `${created ? "已添加" : "已存在"}单位「${current.name}」${current.aliases.length ? `，别名：${current.aliases.join("、")}` : ""}。`,
    ];
    if (taken.length > 0) lines.push(`别名 ${taken.join("、")} 已被其他单位使用，未添加。`);
    await ctx.reply(lines.join("\n"));
    return { ok: taken.length === 0 };
  },
});
