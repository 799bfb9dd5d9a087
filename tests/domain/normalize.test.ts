import { describe, expect, it } from "vitest";
import { normalizeText, stripMention, wordSpans } from "../../src/domain/normalize.ts";

describe("normalizeText", () => {
  it.each([
    // full-width digits, letters and punctuation fold to ASCII
    ["８０００万", "8000万"],
    ["５．２亿元", "5.2亿元"],
    ["签约：功能膜项目，５亿；省外！", "签约:功能膜项目,5亿;省外!"],
    ["（其中设备投资５０００万）", "(其中设备投资5000万)"],
    ["ＵＳＤ５００万", "USD500万"],
    ["／签约", "/签约"],
    ["＠招商助手", "@招商助手"],
    // the ideographic space and other blanks become one plain space
    ["签约\u3000功能膜项目\u3000\u30005亿", "签约 功能膜项目 5亿"],
    ["签约\u00a0功能膜项目", "签约 功能膜项目"],
    ["@招商助手\u2005签约", "@招商助手 签约"],
    ["签约\t功能膜项目\n5亿", "签约 功能膜项目 5亿"],
    ["  签约   功能膜项目  ", "签约 功能膜项目"],
    // zero-width characters vanish rather than splitting a word
    ["功能\u200b膜项目", "功能膜项目"],
    ["\ufeff签约", "签约"],
    // Chinese punctuation without an ASCII form is kept
    ["走出去，赴上海。", "走出去,赴上海。"],
    ["协鑫集团、天合光能", "协鑫集团、天合光能"],
    ["「年产5万吨 新能源电池项目」", "「年产5万吨 新能源电池项目」"],
    ["", ""],
  ])("%j → %j", (input, output) => {
    expect(normalizeText(input)).toBe(output);
  });

  it("is idempotent", () => {
    for (const s of ["签约\u3000５．２亿元，新材料", "  a  b ", "＠x\u2005y"]) {
      expect(normalizeText(normalizeText(s))).toBe(normalizeText(s));
    }
  });
});

describe("stripMention", () => {
  describe("with the bot's name configured", () => {
    const names = ["招商助手"];
    it.each([
      ["@招商助手 签约 功能膜项目", "签约 功能膜项目"],
      ["@招商助手签约 功能膜项目", "签约 功能膜项目"],
      ["@招商助手\u2005签约 功能膜项目", "签约 功能膜项目"],
      ["@招商助手\u3000签约", "签约"],
      ["＠招商助手 签约", "签约"],
      ["@招商助手：签约", "签约"],
      ["@招商助手, 签约", "签约"],
      ["签约 功能膜项目 5亿 @招商助手", "签约 功能膜项目 5亿"],
      ["  @招商助手  /status  ", "/status"],
      ["@招商助手", ""],
      ["签约 功能膜项目", "签约 功能膜项目"],
    ])("%j → %j", (input, output) => {
      expect(stripMention(input, names)).toBe(output);
    });

    it("leaves other people's mentions inside the line alone", () => {
      expect(stripMention("签约 功能膜项目 @张三 请核对", names)).toBe("签约 功能膜项目 @张三 请核对");
    });
  });

  describe("without a configured name", () => {
    it.each([
      ["@招商助手 签约 功能膜项目", "签约 功能膜项目"],
      ["@bot /status", "/status"],
      ["@招商助手\u2005签约", "签约"],
      ["@招商助手\u3000签约", "签约"],
      ["＠招商助手 签约", "签约"],
      ["@招商助手", ""],
      ["签约 功能膜项目", "签约 功能膜项目"],
      ["", ""],
    ])("%j → %j", (input, output) => {
      expect(stripMention(input)).toBe(output);
    });
  });

  it("composes with normalizeText the way the dispatcher uses them", () => {
    expect(normalizeText(stripMention("＠招商助手\u3000签约：年产１０万吨功能膜项目，５．２亿元", ["招商助手"]))).toBe(
      "签约:年产10万吨功能膜项目,5.2亿元",
    );
  });
});

describe("wordSpans", () => {
  const words = (text: string) => wordSpans(text).map(({ start, end }) => text.slice(start, end));

  it.each([
    ["年产10万吨功能膜项目 5.2亿元 新材料 省外", ["年产10万吨功能膜项目", "5.2亿元", "新材料", "省外"]],
    ["功能膜项目,5亿;新材料。省外!", ["功能膜项目", "5亿", "新材料", "省外"]],
    ["协鑫集团、天合光能", ["协鑫集团", "天合光能"]],
    ["-年产10万吨功能膜项目-", ["年产10万吨功能膜项目"]],
    ["(功能膜 功能膜(一期) 一期)", ["功能膜", "功能膜(一期)", "一期"]],
    ["(一期) [功能膜]", ["一期", "功能膜"]],
    ["【签约】 功能膜项目", ["签约", "功能膜项目"]],
    ["  ::  -- ", []],
    ["", []],
  ])("%j → %j", (text, want) => {
    expect(words(text)).toEqual(want);
  });
});

describe("normalizeText's fast path", () => {
  it("skips or hand-folds only characters whose NFKC it knows (every one of them checked)", () => {
    const ranges: Array<[number, number]> = [
      [0x21, 0x7e],
      [0x4e00, 0x9fff],
      [0x3000, 0x3002],
      [0x3008, 0x3011],
      [0x2018, 0x201d],
      [0xff01, 0xff5e],
      [0xfe0f, 0xfe0f],
      [0x1f300, 0x1faff],
    ];
    const wrong: string[] = [];
    for (const [from, to] of ranges) {
      for (let cp = from; cp <= to; cp++) {
        const line = `签${String.fromCodePoint(cp)}约`;
        const reference = line.normalize("NFKC").replace(/\s+/g, " ");
        if (normalizeText(line) !== reference) wrong.push(cp.toString(16));
      }
    }
    expect(wrong).toEqual([]);
  });

  it("gives what NFKC gives, whether or not the line needs NFKC", async () => {
    const fc = (await import("fast-check")).default;
    const pieces = [
      "签约",
      "功能膜项目",
      " ",
      "５",
      "3000万",
      "，",
      "。",
      "【",
      "】",
      "：",
      "\u3000",
      "ｅ",
      "e\u0301",
      "“",
      "》",
      "①",
      "㎡",
      "\u200b",
      "\t",
      "  ",
      "a",
      "🎉",
      "\ufe0f",
      "（",
      "８０００万元",
      "Ｚ",
      "～",
      "𝐀",
      "🄐",
      "\ud83c",
      "\u2005",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const line = parts.join("");
        const reference = line
          .normalize("NFKC")
          .replace(/[\u200b-\u200d\u2060\ufeff]/g, "")
          .replace(/\s+/g, " ")
          .trim();
        expect(normalizeText(line)).toBe(reference);
      }),
    );
  });
});
