import { describe, expect, it } from "vitest";
import { parseHolidayCommand } from "../../src/domain/holiday-command.ts";
import { applyHolidayOverrides, createHolidayCalendar, type HolidayYear } from "../../src/domain/holidays.ts";
import { formatDateRuns } from "../../src/domain/format-holidays.ts";

describe("parseHolidayCommand", () => {
  it("reads show, 调休, 放假 with a name and ranges, 删除", () => {
    expect(parseHolidayCommand("", 2026)).toEqual({ ok: true, command: { action: "show", year: 2026 } });
    expect(parseHolidayCommand("2027年", 2026)).toEqual({ ok: true, command: { action: "show", year: 2027 } });
    expect(parseHolidayCommand("2027 调休 2027-02-20、2027-02-07", 2026)).toEqual({
      ok: true,
      command: { action: "work", year: 2027, dates: ["2027-02-07", "2027-02-20"] },
    });
    expect(parseHolidayCommand("2027 放假 国庆节 10月1日至10月7日", 2026)).toEqual({
      ok: true,
      command: {
        action: "off",
        year: 2027,
        name: "国庆节",
        dates: ["2027-10-01", "2027-10-02", "2027-10-03", "2027-10-04", "2027-10-05", "2027-10-06", "2027-10-07"],
      },
    });
    expect(parseHolidayCommand("2027 放假 2027-2-15..2027-2-16", 2026)).toMatchObject({
      ok: true,
      command: { name: "放假", dates: ["2027-02-15", "2027-02-16"] },
    });
    expect(parseHolidayCommand("2027 删除 2027-02-07", 2026)).toMatchObject({ ok: true, command: { action: "clear" } });
  });

  it("refuses what it cannot read, with an example", () => {
    const cases: Array<[string, string]> = [
      ["明年", "请先写年份"],
      ["1999", "不在 2000–2100 之间"],
      ["2027 调休", "请写出日期"],
      ["2027 调休 2027-02-08", "本来就是工作日"],
      ["2027 放假 2027-02-21..2027-02-15", "结束日期早于开始日期"],
      ["2027 放假 2027-01-01..2027-03-01", "超过 31 天"],
      ["2027 放假 2028-01-01", "不在 2027 年"],
      ["2027 放假 2027-13-01", "看不懂日期"],
    ];
    for (const [args, problem] of cases) {
      const parsed = parseHolidayCommand(args, 2026);
      expect(parsed.ok, args).toBe(false);
      if (!parsed.ok) {
        expect(parsed.problem, args).toContain(problem);
        expect(parsed.example).toMatch(/^节假日 2027/);
      }
    }
  });
});

describe("applyHolidayOverrides", () => {
  const base: Record<number, HolidayYear> = {
    2027: { holidays: { 春节: ["2027-02-05", "2027-02-06"] }, workdays: [], provisional: true },
  };

  it("moves a day between festivals, workdays and ordinary days without touching the base", () => {
    const merged = applyHolidayOverrides(base, {
      "2027-02-06": { kind: "normal" },
      "2027-02-07": { kind: "work" },
      "2027-02-08": { kind: "off", name: "春节" },
      "2028-01-01": { kind: "off", name: "元旦" },
    });
    expect(merged[2027]).toEqual({ holidays: { 春节: ["2027-02-05", "2027-02-08"] }, workdays: ["2027-02-07"] });
    expect(merged[2028]).toEqual({ holidays: { 元旦: ["2028-01-01"] }, workdays: [] });
    expect(base[2027]!.holidays.春节).toEqual(["2027-02-05", "2027-02-06"]);
    const calendar = createHolidayCalendar(merged);
    expect(calendar.isWorkday("2027-02-06")).toBe(false); // an ordinary Saturday
    expect(calendar.isWorkday("2027-02-07")).toBe(true);
  });

  it("formats consecutive days as ranges", () => {
    expect(formatDateRuns(["2027-02-07", "2027-02-05", "2027-02-06", "2027-02-10"])).toBe(
      "2月5日–2月7日（3天）、2月10日",
    );
  });
});
