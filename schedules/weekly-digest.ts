import { clockTime, defineSchedule } from "../src/bot/schedule.ts";
import { addDays, weekStart } from "../src/domain/china-time.ts";
import { weekId } from "../src/domain/periods.ts";
import { formatDigest } from "../src/domain/digest.ts";
import { loadDigestData } from "../src/insights/digest-data.ts";

/** Last week's ISO week, the week a Monday digest reports on: "2026-W11". */
export function coveredWeek(today: string): string {
  return weekId(addDays(weekStart(today), -1));
}

export default defineSchedule({
  name: "weekly-digest",
  summary: "每周一向领导群推送上周工作周报（总量、完成率、序时进度、赛马、签约、落后单位）",
  cron: ({ digest }) => {
    const [hour, minute] = clockTime(digest.time);
    return `${minute} ${hour} * * ${digest.day % 7}`;
  },
  period: ({ today }) => coveredWeek(today),
  async run(ctx) {
    const digest = formatDigest(await loadDigestData(ctx.store, ctx.today, "last"));
    await ctx.send(ctx.settings.digest.destination, digest);
  },
});
