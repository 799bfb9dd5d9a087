import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  addDays,
  chinaDate,
  chinaMidnight,
  daysBetween,
  isoWeek,
  isValidDate,
  weekday,
  weekStart,
} from "../../src/domain/china-time.ts";

/** Arbitrary IsoDate between 1970 and 2099. */
const isoDate = fc.integer({ min: 0, max: 47_481 }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

describe("chinaDate", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it.each([
    ["2026-03-04T16:30:00Z", "2026-03-05"],
    ["2026-03-04T15:59:59.999Z", "2026-03-04"],
    ["2026-03-04T16:00:00Z", "2026-03-05"],
    ["2026-12-31T15:59:59Z", "2026-12-31"],
    ["2026-12-31T16:00:00Z", "2027-01-01"],
    ["2028-02-28T16:00:00Z", "2028-02-29"],
    ["2026-06-30T23:59:59Z", "2026-07-01"],
  ])("%s is %s in China", (instant, expected) => {
    expect(chinaDate(new Date(instant))).toBe(expected);
  });

  it("does not depend on the server's time zone", () => {
    const instants = ["2026-03-04T16:30:00Z", "2026-03-04T15:30:00Z", "2026-12-31T16:00:00Z", "2026-03-29T01:30:00Z"];
    const expected = instants.map((s) => chinaDate(new Date(s)));
    const localHours = new Set<number>();
    for (const tz of [
      "UTC",
      "America/Los_Angeles",
      "Europe/London",
      "Asia/Tokyo",
      "Pacific/Kiritimati",
      "Pacific/Pago_Pago",
    ]) {
      process.env.TZ = tz;
      localHours.add(new Date(instants[0] ?? "").getHours());
      expect(instants.map((s) => chinaDate(new Date(s)))).toEqual(expected);
    }
    // Guards against a vacuous test: the zone switch must really change local time.
    expect(localHours.size).toBeGreaterThan(1);
    expect(expected).toEqual(["2026-03-05", "2026-03-04", "2027-01-01", "2026-03-29"]);
  });
});

describe("addDays / daysBetween", () => {
  it.each([
    ["2028-02-28", 1, "2028-02-29"],
    ["2028-02-28", 2, "2028-03-01"],
    ["2028-03-01", -1, "2028-02-29"],
    ["2027-02-28", 1, "2027-03-01"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2027-01-01", -1, "2026-12-31"],
    ["2026-03-10", 0, "2026-03-10"],
    ["2026-03-10", 365, "2027-03-10"],
    ["2028-01-01", 366, "2029-01-01"],
  ])("%s + %i = %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it("counts February in leap and common years", () => {
    expect(daysBetween("2028-02-01", "2028-03-01")).toBe(29);
    expect(daysBetween("2026-02-01", "2026-03-01")).toBe(28);
    expect(daysBetween("2026-03-10", "2026-03-01")).toBe(-9);
  });

  it("round-trips (property)", () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        const later = addDays(d, n);
        expect(daysBetween(d, later)).toBe(n);
        expect(addDays(later, -n)).toBe(d);
      }),
    );
  });

  it("agrees with the Date-based calendar (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (n) => {
        const reference = new Date(n * 86_400_000);
        const d = addDays("1970-01-01", n);
        expect(d).toBe(reference.toISOString().slice(0, 10));
        expect(weekday(d)).toBe(((reference.getUTCDay() + 6) % 7) + 1);
      }),
    );
  });

  it("rejects malformed dates instead of computing garbage", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => daysBetween("2026-3-5", "2026-03-05")).toThrow(RangeError);
  });
});

describe("weekday / weekStart", () => {
  it.each([
    ["2026-03-09", 1],
    ["2026-03-10", 2],
    ["2026-03-14", 6],
    ["2026-03-15", 7],
    ["2027-01-01", 5],
    ["1970-01-01", 4],
    ["1969-12-29", 1],
  ])("%s is weekday %i", (date, expected) => {
    expect(weekday(date)).toBe(expected);
  });

  it("weekStart of a Sunday is the Monday six days before", () => {
    expect(weekStart("2026-03-15")).toBe("2026-03-09");
    expect(weekStart("2027-01-03")).toBe("2026-12-28");
  });

  it("weekStart of a Monday is itself", () => {
    expect(weekStart("2026-03-09")).toBe("2026-03-09");
  });

  it("weekStart is a Monday at most six days earlier (property)", () => {
    fc.assert(
      fc.property(isoDate, (d) => {
        const start = weekStart(d);
        expect(weekday(start)).toBe(1);
        const back = daysBetween(start, d);
        expect(back).toBeGreaterThanOrEqual(0);
        expect(back).toBeLessThanOrEqual(6);
      }),
    );
  });
});

describe("isoWeek", () => {
  it.each([
    ["2026-03-09", 2026, 11],
    ["2026-11-16", 2026, 47],
    ["2027-01-01", 2026, 53],
    ["2026-01-01", 2026, 1],
    ["2025-12-29", 2026, 1],
    ["2025-12-28", 2025, 52],
    ["2027-01-04", 2027, 1],
    ["2021-01-03", 2020, 53],
    ["2024-12-30", 2025, 1],
  ])("%s is %i-W%i", (date, year, week) => {
    expect(isoWeek(date)).toEqual({ year, week });
  });

  it("the week spanning New Year 2026/27 is 2026-W53 on every day", () => {
    for (let i = 0; i < 7; i++) {
      expect(isoWeek(addDays("2026-12-28", i))).toEqual({ year: 2026, week: 53 });
    }
  });

  it("is constant within a Monday–Sunday week and steps by one across weeks (property)", () => {
    fc.assert(
      fc.property(isoDate, (d) => {
        const w = isoWeek(d);
        expect(isoWeek(weekStart(d))).toEqual(w);
        expect(isoWeek(addDays(weekStart(d), 6))).toEqual(w);
        const next = isoWeek(addDays(weekStart(d), 7));
        if (next.year === w.year) expect(next.week).toBe(w.week + 1);
        else expect(next).toEqual({ year: w.year + 1, week: 1 });
      }),
    );
  });
});

describe("isValidDate", () => {
  it.each([
    [2028, 2, 29, true],
    [2026, 2, 29, false],
    [2000, 2, 29, true],
    [1900, 2, 29, false],
    [2026, 4, 31, false],
    [2026, 12, 31, true],
    [2026, 13, 1, false],
    [2026, 0, 1, false],
    [2026, 1, 0, false],
    [2026, 1.5, 1, false],
  ])("%i-%i-%i → %s", (y, m, d, expected) => {
    expect(isValidDate(y, m, d)).toBe(expected);
  });
});

describe("chinaMidnight", () => {
  it("is 16:00 UTC of the previous day", () => {
    expect(chinaMidnight("2026-03-05").toISOString()).toBe("2026-03-04T16:00:00.000Z");
    expect(chinaMidnight("2027-01-01").toISOString()).toBe("2026-12-31T16:00:00.000Z");
  });

  it("starts the date it names (property)", () => {
    fc.assert(
      fc.property(isoDate, (d) => {
        const midnight = chinaMidnight(d);
        expect(chinaDate(midnight)).toBe(d);
        expect(chinaDate(new Date(midnight.getTime() - 1))).toBe(addDays(d, -1));
      }),
    );
  });
});
