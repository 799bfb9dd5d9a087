import { describe, expect, it } from "vitest";
import { lastWeekEnd, yearToDateScopes } from "../../src/domain/year-to-date.ts";

describe("year to date as of a day", () => {
  it("last week ends on the Sunday before the week", () => {
    expect(lastWeekEnd("2027-01-04")).toBe("2027-01-03");
    expect(lastWeekEnd("2027-01-01")).toBe("2026-12-27");
    expect(lastWeekEnd("2026-03-15")).toBe("2026-03-08");
  });

  it("takes whole later weeks off the year, and the days of a week that crosses into the next year", () => {
    expect(yearToDateScopes("2026-03-08", "2026-03-18")).toEqual([
      { kind: "year", year: 2026 },
      { kind: "week", date: "2026-03-09" },
      { kind: "week", date: "2026-03-16" },
    ]);
    expect(yearToDateScopes("2026-12-27", "2027-01-04")).toEqual([
      { kind: "year", year: 2026 },
      { kind: "day", date: "2026-12-28" },
      { kind: "day", date: "2026-12-29" },
      { kind: "day", date: "2026-12-30" },
      { kind: "day", date: "2026-12-31" },
    ]);
    expect(yearToDateScopes("2027-01-03", "2027-01-03")).toEqual([{ kind: "year", year: 2027 }]);
  });
});
