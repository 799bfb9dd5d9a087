import { defineCommand } from "../src/bot/define.ts";
import { UserError } from "../src/bot/errors.ts";
import { words } from "./lib/find-unit.ts";

const EXAMPLE = "领导 添加 zhangsan";

export default defineCommand({
  name: "viewers",
  triggers: ["领导", "观察员"],
  group: "admin",
  summary: "查看、添加或删除领导（观察员）：可查询一切，不上报，不属于任何单位",
  examples: ["领导", EXAMPLE, "领导 删除 zhangsan"],
  access: "admin",
  async run(ctx) {
    const [action, ...userIds] = words(ctx.args);
    const { directory } = ctx.store;
    if (action === "添加" && userIds.length > 0) {
      for (const id of userIds) await directory.addViewer(id);
      const bound = (
        await Promise.all(userIds.map(async (id) => ((await directory.memberUnitId(id)) ? id : null)))
      ).filter(Boolean);
      const note = bound.length > 0 ? `（${bound.join("、")} 仍绑定在单位，照常可上报；如只查询请先「解绑」）` : "";
      await ctx.reply(`已将 ${userIds.join("、")} 设为领导（观察员），可查询总览、排名、周报和各单位进度${note}。`);
    } else if (action === "删除" && userIds.length > 0) {
      const removed: string[] = [];
      for (const id of userIds) if (await directory.removeViewer(id)) removed.push(id);
      const missing = userIds.filter((id) => !removed.includes(id));
      if (removed.length === 0) throw new UserError(`${missing.join("、")} 不是领导（观察员）。`);
      await ctx.reply(
        `已取消 ${removed.join("、")} 的领导（观察员）身份。${missing.length > 0 ? `${missing.join("、")} 本来就不是。` : ""}`,
      );
    } else if (!action) {
      const all = await directory.listViewers();
      await ctx.reply(`领导（观察员）（${all.length}）：${all.join("、") || "无"}\n添加：${EXAMPLE}`);
    } else {
      throw new UserError("没看懂。", EXAMPLE);
    }
  },
});
