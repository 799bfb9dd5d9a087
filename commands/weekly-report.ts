import { defineCommand } from "../src/bot/define.ts";
import { formatDigest } from "../src/domain/digest.ts";
import { formatDigestHead } from "../src/domain/digest-head.ts";
import { loadDigestData } from "../src/insights/digest-data.ts";
import { assertMayQuery } from "./lib/query-access.ts";

export default defineCommand({
  name: "weekly-report",
  triggers: ["周报"],
  group: "query",
  summary: "本周（或「周报 上周」）的周报一屏摘要，与每周一推送的相同；「周报 详细」看全文",
  examples: ["周报", "周报 上周", "周报 详细", "周报 上周 详细"],
  access: "public",
  async run(ctx) {
    assertMayQuery(ctx);
    const words = ctx.args.split(/\s+/).filter(Boolean);
    const which = words.includes("上周") ? "last" : "this";
    const data = await loadDigestData(ctx.store, ctx.today, which);
    if (words.includes("详细")) {
      const digest = formatDigest(data);
      await ctx.reply({ kind: "markdown", title: digest.title, markdown: digest.markdown });
      return;
    }
    const link = ctx.rules.dashboard?.link({ kind: "county" }, ctx.now).url;
    const head = formatDigestHead(data, { link });
    await ctx.reply({ kind: "markdown", title: head.title, markdown: head.markdown });
  },
});
