import { defineCommand } from "../src/bot/define.ts";
import { UserError } from "../src/bot/errors.ts";
import { formatRecordList } from "../src/domain/format-records.ts";
import { periodFromWord, yearToDate } from "../src/domain/periods.ts";
import { findUnit, words } from "./lib/find-unit.ts";
import { assertMayQuery } from "./lib/query-access.ts";

const SHOWN = 10;
/** How far back the list reads: a unit's busiest month fits several times over. */
const SCAN = 300;

export default defineCommand({
  name: "details",
  triggers: ["明细"],
  group: "query",
  summary: "最近的登记记录，可加 本周/上周/本月/上月 和单位名",
  examples: ["明细", "明细 本周", "明细 上周 城西镇"],
  access: "public",
  async run(ctx) {
    let period = yearToDate(ctx.today);
    const unitWords: string[] = [];
    for (const word of words(ctx.args)) {
      const p = periodFromWord(word, ctx.today);
      if (p) period = p;
      else unitWords.push(word);
    }
    const unit = unitWords.length > 0 ? await findUnit(ctx.store, unitWords.join(""), "明细 本周 城西镇") : ctx.unit;
    if (!unit) throw new UserError("请写上要查看的单位。", "明细 本周 城西镇");
    assertMayQuery(ctx, unit.id);
    const { records } = ctx.store;
    // Undone and corrected records are listed too, marked, so the list explains the totals.
    const recent = (await records.recentOfUnit(unit.id, SCAN))
      .filter((r) => r.date >= period.start && r.date <= period.end)
      .sort((a, b) => (a.date === b.date ? b.id - a.id : a.date < b.date ? 1 : -1));
    const totals =
      period.kind === "week"
        ? await records.weekTotals(unit.id, period.start)
        : period.kind === "month"
          ? await records.monthTotals(unit.id, period.start)
          : await records.yearTotals(unit.id, Number(period.start.slice(0, 4)));
    const shown = recent.slice(0, SHOWN);
    const active = recent.filter((r) => !r.revoked);
    const activeShown = shown.filter((r) => !r.revoked).length;
    const more = Math.max(totals.reports, active.length) - activeShown;
    const undone = shown.length - activeShown;
    const title = `📋 ${unit.name} · ${period.label}明细（共 ${activeShown + more} 条${undone > 0 ? `，另列出已撤销/已更正 ${undone} 条` : ""}，新的在前）`;
    await ctx.reply(formatRecordList(title, shown, more));
  },
});
