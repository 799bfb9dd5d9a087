import { defineCommand } from "../src/bot/define.ts";
import { formatDigest } from "../src/domain/digest.ts";
import { loadDigestData } from "../src/insights/digest-data.ts";
import { assertMayQuery } from "./lib/query-access.ts";

export default defineCommand({
  name: "weekly-report",
  triggers: ["周报"],
  group: "query",
  summary: "本周（或「周报 上周」）的工作周报，与每周一推送给领导的相同",
  examples: ["周报", "周报 上周"],
  access: "public",
  async run(ctx) {
    assertMayQuery(ctx);
    const which = ctx.args === "上周" ? "last" : "this";
    const digest = formatDigest(await loadDigestData(ctx.store, ctx.today, which));
    await ctx.reply({ kind: "markdown", title: digest.title, markdown: digest.markdown });
  },
});
