import { describe, expect, it } from "vitest";
import { parseBulletinPeriod, previousMonth, previousQuarter } from "../../src/domain/bulletin-period.ts";

const today = "2026-11-18";
const period = (text: string) => {
  const p = parseBulletinPeriod(text, today);
  if (!p.ok) throw new Error(p.problem);
  return p.period;
};

describe("通报 periods", () => {
  it("reads this month so far, a month, a run of months and a quarter", () => {
    expect(period("")).toMatchObject({
      kind: "month",
      start: "2026-11-01",
      end: "2026-11-18",
      running: true,
      label: "2026年11月",
    });
    expect(period("10月")).toMatchObject({ start: "2026-10-01", end: "2026-10-31", running: false, id: "2026-10" });
    expect(period("十月")).toMatchObject({ fromMonth: 10, toMonth: 10 });
    expect(period("1-10月")).toMatchObject({
      kind: "months",
      fromMonth: 1,
      toMonth: 10,
      label: "2026年1-10月",
      end: "2026-10-31",
    });
    expect(period("1至10月")).toMatchObject({ fromMonth: 1, toMonth: 10 });
    expect(period("三季度")).toMatchObject({
      kind: "quarter",
      fromMonth: 7,
      toMonth: 9,
      label: "2026年三季度",
      end: "2026-09-30",
      id: "2026-Q3",
    });
    expect(period("第4季度")).toMatchObject({ fromMonth: 10, toMonth: 12, end: today, running: true });
    expect(period("Q1")).toMatchObject({ fromMonth: 1, toMonth: 3 });
    expect(period("上月")).toMatchObject({ fromMonth: 10, toMonth: 10 });
    expect(period("2025年12月")).toMatchObject({ year: 2025, start: "2025-12-01", end: "2025-12-31" });
    expect(period("2月")).toMatchObject({ end: "2026-02-28" });
  });

  it("explains what it cannot read", () => {
    for (const text of ["13月", "10-3月", "五季度", "明年", "2027年1月", "2026年12月"]) {
      const p = parseBulletinPeriod(text, today);
      expect(p.ok, text).toBe(false);
      if (!p.ok) expect(p.problem).toMatch(/例如|没有|还没有开始/);
    }
    // A month not begun this year is last year's.
    expect(parseBulletinPeriod("12月", "2026-11-18")).toMatchObject({
      ok: true,
      period: { year: 2025, end: "2025-12-31" },
    });
    expect(parseBulletinPeriod("四季度", "2026-03-10")).toMatchObject({
      ok: true,
      period: { year: 2025, label: "2025年四季度" },
    });
  });

  it("knows the previous month and quarter across a year end", () => {
    expect(previousMonth("2026-01-05")).toMatchObject({ year: 2025, fromMonth: 12, end: "2025-12-31" });
    expect(previousQuarter("2026-01-05")).toMatchObject({
      year: 2025,
      fromMonth: 10,
      toMonth: 12,
      label: "2025年四季度",
    });
    expect(previousQuarter("2026-10-09")).toMatchObject({ year: 2026, fromMonth: 7, toMonth: 9 });
  });
});
