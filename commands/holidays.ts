import { defineCommand } from "../src/bot/define.ts";
import { UserError } from "../src/bot/errors.ts";
import { formatHolidayYear } from "../src/domain/format-holidays.ts";
import { HOLIDAY_EXAMPLES, parseHolidayCommand } from "../src/domain/holiday-command.ts";
import { applyHolidayOverrides, CHINA_HOLIDAYS, type DayOverride } from "../src/domain/holidays.ts";
import type { IsoDate } from "../src/domain/types.ts";

const ACTION_TEXT = { work: "调休上班", off: "放假", clear: "恢复为普通日子" } as const;

export default defineCommand({
  name: "holidays",
  triggers: ["节假日"],
  group: "admin",
  summary: "查看或补充节假日和调休安排（定时推送按它跳过假日）",
  examples: [HOLIDAY_EXAMPLES.show, HOLIDAY_EXAMPLES.work, HOLIDAY_EXAMPLES.off, HOLIDAY_EXAMPLES.clear],
  access: "admin",
  async run(ctx) {
    const parsed = parseHolidayCommand(ctx.args, Number(ctx.today.slice(0, 4)));
    if (!parsed.ok) throw new UserError(parsed.problem, parsed.example);
    const { command } = parsed;
    const base = ctx.rules.holidays ?? CHINA_HOLIDAYS;
    let overrides = await ctx.store.holidays.overrides();
    if (command.action !== "show") {
      const baseYear = base[command.year];
      const special = new Set<IsoDate>([
        ...Object.values(baseYear?.holidays ?? {}).flat(),
        ...(baseYear?.workdays ?? []),
      ]);
      const change = (d: IsoDate): DayOverride | null =>
        command.action === "work"
          ? { kind: "work" }
          : command.action === "off"
            ? { kind: "off", name: command.name }
            : special.has(d)
              ? { kind: "normal" }
              : null;
      await ctx.store.holidays.change(command.dates.map((d) => [d, change(d)]));
      overrides = await ctx.store.holidays.overrides();
      ctx.log.info({ year: command.year, action: command.action, dates: command.dates }, "holiday calendar changed");
    }
    const table = applyHolidayOverrides(base, overrides)[command.year];
    const changed = Object.keys(overrides).filter((d) => d.startsWith(`${command.year}-`)).length;
    const head =
      command.action === "show"
        ? []
        : [`✅ 已把 ${command.dates.length} 天设为${ACTION_TEXT[command.action]}，定时推送即刻按新安排执行。`, ""];
    await ctx.reply([...head, formatHolidayYear(command.year, table, changed)].join("\n"));
  },
});
