import { clockTime, defineSchedule } from "../src/bot/schedule.ts";
import type { PushMessage } from "../src/push/push.ts";
import { digestCharts } from "../src/charts/chart-sets.ts";
import { clockSetting, destinationSetting, intSetting } from "../src/bot/schedule-settings.ts";
import { addDays, weekStart } from "../src/domain/china-time.ts";
import { formatDigestHead } from "../src/domain/digest-head.ts";
import { weekId } from "../src/domain/periods.ts";
import { loadChartData } from "../src/insights/chart-data.ts";
import { loadDigestData } from "../src/insights/digest-data.ts";

/** Last week's ISO week, the week a Monday digest reports on: "2026-W11". */
export function coveredWeek(today: string): string {
  return weekId(addDays(weekStart(today), -1));
}

export default defineSchedule({
  name: "weekly-digest",
  summary:
    "每周一向领导群推送上周周报：一屏摘要（签约/到位对比上周、完成率对序时进度、前三后三、亿元以上签约），随后附图表",
  settings: {
    day: { env: "DIGEST_DAY", comment: "Weekly digest: ISO weekday (1 = Monday).", schema: intSetting(1, 7, 1) },
    time: { env: "DIGEST_TIME", comment: "Weekly digest: China time HH:MM.", schema: clockSetting("09:00") },
    destination: {
      env: "DIGEST_DESTINATION",
      comment: "Weekly digest: push destination.",
      schema: destinationSetting("leaders"),
    },
  },
  cron: ({ day, time }) => {
    const [hour, minute] = clockTime(time);
    return `${minute} ${hour} * * ${day % 7}`;
  },

  period: ({ today }) => coveredWeek(today),
  async run(ctx) {
    const data = await loadDigestData(ctx.store, ctx.today, "last");
    // Charts are a bonus: whatever goes wrong with them, the text goes out alone (logged).
    let attachments: PushMessage["attachments"] = [];
    if (ctx.charts) {
      try {
        const images = await ctx.charts.renderAll(digestCharts(await loadChartData(ctx.store, ctx.today, data.asOf)));
        attachments = images.map((i) => ({
          kind: "image" as const,
          filename: i.filename,
          contentBase64: i.png.toString("base64"),
        }));
      } catch (err) {
        ctx.log.error({ err }, "digest charts left out: the text goes alone");
      }
    }
    const link = ctx.dashboard?.link({ kind: "county" }, ctx.now).url;
    const head = formatDigestHead(data, { link, withCharts: attachments.length > 0 });
    await ctx.send(ctx.settings.destination, {
      ...head,
      attachments,
      ...(link ? { link: { title: "招商引资数据看板", url: link } } : {}),
    });
  },
});
