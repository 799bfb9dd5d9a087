import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { parseChineseNumeral, toChineseNumeral } from "../../src/domain/chinese-numeral.ts";

describe("parseChineseNumeral", () => {
  const valid: Array<[string, number]> = [
    ["零", 0],
    ["五", 5],
    ["两", 2],
    ["十", 10],
    ["十五", 15],
    ["二十", 20],
    ["二十五", 25],
    ["一百", 100],
    ["一百零五", 105],
    ["一千零五十", 1050],
    ["五千", 5000],
    ["两千", 2000],
    ["三千五", 3500], // colloquial: 三千五百
    ["一百五", 150],
    ["一万五", 15000],
    ["一万零五", 10005],
    ["两万", 20000],
    ["十万", 100000],
    ["十五万", 150000],
    ["一千二百万", 12000000],
    ["五千万", 50000000],
    ["两亿", 200000000],
    ["十亿", 1000000000],
    ["一亿五", 150000000],
    ["三亿五千万", 350000000],
    ["一亿零五十", 100000050],
    ["一亿零五十万", 100500000],
    ["一万亿", 1000000000000],
    ["壹仟贰佰", 1200],
    ["壹亿贰仟万", 120000000],
    ["叁拾万", 300000],
    ["伍佰万", 5000000],
    ["二〇二六", 2026],
  ];
  it.each(valid)("%s → %d", (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  const invalid = [
    "",
    "万",
    "亿",
    "百",
    "千万",
    "五千三千",
    "一亿二亿",
    "五五万",
    "5千",
    "万五",
    "一百零",
    "三一重工",
    "一行",
    "十万火急",
  ];
  it.each(invalid)("%j → null", (text) => {
    expect(parseChineseNumeral(text)).toBeNull();
  });
});

describe("toChineseNumeral", () => {
  const cases: Array<[number, string]> = [
    [0, "零"],
    [15, "十五"],
    [105, "一百零五"],
    [1010, "一千零一十"],
    [15000, "一万五千"],
    [100010, "十万零一十"],
    [350000000, "三亿五千万"],
    [100500000, "一亿零五十万"],
    [1000010000, "十亿零一万"],
    [123456789012, "一千二百三十四亿五千六百七十八万九千零一十二"],
  ];
  it.each(cases)("%d → %s", (value, text) => {
    expect(toChineseNumeral(value)).toBe(text);
  });

  it("round-trips through parseChineseNumeral", () => {
    fc.assert(
      fc.property(fc.oneof(fc.nat(10_000), fc.nat(100_000_000), fc.nat(Number.MAX_SAFE_INTEGER)), (n) => {
        expect(parseChineseNumeral(toChineseNumeral(n))).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });
});
