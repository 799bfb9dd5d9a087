import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "../../src/config.ts";
import { createHolidayCalendar } from "../../src/domain/holidays.ts";

const dir = mkdtempSync(join(tmpdir(), "zs-holidays-"));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("HOLIDAYS_FILE", () => {
  it("replaces a built-in year from YAML (ranges allowed) and keeps the other years", () => {
    const path = file(
      "h.yaml",
      [
        "2027:",
        "  holidays:",
        "    春节: [2027-02-05..2027-02-11]",
        "    元旦: [2027-01-01]",
        "  workdays: [2027-01-31, 2027-02-20]",
      ].join("\n"),
    );
    const config = readConfig({ HOLIDAYS_FILE: path });
    expect(config.holidays[2027]).toEqual({
      holidays: {
        春节: ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11"],
        元旦: ["2027-01-01"],
      },
      workdays: ["2027-01-31", "2027-02-20"],
    });
    expect(config.holidays[2026]!.workdays).toContain("2026-02-28");
    expect(() =>
      readConfig({
        HOLIDAYS_FILE: file("both.yaml", "2027:\n  holidays: { 春节: [2027-02-07] }\n  workdays: [2027-02-07]"),
      }),
    ).toThrow(/2027-02-07 is both a holiday and a make-up workday/);
    expect(createHolidayCalendar(config.holidays).isWorkday("2027-02-20")).toBe(true);
  });

  it("reads JSON in the built-in table's shape", () => {
    const path = file(
      "h.json",
      JSON.stringify({ 2028: { holidays: { 元旦: ["2028-01-01"] }, workdays: [], provisional: true } }),
    );
    expect(readConfig({ HOLIDAYS_FILE: path }).holidays[2028]).toEqual({
      holidays: { 元旦: ["2028-01-01"] },
      workdays: [],
      provisional: true,
    });
  });

  it("stops start-up with one line per problem", () => {
    const path = file(
      "bad.yaml",
      ["2027:", "  holidays:", "    春节: [2027-02-30]", "  workdays: [2027-02-10, 2026-12-26]"].join("\n"),
    );
    let error: unknown;
    try {
      readConfig({ HOLIDAYS_FILE: path });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join("\n");
    expect(problems).toContain("2027-02-30 is not a calendar date");
    expect(problems).toContain("2027-02-10 is a weekday already");
    expect(problems).toContain("2026-12-26 is not in 2027");
    expect(() => readConfig({ HOLIDAYS_FILE: join(dir, "missing.yaml") })).toThrow(/HOLIDAYS_FILE: cannot read/);
    expect(() => readConfig({ HOLIDAYS_FILE: file("shape.json", '{"2027": {"days": []}}') })).toThrow(/HOLIDAYS_FILE/);
  });
});
