import { defineCommand } from "../src/bot/define.ts";
import { formatOverview } from "../src/domain/format-status.ts";
import { sumTargets } from "../src/domain/metrics.ts";
import { weekOf } from "../src/domain/periods.ts";
import { addTotals, emptyTotals } from "../src/domain/totals.ts";
import { assertMayQuery } from "./lib/query-access.ts";
import { worstFirst } from "../src/domain/laggards.ts";
import { negotiatingProjects } from "../src/insights/negotiating.ts";
import { loadStandings } from "../src/insights/standings.ts";

export default defineCommand({
  name: "overview",
  triggers: ["总览", "全县"],
  group: "query",
  summary: "全县汇总：本周、本年累计对目标、亿元以上签约、到位资金结构、落后单位",
  examples: ["总览"],
  access: "public",
  async run(ctx) {
    assertMayQuery(ctx);
    const s = await loadStandings(ctx.store, ctx.today);
    const negotiating = await negotiatingProjects(
      ctx.store,
      s.ranked.map((r) => r.unitId),
    );
    await ctx.reply(
      formatOverview({
        today: ctx.today,
        unitCount: s.ranked.length,
        week: weekOf(ctx.today),
        weekTotals: [...s.weekTotals.values()].reduce(addTotals, emptyTotals()),
        yearTotals: s.ranked.map((r) => r.totals).reduce(addTotals, emptyTotals()),
        targets: sumTargets(s.ranked.map((r) => r.targets)),
        timeProgress: s.timeProgress,
        negotiating: [...negotiating.values()].reduce((a, b) => a + b, 0),
        laggards: worstFirst(s.laggards),
      }),
    );
  },
});
