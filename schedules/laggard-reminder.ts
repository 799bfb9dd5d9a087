import { clockTime, defineSchedule } from "../src/bot/schedule.ts";
import { clockSetting, destinationSetting, intSetting } from "../src/bot/schedule-settings.ts";
import { addDays, weekStart } from "../src/domain/china-time.ts";
import { weekId } from "../src/domain/periods.ts";
import { formatReminder } from "../src/domain/reminder.ts";
import { loadReminderUnits } from "../src/insights/reminder-data.ts";

export default defineSchedule({
  name: "laggard-reminder",
  summary: "每周五（节假日提前到前一个工作日）提醒落后单位，只 @ 这些单位的成员",
  settings: {
    day: {
      env: "REMINDER_DAY",
      comment: "Laggard reminder: weekday (moved to the previous workday on holidays).",
      schema: intSetting(1, 7, 5),
    },
    time: { env: "REMINDER_TIME", comment: "Laggard reminder: China time HH:MM.", schema: clockSetting("16:00") },
    destination: {
      env: "REMINDER_DESTINATION",
      comment: "Laggard reminder: push destination.",
      schema: destinationSetting("work-group"),
    },
    staleDays: {
      env: "REMINDER_STALE_DAYS",
      comment: "Name signed projects not started after this many days (0 turns it off).",
      schema: intSetting(0, 3650, 90),
    },
    maxPerWeek: {
      env: "REMINDER_MAX_PER_WEEK",
      comment: "At most this many reminders per unit per week.",
      schema: intSetting(1, 7, 1),
    },
  },
  // Ticks daily at the set time; `period` picks the one workday of the week to send on.
  cron: ({ time }) => {
    const [hour, minute] = clockTime(time);
    return `${minute} ${hour} * * *`;
  },
  period({ today, settings, calendar, byHand }) {
    const id = weekId(today);
    if (byHand) return id;
    const target = calendar.previousWorkday(addDays(weekStart(today), settings.day - 1));
    return target === today ? id : null;
  },
  async run(ctx) {
    const { staleDays, maxPerWeek, destination } = ctx.settings;
    const units = await loadReminderUnits(ctx.store, ctx.today, { staleDays, maxPerWeek });
    const message = formatReminder(units, ctx.today, staleDays);
    if (!message) {
      ctx.log.info("nobody lags: no reminder");
      return;
    }
    const receipt = await ctx.send(destination, message);
    if (!ctx.dryRun && !receipt.duplicate && receipt.queued > 0) {
      await ctx.store.metrics.countReminders(
        weekId(ctx.today),
        units.map((u) => u.unitId),
      );
    }
  },
});
