// What the monthly and quarterly 通报 schedules share: the message, and the 台账 workbook (with
// the 通报's period in 单位进度) attached where the platform can carry a file.
import { reportCharts } from "../../src/charts/chart-sets.ts";
import type { PushMessage } from "../../src/push/push.ts";
import type { ScheduleContext } from "../../src/bot/schedule.ts";
import type { BulletinPeriod } from "../../src/domain/bulletin-period.ts";
import { formatBulletin } from "../../src/domain/format-bulletin.ts";
import { loadBulletin } from "../../src/insights/bulletin-data.ts";
import { loadChartData } from "../../src/insights/chart-data.ts";
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
  // The 通报's charts (funds completion, ranking, cumulative funds, signings and signing amount)
  // are a bonus: whatever goes wrong with them, the text and the file go out alone (logged).
  if (ctx.charts) {
    try {
      const images = await ctx.charts.renderAll(reportCharts(await loadChartData(ctx.store, ctx.today, period.end)));
      message.attachments = [
        ...images.map((i) => ({
          kind: "image" as const,
          filename: i.filename,
          contentBase64: i.png.toString("base64"),
        })),
        ...(message.attachments ?? []),
      ];
    } catch (err) {
      ctx.log.error({ err }, "bulletin charts left out: the text goes alone");
    }
  }
  const link = ctx.dashboard?.link({ kind: "county" }, ctx.now).url;
  if (link) message.link = { title: "招商引资数据看板", url: link };
  await ctx.send(ctx.settings.destination, message);
}
