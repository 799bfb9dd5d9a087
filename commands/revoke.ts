import { defineCommand } from "../src/bot/define.ts";
import { notBoundText } from "../src/bot/dispatcher.ts";
import { UserError } from "../src/bot/errors.ts";
import type { ReportRecord } from "../src/domain/record.ts";
import { formatMoneyOf, formatYearTotals } from "../src/domain/format-report.ts";
import { KIND_LABEL } from "../src/domain/types.ts";
import { currentVersion } from "./lib/current-version.ts";

const EXAMPLE = "撤销 #128";

export default defineCommand({
  name: "revoke",
  triggers: ["撤销", "撤回"],
  group: "report",
  summary: "撤销自己最近一条记录，或指定编号的记录（管理员可撤销任何记录）",
  examples: ["撤销", EXAMPLE],
  access: "public",
  async run(ctx) {
    const { store, message } = ctx;
    if (!ctx.unit && !ctx.isAdmin) {
      await ctx.reply(notBoundText(message.sender.id));
      return { ok: false };
    }
    let record: ReportRecord | undefined | null;
    if (ctx.args) {
      const id = /^#?\s*(\d+)$/.exec(ctx.args)?.[1];
      if (!id) throw new UserError(`没看懂要撤销哪条记录：「${ctx.args}」。`, EXAMPLE);
      const found = await store.records.getRecord(Number(id));
      if (!found) throw new UserError(`没有编号为 #${id} 的记录。`);
      // A corrected record: undo what counts now, its latest version.
      record = await currentVersion(store, found);
      if (record.reporter !== message.sender.id && !ctx.isAdmin) {
        throw new UserError(`#${id} 不是你登记的记录，只能撤销自己的记录；如需更正请联系管理员。`);
      }
      if (record.revoked) throw new UserError(`#${record.id} 已经撤销过了，统计中不再计入。`);
    } else {
      record = (await store.records.recentOf(message.sender.id)).find((r) => !r.revoked);
      if (!record) throw new UserError("你还没有可撤销的记录。", EXAMPLE);
    }
    const done = await store.records.revoke(record, message.sender.id, ctx.now);
    if (!done) throw new UserError(`#${record.id} 已经撤销过了，统计中不再计入。`);
    const unit = await store.directory.getUnit(record.unitId);
    const unitName = unit?.name ?? record.unitId;
    const year = Number(record.date.slice(0, 4));
    const totals = await store.records.yearTotals(record.unitId, year);
    const people = record.headcount != null ? `${record.headcount}人` : null;
    const what = [KIND_LABEL[record.kind], people, record.level, record.project, formatMoneyOf(record)]
      .filter(Boolean)
      .join(" ");
    await ctx.reply(
      `↩️ 已撤销 #${record.id} ${what}（${record.date}，${unitName}），相关统计已扣回。\n\n${formatYearTotals(unitName, year, totals, unit?.targets ?? {})}`,
    );
    return { record: { ...record, revoked: true } };
  },
});
