import { describe, expect, it } from "vitest";
import { formatReading } from "../../src/domain/format-reading.ts";
import type { ReportFields } from "../../src/domain/report-parser.ts";

const base: ReportFields = {
  date: "2026-06-18",
  dateGiven: true,
  project: null,
  money: null,
  industry: null,
  manufacturing: null,
  source: null,
  place: null,
  counterpart: null,
};

describe("formatReading", () => {
  it("shows a signing as the issue's example", () => {
    const fields = {
      ...base,
      project: "年产5万吨再生铜项目",
      money: { currency: "CNY" as const, value: 600_000_000 },
      industry: "新材料",
      manufacturing: true,
      source: "省外" as const,
    };
    expect(formatReading("signing", fields)).toBe(
      "签约 · 年产5万吨再生铜项目 · 总投资6.00亿元 · 新材料 · 省外 · 6月18日",
    );
  });

  it("shows only the fields present", () => {
    expect(formatReading("started", { ...base, project: "饲料项目", date: "2026-03-05" })).toBe(
      "开工 · 饲料项目 · 3月5日",
    );
  });

  it("names funds and dollars", () => {
    const fields = {
      ...base,
      project: "光学膜项目",
      money: { currency: "USD" as const, value: 5_000_000 },
      source: "境外" as const,
    };
    expect(formatReading("fundsArrived", fields)).toBe("到位 · 光学膜项目 · 500万美元 · 境外 · 6月18日");
  });

  it("shows a visit's place and whom it met", () => {
    expect(formatReading("visitOut", { ...base, place: "苏州", counterpart: "两家企业" })).toBe(
      "走出去 · 赴苏州 · 对接：两家企业 · 6月18日",
    );
    expect(formatReading("visitIn", { ...base, place: "宁波", counterpart: "宁波某集团董事长一行" })).toBe(
      "请进来 · 来访：宁波某集团董事长一行 · 来自宁波 · 6月18日",
    );
  });
});
