// CSV cells that a spreadsheet would run as a formula are written as text (OWASP CSV injection rule).
import { describe, expect, it } from "vitest";
import { csvLine } from "../../src/domain/export-row.ts";

describe("csvLine", () => {
  it.each([
    ["=1+2项目", "'=1+2项目"],
    ["+SUM(1)项目", "'+SUM(1)项目"],
    ["-2+3", "'-2+3"],
    ['@HYPERLINK("http://evil.example","x")', `"'@HYPERLINK(""http://evil.example"",""x"")"`],
    ["=SUM(A1:A9)公司", "'=SUM(A1:A9)公司"],
    ["\t=1", "'\t=1"],
    ["\r=1", `"'\r=1"`],
  ])("neutralises %j", (cell, expected) => {
    expect(csvLine([cell])).toBe(expected);
  });

  it("leaves ordinary text, numbers and booleans exact", () => {
    expect(csvLine(["年产10万吨功能膜项目", 52000, -3, true, null, "a,b", "含=号"])).toBe(
      '年产10万吨功能膜项目,52000,-3,true,,"a,b",含=号',
    );
  });
});
