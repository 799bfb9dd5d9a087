import { defineCommand } from "../src/bot/define.ts";
import { formatRanking } from "../src/domain/format-status.ts";
import { rankChange } from "../src/domain/ranking.ts";
import { assertMayQuery } from "./lib/query-access.ts";
import { loadStandings } from "../src/insights/standings.ts";

export default defineCommand({
  name: "ranking",
  triggers: ["排名", "赛马"],
  group: "query",
  summary: "各单位赛马排名（按五个率加权得分）及名次变化",
  examples: ["排名"],
  access: "public",
  async run(ctx) {
    assertMayQuery(ctx);
    const s = await loadStandings(ctx.store, ctx.today);
    const rows = s.ranked.map((r) => ({
      rank: r.rank,
      name: r.name,
      score: r.score,
      change: rankChange(r.rank, s.previousRank.get(r.unitId)),
      tieNote: r.tieNote,
    }));
    await ctx.reply(formatRanking(rows, ctx.today, s.timeProgress, s.rules));
  },
});
