import { defineCommand } from "../src/bot/define.ts";
import { UserError } from "../src/bot/errors.ts";
import { formatProject } from "../src/domain/format-records.ts";
import { projectStageLabel, summarizeProject } from "../src/domain/project.ts";
import { matchProject, suggestProjects, type NamedProject } from "../src/domain/project-match.ts";
import { assertMayQuery, mayQuery } from "./lib/query-access.ts";

const EXAMPLE = "项目 功能膜";

export default defineCommand({
  name: "project",
  triggers: ["项目"],
  group: "query",
  summary: "查看项目的阶段历程、总投资和到位资金；不写名称则列出本单位项目",
  examples: ["项目", EXAMPLE],
  access: "public",
  async run(ctx) {
    const { store } = ctx;
    const units = await store.directory.listUnits();
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    if (!ctx.args) {
      if (!ctx.unit) throw new UserError("请写上项目名称。", EXAMPLE);
      assertMayQuery(ctx, ctx.unit.id);
      const names = await store.projects.namesOf(ctx.unit.id);
      const lines = [`📁 ${ctx.unit.name} 的项目（${names.length} 个）`];
      for (const { id, name } of names.slice(0, 20)) {
        const project = await store.projects.getProject(id);
        lines.push(`· ${name}：${projectStageLabel(summarizeProject(project?.history ?? []))}`);
      }
      if (names.length > 20) lines.push(`还有 ${names.length - 20} 个，发「项目 名称」查看`);
      await ctx.reply(names.length > 0 ? lines.join("\n") : `${ctx.unit.name}还没有登记项目。`);
      return;
    }
    // The sender's own unit first, then the whole county.
    const order = ctx.unit
      ? [ctx.unit.id, ...units.map((u) => u.id).filter((id) => id !== ctx.unit!.id)]
      : units.map((u) => u.id);
    const everywhere: NamedProject[] = [];
    for (const unitId of order) {
      const names = await store.projects.namesOf(unitId);
      const hit = matchProject(ctx.args, names);
      if (hit) {
        assertMayQuery(ctx, unitId);
        const project = (await store.projects.getProject(hit.id))!;
        await ctx.reply(formatProject(project, unitName.get(unitId) ?? unitId, summarizeProject(project.history)));
        return;
      }
      // Suggestions name only projects the sender may see.
      if (mayQuery(ctx, unitId)) everywhere.push(...names);
    }
    const suggestions = suggestProjects(ctx.args, everywhere);
    throw new UserError(
      `没有找到项目「${ctx.args}」。${suggestions.length ? `你是不是要找：${suggestions.map((p) => `「${p.name}」`).join("、")}` : ""}`,
      EXAMPLE,
    );
  },
});
