import { defineCommand } from "../src/bot/define.ts";
import { UserError } from "../src/bot/errors.ts";
import { formatStatus } from "../src/domain/format-status.ts";
import { weekOf } from "../src/domain/periods.ts";
import { rankChange, scoreLabels } from "../src/domain/ranking.ts";
import { emptyTotals } from "../src/domain/totals.ts";
import { findUnit } from "./lib/find-unit.ts";
import { assertMayQuery } from "./lib/query-access.ts";
import { loadStandings } from "../src/insights/standings.ts";

export default defineCommand({
  name: "status",
  triggers: ["status", "进度", "进展"],
  group: "query",
  summary: "本单位（或指定单位）本周和本年进度、完成率、序时进度、赛马名次",
  examples: ["/status", "/status 城西"],
  access: "public",
  async run(ctx) {
    const unit = ctx.args ? await findUnit(ctx.store, ctx.args, "/status 城西镇") : ctx.unit;
    if (!unit) throw new UserError("请写上要查询的单位。", "/status 城西镇");
    assertMayQuery(ctx, unit.id);
    const standings = await loadStandings(ctx.store, ctx.today);
    const ranked = standings.byUnit.get(unit.id);
    if (!ranked)
      throw new UserError(
        unit.inactive
          ? `「${unit.name}」已停用，不参加排名；它的记录可用「明细 ${unit.name}」查看。`
          : `「${unit.name}」还没有数据。`,
      );
    await ctx.reply(
      formatStatus({
        unitName: unit.name,
        today: ctx.today,
        week: weekOf(ctx.today),
        weekTotals: standings.weekTotals.get(unit.id) ?? emptyTotals(),
        yearTotals: ranked.totals,
        targets: unit.targets,
        timeProgress: standings.timeProgress,
        rates: ranked.rates,
        rank: ranked.rank,
        unitCount: standings.ranked.length,
        change: rankChange(ranked.rank, standings.previousRank.get(unit.id)),
        score: ranked.score,
        scoreLabel: scoreLabels(
          standings.ranked.slice(Math.max(0, ranked.rank - 2), ranked.rank + 1).map((r) => r.score),
        )[Math.min(1, ranked.rank - 1)],
        tieNote: ranked.tieNote,
        laggardReasons: standings.laggards.find((l) => l.unitId === unit.id)?.reasons ?? [],
      }),
    );
  },
});
