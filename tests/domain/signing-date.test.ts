// The signing date of a 续建 line, in the forms people write it; pure, no storage.
import { describe, expect, it } from "vitest";
import { parseCarryOver } from "../../src/domain/carry-over.ts";
import { createIndustryTable } from "../../src/domain/industry.ts";
import { findSigningDate, formatSigningDate, signingDay } from "../../src/domain/signing-date.ts";

const TODAY = "2026-03-10";
const industries = createIndustryTable();

function signedOn(line: string): string | null {
  const found = findSigningDate(line, TODAY);
  return found?.ok ? found.match.signedOn : null;
}

describe("findSigningDate", () => {
  it.each([
    ["签约于2025-05-12", "2025-05-12"],
    ["签约于 2025年5月12日", "2025-05-12"],
    ["签约时间2025.5.12", "2025-05-12"],
    ["签约时间:2025/5/12", "2025-05-12"],
    ["签约日期为2024-11-03", "2024-11-03"],
    ["2025年5月签约", "2025-05"],
    ["于2025年5月12日签约", "2025-05-12"],
    ["2025年5月已签约", "2025-05"],
    ["去年5月签约", "2025-05"],
    ["去年五月十二日签约", "2025-05-12"],
    ["前年十月签约", "2024-10"],
    ["签约于去年12月", "2025-12"],
  ])("%s → %s", (text, expected) => {
    expect(signedOn(`年产10万吨功能膜项目 5.2亿元 ${text} 新材料`)).toBe(expected);
  });

  it("gives the span to take out, with its 签约 words", () => {
    const line = "功能膜项目 5.2亿元 2025年5月签约 新材料";
    const found = findSigningDate(line, TODAY);
    expect(found?.ok && line.slice(found.match.start, found.match.end)).toBe("2025年5月签约");
  });

  it("takes a lone explicit earlier-year date as a reading to confirm, never a relative or yearless one", () => {
    expect(findSigningDate("功能膜项目 5.2亿元 2025-05-12", TODAY)).toMatchObject({
      ok: true,
      match: { signedOn: "2025-05-12", bare: true },
    });
    expect(findSigningDate("功能膜项目 5.2亿元 5月12日", TODAY)).toBeNull();
    expect(findSigningDate("功能膜项目 5.2亿元 2024-05-12 2025-05-12", TODAY)).toBeNull();
    expect(findSigningDate("功能膜项目 5.2亿元 2026-01-12", TODAY)).toBeNull();
  });

  it("refuses a signing date of this year, a year without its month, an impossible day", () => {
    expect(findSigningDate("签约于2026-01-05", TODAY)).toMatchObject({ ok: false });
    expect(findSigningDate("2024年签约", TODAY)).toMatchObject({
      ok: false,
      problem: expect.stringContaining("写到月份"),
    });
    expect(findSigningDate("签约于1980-01-05", TODAY)).toMatchObject({ ok: false });
    expect(findSigningDate("签约于2025-02-30", TODAY)).toBeNull();
  });

  it("does not take amounts or quantities for a year", () => {
    expect(findSigningDate("年产2025吨项目 5.2亿元", TODAY)).toBeNull();
    expect(findSigningDate("项目 2025万元 签约", TODAY)).toBeNull();
  });

  it("formats and dates a month-only signing", () => {
    expect(formatSigningDate("2025-05")).toBe("2025年5月");
    expect(formatSigningDate("2025-05-12")).toBe("2025-05-12");
    expect(signingDay("2025-05")).toBe("2025-05-01");
  });
});

describe("parseCarryOver", () => {
  it("reads the rest of the line like a 签约, with the signing date apart", () => {
    const parsed = parseCarryOver("年产10万吨功能膜项目 总投资5.2亿元 签约于2025-05-12 新材料 省外", {
      today: TODAY,
      industries,
    });
    expect(parsed).toEqual({
      ok: true,
      fields: expect.objectContaining({
        project: "年产10万吨功能膜项目",
        money: { currency: "CNY", value: 520_000_000 },
        industry: "新材料",
        source: "省外",
        date: TODAY,
        signedOn: "2025-05-12",
      }),
    });
  });

  it("wants the total investment", () => {
    const parsed = parseCarryOver("年产10万吨功能膜项目 签约于2025-05-12", { today: TODAY, industries });
    expect(parsed).toMatchObject({ ok: false, problem: expect.stringContaining("总投资") });
  });
});
