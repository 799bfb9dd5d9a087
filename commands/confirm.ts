// 「是」 (or 确认 / 对 / 好 / ok) stores the reading the bot asked about, once: the reading is
// checked again as it stands now (project still there, not a repeat signing, date still in
// range) and consumed inside the same atomic write as the record.
import { defineCommand } from "../src/bot/define.ts";
import { UserError } from "../src/bot/errors.ts";
import { isConfirmation } from "../src/domain/confirmation.ts";
import { pendingRef, storeReading } from "./lib/record-report.ts";

export default defineCommand({
  name: "confirm",
  triggers: ["确认"],
  group: "report",
  summary: "机器人问「我理解为：…」时，回复「是」（或 确认 / 对 / 好）登记；直接发更正后的内容则取消并按新内容处理",
  examples: ["确认"],
  access: "member",
  wholeLine: isConfirmation,
  async run(ctx) {
    const ref = pendingRef(ctx);
    const pending = await ctx.store.pending.get(ref);
    if (!pending || Date.parse(pending.reading.expiresAt) <= ctx.now.getTime()) {
      if (pending) await ctx.store.pending.drop(ref);
      await ctx.reply(
        pending
          ? "待确认的内容已过期，未登记。请重新发送完整内容。"
          : "现在没有等待你确认的内容。要上报请直接发送，例如：签约 年产10万吨功能膜项目 5.2亿元 新材料 省外",
      );
      return { ok: !pending };
    }
    const { reading, token } = pending;
    try {
      return await storeReading(ctx, reading.kind, reading.fields, reading, {
        key: ctx.store.pending.keyOf(ref),
        token,
      });
    } catch (error) {
      // A reading that can no longer be stored as it stands is dropped: the reporter sends it again.
      if (error instanceof UserError) await ctx.store.pending.drop(ref);
      throw error;
    }
  },
});
