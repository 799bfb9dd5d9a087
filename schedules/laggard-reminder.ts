import { clockTime, defineSchedule } from "../src/bot/schedule.ts";
import { addDays, weekStart } from "../src/domain/china-time.ts";
import { weekId } from "../src/domain/periods.ts";
import { formatReminder } from "../src/domain/reminder.ts";
import { loadReminderUnits } from "../src/insights/reminder-data.ts";

export default defineSchedule({
  name: "laggard-reminder",
  summary: "每周五（节假日提前到前一个工作日）提醒落后单位，只 @ 这些单位的成员",
  // Ticks daily at the set time; `period` picks the one workday of the week to send on.
  cron: ({ reminder }) => {
    const [hour, minute] = clockTime(reminder.time);
    return `${minute} ${hour} * * *`;
  },
  period({ today, settings, calendar, byHand }) {
    const id = weekId(today);
    if (byHand) return id;
    const target = calendar.previousWorkday(addDays(weekStart(today), settings.reminder.day - 1));
    return target === today ? id : null;
  },
  async run(ctx) {
    const { reminder } = ctx.settings;
    const units = await loadReminderUnits(ctx.store, ctx.today, { staleDays: reminder.staleDays, maxPerWeek: reminder.maxPerWeek });
    const message = formatReminder(units, ctx.today, reminder.staleDays);
    if (!message) {
      ctx.log.info("nobody lags: no reminder");
      return;
    }
    const receipt = await ctx.send(reminder.destination, message);
    if (!ctx.dryRun && !receipt.duplicate && receipt.queued > 0) {
      await ctx.store.metrics.countReminders(weekId(ctx.today), units.map((u) => u.unitId));
    }
  },
});
