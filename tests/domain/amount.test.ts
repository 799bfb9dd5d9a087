import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { findMoney, formatUsd, formatYuan, parseMoney } from "../../src/domain/amount.ts";
import { toChineseNumeral } from "../../src/domain/chinese-numeral.ts";

type Cur = "CNY" | "USD";
/** [currency, value, matched span text] per match. */
type Expected = Array<[Cur, number, string]>;

const spans = (text: string) => findMoney(text).map((m) => [m.currency, m.value, text.slice(m.start, m.end)]);

describe("findMoney: money", () => {
  const cases: Array<[string, Expected]> = [
    ["5亿", [["CNY", 500000000, "5亿"]]],
    ["5.2亿元", [["CNY", 520000000, "5.2亿元"]]],
    ["1.5个亿", [["CNY", 150000000, "1.5个亿"]]],
    ["3000万", [["CNY", 30000000, "3000万"]]],
    ["3,000万元", [["CNY", 30000000, "3,000万元"]]],
    ["12000万元", [["CNY", 120000000, "12000万元"]]],
    ["0.8亿", [["CNY", 80000000, "0.8亿"]]],
    ["五千万", [["CNY", 50000000, "五千万"]]],
    ["两亿", [["CNY", 200000000, "两亿"]]],
    ["三亿五千万元", [["CNY", 350000000, "三亿五千万元"]]],
    ["1亿2千万", [["CNY", 120000000, "1亿2千万"]]],
    ["8000万", [["CNY", 80000000, "8000万"]]],
    ["投资额约3.6亿元", [["CNY", 360000000, "3.6亿元"]]],
    [
      "8000万元(其中设备投资5000万)",
      [
        ["CNY", 80000000, "8000万元"],
        ["CNY", 50000000, "5000万"],
      ],
    ],
    ["500万美元", [["USD", 5000000, "500万美元"]]],
    ["500万美金", [["USD", 5000000, "500万美金"]]],
    ["一千二百万", [["CNY", 12000000, "一千二百万"]]],
    ["十亿", [["CNY", 1000000000, "十亿"]]],
    ["1.2万元", [["CNY", 12000, "1.2万元"]]],
    ["800元", [["CNY", 800, "800元"]]],
    ["5千万", [["CNY", 50000000, "5千万"]]],
    ["3百万", [["CNY", 3000000, "3百万"]]],
    ["1.23456789亿", [["CNY", 123456789, "1.23456789亿"]]],
    ["1.234567891亿元", [["CNY", 123456789, "1.234567891亿元"]]], // 123456789.1 rounds down
    ["1.234567895亿元", [["CNY", 123456790, "1.234567895亿元"]]], // .5 rounds up
    ["签约 某某项目 总投资三亿五千万元 新材料", [["CNY", 350000000, "三亿五千万元"]]],
    ["签约 年产10万吨功能膜项目 5.2亿元 新材料 省外", [["CNY", 520000000, "5.2亿元"]]],
    ["年产值5亿元", [["CNY", 500000000, "5亿元"]]],
    ["到位 某某食品项目本月到位资金2,300万元", [["CNY", 23000000, "2,300万元"]]],
    ["开工 总投资12.5亿元的智能制造产业园一期开工，用地1300亩", [["CNY", 1250000000, "12.5亿元"]]],
    ["在谈 年产5万吨锂电池正极材料项目，拟投资20亿元", [["CNY", 2000000000, "20亿元"]]],
    [
      "签约 某外资项目，总投资3000万美元，首期到位500万美元",
      [
        ["USD", 30000000, "3000万美元"],
        ["USD", 5000000, "500万美元"],
      ],
    ],
    ["入库 累计完成投资1.05亿元，2026年3月5日纳入统计", [["CNY", 105000000, "1.05亿元"]]],
    [
      "投产 年产值可达5亿元，年纳税3000多万元",
      [
        ["CNY", 500000000, "5亿元"],
        ["CNY", 30000000, "3000多万元"],
      ],
    ],
    ["签约 投资二十亿元的数据中心项目，建设5000个机柜", [["CNY", 2000000000, "二十亿元"]]],
    ["总投资8个亿", [["CNY", 800000000, "8个亿"]]],
    ["总投资两个亿", [["CNY", 200000000, "两个亿"]]],
    ["协议投资壹亿贰仟万元", [["CNY", 120000000, "壹亿贰仟万元"]]],
    ["总投资三点五亿元", [["CNY", 350000000, "三点五亿元"]]],
    ["总投资1亿5，建设标准化厂房", [["CNY", 150000000, "1亿5"]]], // colloquial 1.5亿
    ["计划投资3亿2026年开工", [["CNY", 300000000, "3亿"]]],
    ["总投资5亿年产10万吨", [["CNY", 500000000, "5亿"]]],
    ["总投资5亿包括设备购置", [["CNY", 500000000, "5亿"]]],
    ["完成投资1亿余元", [["CNY", 100000000, "1亿余元"]]],
    ["投资500万人民币", [["CNY", 5000000, "500万人民币"]]],
    ["投资5亿元人民币", [["CNY", 500000000, "5亿元人民币"]]],
    ["外资$500万到位", [["USD", 5000000, "$500万"]]],
    ["外资 USD 500万", [["USD", 5000000, "USD 500万"]]],
    ["合同外资300万USD", [["USD", 3000000, "300万USD"]]],
    [
      "1.5亿-2亿元",
      [
        ["CNY", 150000000, "1.5亿"],
        ["CNY", 200000000, "2亿元"],
      ],
    ],
    ["一万零五元", [["CNY", 10005, "一万零五元"]]],
    ["1万2000元", [["CNY", 12000, "1万2000元"]]],
    ["3亿5000万元", [["CNY", 350000000, "3亿5000万元"]]],
    ["引进项目3个，总投资1.2亿", [["CNY", 120000000, "1.2亿"]]],
    ["3万块钱", [["CNY", 30000, "3万块钱"]]],
    ["奖励资金十一万元", [["CNY", 110000, "十一万元"]]],
    ["补助十五万", [["CNY", 150000, "十五万"]]],
    ["总投资2亿8，", [["CNY", 280000000, "2亿8"]]],
    ["3千5百万", [["CNY", 35000000, "3千5百万"]]],
    ["总投资1.2万亿元", [["CNY", 1200000000000, "1.2万亿元"]]],
    ["US$120万", [["USD", 1200000, "US$120万"]]],
    ["¥800", [["CNY", 800, "¥800"]]],
    ["10万元/亩", [["CNY", 100000, "10万元"]]],
    ["其中一期投资2亿", [["CNY", 200000000, "2亿"]]],
    ["两年内完成投资5亿", [["CNY", 500000000, "5亿"]]],
  ];
  it.each(cases)("%s", (text, expected) => {
    expect(spans(text)).toEqual(expected);
  });

  it("reads raw full-width digits and keeps indexes of the original text", () => {
    const text = "资金８０００万元（其中设备投资５０００万）";
    expect(spans(text)).toEqual([
      ["CNY", 80000000, "８０００万元"],
      ["CNY", 50000000, "５０００万"],
    ]);
  });
});

describe("findMoney: not money", () => {
  const cases = [
    "年产10万吨",
    "年产100万件",
    "10万套",
    "1300亩",
    "10万平方米",
    "5万千瓦",
    "3万人",
    "100万只",
    "20万台",
    "50万吨级",
    "10万㎡",
    "10万m2",
    "5万kW",
    "3.5",
    "2026-03-05",
    "1300",
    "2026",
    "3.6",
    "万达集团考察团一行8人",
    "三一重工",
    "县委书记一行赴深圳",
    "年产能达30万",
    "年出栏生猪10万头",
    "日处理污水5万立方",
    "100万平米",
    "5000万片",
    "3亿颗",
    "年发电量2亿千瓦时",
    "500万港元",
    "十四五规划",
    "二〇二六年",
    "千万不要",
    "百亿级产业集群",
    "五百亿级产业集群",
    "第一批",
    "1.2万亩",
    "10万个",
    "万元",
    "亿元以上项目",
    "5000万欧元",
    "5万余平方米",
    "3.5万吨/年",
    "10亿级",
  ];
  it.each(cases)("%s", (text) => {
    expect(findMoney(text)).toEqual([]);
  });
});

describe("parseMoney", () => {
  const cases: Array<[string, { currency: Cur; value: number } | null]> = [
    ["15亿", { currency: "CNY", value: 1500000000 }],
    ["5.2亿元", { currency: "CNY", value: 520000000 }],
    ["五千万", { currency: "CNY", value: 50000000 }],
    ["500万美元", { currency: "USD", value: 5000000 }],
    ["300000000", { currency: "CNY", value: 300000000 }],
    ["300,000,000", { currency: "CNY", value: 300000000 }],
    ["  8000万元 ", { currency: "CNY", value: 80000000 }],
    ["８０００万", { currency: "CNY", value: 80000000 }],
    ["0", { currency: "CNY", value: 0 }],
    ["", null],
    ["约5亿", null],
    ["5亿 3亿", null],
    ["10万吨", null],
    ["3.5", null],
    ["abc", null],
    ["99999999999999999999", null],
    ["99999999999亿", null],
  ];
  it.each(cases)("%j", (text, expected) => {
    expect(parseMoney(text)).toEqual(expected);
  });
});

describe("formatYuan / formatUsd", () => {
  const yuan: Array<[number, string]> = [
    [520000000, "5.20亿元"],
    [120000000, "1.20亿元"],
    [100000000, "1.00亿元"],
    [11557000000, "115.57亿元"],
    [123456789, "1.23亿元"],
    [99999999, "1.00亿元"],
    [30000000, "3000万元"],
    [80000000, "8000万元"],
    [125000, "12.5万元"],
    [12345, "1.23万元"],
    [10000, "1万元"],
    [800, "800元"],
    [0, "0元"],
  ];
  it.each(yuan)("formatYuan(%d) = %s", (value, text) => {
    expect(formatYuan(value)).toBe(text);
  });

  const usd: Array<[number, string]> = [
    [5000000, "500万美元"],
    [120000000, "1.20亿美元"],
    [800, "800美元"],
  ];
  it.each(usd)("formatUsd(%d) = %s", (value, text) => {
    expect(formatUsd(value)).toBe(text);
  });

  it("round-trips through parseMoney when the display is exact", () => {
    const exact = fc.oneof(
      fc.nat(9999),
      fc.integer({ min: 100, max: 999_999 }).map((h) => h * 100), // 万 with two decimals
      fc.integer({ min: 100, max: 500_000 }).map((m) => m * 1_000_000), // 亿 with two decimals
    );
    fc.assert(
      fc.property(exact, (v) => {
        expect(parseMoney(formatYuan(v))).toEqual({ currency: "CNY", value: v });
        expect(parseMoney(formatUsd(v))).toEqual({ currency: "USD", value: v });
      }),
    );
  });
});

// Renderings of an exact amount people actually type.
const withCommas = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ",");
/** n / 10^scale as a plain decimal string without trailing zeros. */
function decimal(n: bigint, scale: number): string {
  const s = n.toString().padStart(scale + 1, "0");
  const int = s.slice(0, s.length - scale);
  const frac = s.slice(s.length - scale).replace(/0+$/, "");
  return frac ? `${int}.${frac}` : int;
}

/** Styles for an amount that is a whole number of 万 (w ≥ 1). */
function wanStyles(w: number, cur: Cur): string[] {
  const yuan = w * 10000;
  const unit = cur === "CNY" ? ["", "元"] : ["美元", "美金"];
  const out: string[] = [];
  for (const u of unit) {
    out.push(`${w}万${u}`, `${withCommas(w)}万${u}`, `${decimal(BigInt(w), 4)}亿${u}`);
    const yi = Math.floor(w / 10000);
    const rest = w % 10000;
    if (yi > 0 && rest > 0) out.push(`${yi}亿${rest}万${u}`);
    if (yi > 0 && rest > 0 && rest % 1000 === 0) out.push(`${yi}亿${rest / 1000}千万${u}`);
    if (rest === 0 && w % 1000 === 0 && yi === 0) out.push(`${w / 1000}千万${u}`);
    out.push(`${toChineseNumeral(yuan)}${u}`);
  }
  if (cur === "CNY") out.push(`${decimal(BigInt(w), 4)}个亿`);
  return out;
}

const SENTENCES: Array<[string, string]> = [
  ["签约 某某项目 总投资", " 新材料"],
  ["签约 年产10万吨功能膜项目，计划投资约", "，用地300亩，2026年开工"],
  ["到位 本月到位资金", "(其中设备购置为主)"],
  ["", ""],
];

describe("property: rendered amounts parse back exactly", () => {
  const wan = fc.oneof(fc.integer({ min: 1, max: 50_000_000 }), fc.integer({ min: 1, max: 9999 }));

  it("whole-万 amounts in every style, CNY and USD, alone and in a sentence", () => {
    fc.assert(
      fc.property(wan, fc.constantFrom<Cur>("CNY", "USD"), fc.constantFrom(...SENTENCES), (w, cur, [before, after]) => {
        const value = w * 10000;
        for (const text of wanStyles(w, cur)) {
          expect(parseMoney(text), text).toEqual({ currency: cur, value });
          const sentence = before + text + after;
          expect(spans(sentence), sentence).toEqual([[cur, value, text]]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("arbitrary integer yuan with 元, with commas, in Chinese numerals, and bare", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500_000_000_000 }), fc.constantFrom(...SENTENCES), (v, [before, after]) => {
        const styles = [`${v}元`, `${withCommas(v)}元`, `${v}美元`];
        if (v > 0) styles.push(`${toChineseNumeral(v)}元`);
        for (const text of styles) {
          const cur: Cur = text.endsWith("美元") ? "USD" : "CNY";
          expect(parseMoney(text), text).toEqual({ currency: cur, value: v });
          expect(spans(before + text + after), text).toEqual([[cur, v, text]]);
        }
        expect(parseMoney(String(v))).toEqual({ currency: "CNY", value: v });
      }),
      { numRuns: 500 },
    );
  });

  it("decimal 万/亿 are exact and round half up", () => {
    const pow = (k: number) => 10n ** BigInt(k);
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 14n }),
        fc.integer({ min: 0, max: 12 }),
        fc.constantFrom<[string, bigint]>(["万", 10_000n], ["亿", 100_000_000n], ["千万", 10_000_000n]),
        (n, scale, [unit, mult]) => {
          const text = `${decimal(n, scale)}${unit}元`;
          const num = n * mult;
          const q = num / pow(scale);
          const expected = 2n * (num % pow(scale)) >= pow(scale) ? q + 1n : q;
          const parsed = parseMoney(text);
          if (expected > BigInt(Number.MAX_SAFE_INTEGER)) expect(parsed, text).toBeNull();
          else expect(parsed, text).toEqual({ currency: "CNY", value: Number(expected) });
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("property: a minus sign never disappears", () => {
  const wan = fc.integer({ min: 1, max: 50_000_000 });
  const MINUS_CONTEXTS: Array<[string, string]> = [
    ["", ""],
    ["-", ""],
    ["计划投资", ""],
    ["签约 功能膜项目 ", " 新材料"],
    ["到位 功能膜项目 本月到位", "。"],
    ["金额：", ""],
  ];

  it("every style of amount after '-', '−' or '负' reads as negative (or not at all), never as positive", () => {
    fc.assert(
      fc.property(
        wan,
        fc.constantFrom<Cur>("CNY", "USD"),
        fc.constantFrom(...MINUS_CONTEXTS),
        fc.constantFrom("-", "\u2212", "负"),
        (w, cur, [before, after], sign) => {
          for (const text of wanStyles(w, cur)) {
            const sentence = `${before}${sign}${text}${after}`;
            for (const m of findMoney(sentence)) expect(m.value, sentence).toBeLessThan(0);
            const parsed = parseMoney(`${sign}${text}`);
            if (parsed) expect(parsed.value, text).toBe(-w * 10000);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a dash between a name and an amount, or inside a range, is no minus", () => {
    expect(spans("功能膜项目-5.2亿元")).toEqual([["CNY", 520000000, "5.2亿元"]]);
    expect(spans("1.5亿-2亿元")).toEqual([
      ["CNY", 150000000, "1.5亿"],
      ["CNY", 200000000, "2亿元"],
    ]);
    expect(spans("计划投资-1亿")).toEqual([["CNY", -100000000, "-1亿"]]);
    expect(spans("负3000万")).toEqual([["CNY", -30000000, "负3000万"]]);
  });
});

describe("findMoney: spoken and chat forms", () => {
  it.each([
    ["零点八亿", 80000000, "零点八亿"],
    ["总投资零点八亿元", 80000000, "零点八亿元"],
    ["3000 万元", 30000000, "3000 万元"],
    ["5.2 亿", 520000000, "5.2 亿"],
    ["800w", 8000000, "800w"],
    ["800W元", 8000000, "800W元"],
    ["3000余万", 30000000, "3000余万"],
    ["1亿多", 100000000, "1亿多"],
  ])("%s", (text, value, span) => {
    expect(spans(text)).toEqual([["CNY", value, span]]);
  });

  it.each(["2026 万达广场", "5kW", "800Wh", "3000 万科"])("%s is no amount", (text) => {
    expect(findMoney(text)).toEqual([]);
  });
});
