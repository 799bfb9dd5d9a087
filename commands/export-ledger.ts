import { defineCommand } from "../src/bot/define.ts";
import { formatYuan } from "../src/domain/amount.ts";
import { ledgerFileName, ledgerWorkbookBytes } from "../src/xlsx/ledger-workbook.ts";
import { assertMayQuery } from "./lib/query-access.ts";

/** WeCom's limit for a file message (20 MB); larger workbooks are exported on the server. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export default defineCommand({
  name: "export-ledger",
  triggers: ["导出台账", "台账"],
  group: "query",
  summary: "导出项目台账 xlsx（项目台账、单位进度、记录明细），能收文件的群直接发送",
  examples: ["导出台账"],
  access: "public",
  async run(ctx) {
    assertMayQuery(ctx);
    const countyName = ctx.rules.countyName ?? "本县";
    const { bytes, bulletin } = await ledgerWorkbookBytes(ctx.store, { today: ctx.today, countyName });
    const filename = ledgerFileName(countyName, ctx.today);
    const county = bulletin.county;
    const summary = `${filename.replace(/\.xlsx$/, "")}：${bulletin.units.length} 个单位，签约 ${county.signingCount.cumulative} 个 ${formatYuan(county.signingAmount.cumulative)}，到位资金 ${formatYuan(county.fundsArrived.cumulative)}。`;
    const howTo = "这个群不能直接接收文件。请管理员在服务器上运行：npm run export -- --format xlsx > 台账.xlsx";
    if (bytes.length > MAX_FILE_BYTES) {
      await ctx.reply(
        `${summary}\n文件有 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过聊天文件的 20 MB 上限。请管理员在服务器上运行：npm run export -- --format xlsx > 台账.xlsx`,
      );
      return;
    }
    await ctx.reply({
      kind: "file",
      filename,
      contentBase64: bytes.toString("base64"),
      fallback: `${summary}\n${howTo}`,
      summary,
    });
  },
});
