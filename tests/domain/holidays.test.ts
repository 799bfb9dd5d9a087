import { describe, expect, it } from "vitest";
import { createHolidayCalendar } from "../../src/domain/holidays.ts";

const cal = createHolidayCalendar();

describe("China's holiday calendar", () => {
  it("knows the 2026 Spring Festival, its make-up Saturdays and the days around it", () => {
    expect(cal.isWorkday("2026-02-13")).toBe(true); // Friday before
    expect(cal.isWorkday("2026-02-14")).toBe(true); // Saturday, 调休上班
    for (let d = 15; d <= 23; d++) expect(cal.isWorkday(`2026-02-${d}`), `2-${d}`).toBe(false);
    expect(cal.holidayName("2026-02-17")).toBe("春节");
    expect(cal.isWorkday("2026-02-24")).toBe(true);
    expect(cal.isWorkday("2026-02-28")).toBe(true); // Saturday, 调休上班
  });

  it("knows the 2026 National Day week and its make-up days", () => {
    expect(cal.isWorkday("2026-09-20")).toBe(true); // Sunday, 调休上班
    expect(cal.holidayName("2026-09-25")).toBe("中秋节");
    for (let d = 1; d <= 7; d++) expect(cal.isWorkday(`2026-10-0${d}`), `10-${d}`).toBe(false);
    expect(cal.isWorkday("2026-10-08")).toBe(true);
    expect(cal.isWorkday("2026-10-10")).toBe(true); // Saturday, 调休上班
    expect(cal.isWorkday("2026-10-11")).toBe(false); // an ordinary Sunday
  });

  it("moves a Friday that is a holiday to the previous workday", () => {
    expect(cal.previousWorkday("2026-11-20")).toBe("2026-11-20");
    expect(cal.previousWorkday("2026-10-02")).toBe("2026-09-30"); // National Day Friday → Wednesday
    expect(cal.previousWorkday("2026-02-20")).toBe("2026-02-14"); // Spring Festival → the make-up Saturday
    expect(cal.previousWorkday("2026-06-19")).toBe("2026-06-18"); // 端午 Friday → Thursday
    expect(cal.previousWorkday("2026-11-22")).toBe("2026-11-20"); // Sunday → Friday
  });

  it("covers 2027's statutory holidays", () => {
    expect(cal.holidayName("2027-01-01")).toBe("元旦");
    expect(["2027-02-05", "2027-02-08"].map((d) => cal.holidayName(d))).toEqual(["春节", "春节"]);
    expect(cal.isWorkday("2027-02-09")).toBe(true);
    expect(cal.isWorkday("2027-10-01")).toBe(false);
    expect(cal.previousWorkday("2027-10-01")).toBe("2027-09-30");
  });
});
