import { clockTime, defineSchedule } from "../src/bot/schedule.ts";
import { clockSetting, destinationSetting, intSetting, switchSetting } from "../src/bot/schedule-settings.ts";
import { previousMonth } from "../src/domain/bulletin-period.ts";
import { nthWorkdayOfMonth } from "../src/domain/workday-of-month.ts";
import { sendBulletin } from "./lib/bulletin-push.ts";

export default defineSchedule({
  name: "monthly-bulletin",
  summary: "每月第3个工作日向领导群推送上月通报（完成率、序时进度、超欠进度、同比、位次、红黑榜），附台账 xlsx",
  settings: {
    workday: {
      env: "BULLETIN_WORKDAY",
      comment: "Monthly 通报: the n-th workday of the month (holidays skipped).",
      schema: intSetting(1, 20, 3),
    },
    time: { env: "BULLETIN_TIME", comment: "Monthly 通报: China time HH:MM.", schema: clockSetting("09:00") },
    destination: {
      env: "BULLETIN_DESTINATION",
      comment: "Monthly 通报: push destination.",
      schema: destinationSetting("leaders"),
    },
    attach: {
      env: "BULLETIN_ATTACH_XLSX",
      comment: "Attach the 台账 xlsx where the platform can (on|off).",
      schema: switchSetting(true),
    },
  },
  // Ticks daily; `period` lets only the n-th workday through.
  cron: ({ time }) => {
    const [hour, minute] = clockTime(time);
    return `${minute} ${hour} * * *`;
  },
  period({ today, settings, calendar, byHand }) {
    if (!byHand && nthWorkdayOfMonth(today, settings.workday, calendar) !== today) return null;
    return previousMonth(today).id;
  },
  run: (ctx) => sendBulletin(ctx, previousMonth(ctx.today)),
});
