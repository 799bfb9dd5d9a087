// What the monthly and quarterly 通报 schedules share: the message, and the 台账 workbook (with
// the 通报's period in 单位进度) attached where the platform can carry a file.
import type { PushMessage } from "../../src/push/push.ts";
import type { ScheduleContext } from "../../src/bot/schedule.ts";
import type { BulletinPeriod } from "../../src/domain/bulletin-period.ts";
import { formatBulletin } from "../../src/domain/format-bulletin.ts";
import { loadBulletin } from "../../src/insights/bulletin-data.ts";
import { ledgerFileName, ledgerWorkbookBytes } from "../../src/xlsx/ledger-workbook.ts";

export async function sendBulletin(
  ctx: ScheduleContext<{ destination: string; attach: boolean }>,
  period: BulletinPeriod,
): Promise<void> {
  const bulletin = formatBulletin(await loadBulletin(ctx.store, period));
  const message: PushMessage = { title: bulletin.title, markdown: bulletin.markdown };
  if (ctx.settings.attach) {
    const filename = ledgerFileName(ctx.environment.countyName, ctx.today).replace(
      "项目台账",
      `项目台账及${period.label}通报`,
    );
    const { bytes: file } = await ledgerWorkbookBytes(ctx.store, {
      today: ctx.today,
      countyName: ctx.environment.countyName,
      period,
    });
    message.markdown += `\n\n> 完整表格见随附文件「${filename}」（不能收文件的群，请管理员发「导出台账」或运行 npm run export -- --format xlsx）`;
    message.attachments = [{ kind: "file", filename, contentBase64: file.toString("base64") }];
  }
  await ctx.send(ctx.settings.destination, message);
}
