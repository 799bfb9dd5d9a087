import { clockTime, defineSchedule } from "../src/bot/schedule.ts";
import { clockSetting, destinationSetting, intSetting, switchSetting } from "../src/bot/schedule-settings.ts";
import { previousQuarter } from "../src/domain/bulletin-period.ts";
import { nthWorkdayOfMonth } from "../src/domain/workday-of-month.ts";
import { sendBulletin } from "./lib/bulletin-push.ts";

const QUARTER_FIRST_MONTHS = new Set(["01", "04", "07", "10"]);

export default defineSchedule({
  name: "quarterly-bulletin",
  summary: "每季度首月第3个工作日向领导群推送上季度通报，附台账 xlsx",
  settings: {
    workday: {
      env: "QUARTER_BULLETIN_WORKDAY",
      comment: "Quarterly 通报: the n-th workday of January, April, July, October.",
      schema: intSetting(1, 20, 3),
    },
    time: { env: "QUARTER_BULLETIN_TIME", comment: "Quarterly 通报: China time HH:MM.", schema: clockSetting("09:30") },
    destination: {
      env: "QUARTER_BULLETIN_DESTINATION",
      comment: "Quarterly 通报: push destination.",
      schema: destinationSetting("leaders"),
    },
    attach: {
      env: "QUARTER_BULLETIN_ATTACH_XLSX",
      comment: "Attach the 台账 xlsx where the platform can (on|off).",
      schema: switchSetting(true),
    },
  },
  cron: ({ time }) => {
    const [hour, minute] = clockTime(time);
    return `${minute} ${hour} * * *`;
  },
  period({ today, settings, calendar, byHand }) {
    if (byHand) return previousQuarter(today).id;
    if (!QUARTER_FIRST_MONTHS.has(today.slice(5, 7)) || nthWorkdayOfMonth(today, settings.workday, calendar) !== today)
      return null;
    return previousQuarter(today).id;
  },
  run: (ctx) => sendBulletin(ctx, previousQuarter(ctx.today)),
});
