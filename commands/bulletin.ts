import { defineCommand } from "../src/bot/define.ts";
import { UserError } from "../src/bot/errors.ts";
import { parseBulletinPeriod } from "../src/domain/bulletin-period.ts";
import { formatBulletin } from "../src/domain/format-bulletin.ts";
import { loadBulletin } from "../src/insights/bulletin-data.ts";
import { assertMayQuery } from "./lib/query-access.ts";

export default defineCommand({
  name: "bulletin",
  triggers: ["通报"],
  group: "query",
  summary: "月度/季度通报：各单位目标、累计完成、完成率、序时进度、超欠进度、同比、位次及变化，红黑榜",
  examples: ["通报", "通报 10月", "通报 1-10月", "通报 三季度"],
  access: "public",
  async run(ctx) {
    assertMayQuery(ctx);
    const parsed = parseBulletinPeriod(ctx.args, ctx.today);
    if (!parsed.ok) throw new UserError(parsed.problem);
    const bulletin = formatBulletin(await loadBulletin(ctx.store, parsed.period));
    await ctx.reply({ kind: "markdown", title: bulletin.title, markdown: bulletin.markdown });
  },
});
