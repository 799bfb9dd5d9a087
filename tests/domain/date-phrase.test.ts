import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findDate } from "../../src/domain/date-phrase.ts";
import { HEAD, HEAD_START } from "../../src/domain/date-patterns.ts";

/** Tuesday; its week runs 2026-03-09 … 2026-03-15, the previous one 03-02 … 03-08. */
const TODAY = "2026-03-10";

/** The resolved date and the exact text the span covers. */
function found(text: string, today = TODAY): { date: string; phrase: string } | null {
  const m = findDate(text, today);
  return m ? { date: m.date, phrase: text.slice(m.start, m.end) } : null;
}

describe("findDate: phrases (today 2026-03-10, Tuesday)", () => {
  it.each([
    // relative words
    ["今天", "2026-03-10", "今天"],
    ["今日 赴苏州", "2026-03-10", "今日"],
    ["昨天", "2026-03-09", "昨天"],
    ["昨日宁波客商来访", "2026-03-09", "昨日"],
    ["前天", "2026-03-08", "前天"],
    ["大前天", "2026-03-07", "大前天"],
    // month-day
    ["3月5日", "2026-03-05", "3月5日"],
    ["3月5号赴苏州", "2026-03-05", "3月5号"],
    ["3月5 赴苏州", "2026-03-05", "3月5"],
    ["12月1日", "2025-12-01", "12月1日"],
    // with a year
    ["2026年3月5日", "2026-03-05", "2026年3月5日"],
    ["2025年12月30日", "2025-12-30", "2025年12月30日"],
    ["26年3月5日", "2026-03-05", "26年3月5日"],
    ["去年3月5日", "2025-03-05", "去年3月5日"],
    ["2026-03-05", "2026-03-05", "2026-03-05"],
    ["2026-3-5", "2026-03-05", "2026-3-5"],
    ["2026/3/5", "2026-03-05", "2026/3/5"],
    ["2026.3.5", "2026-03-05", "2026.3.5"],
    // M.D
    ["3.5", "2026-03-05", "3.5"],
    ["3.5赴深圳", "2026-03-05", "3.5"],
    ["3.5日赴深圳", "2026-03-05", "3.5日"],
    ["12.31", "2025-12-31", "12.31"],
    ["走出去:3.6 赴苏州参加推介会", "2026-03-06", "3.6"],
    ["3.6 百度公司来访", "2026-03-06", "3.6"],
    ["3.6分管领导带队赴上海", "2026-03-06", "3.6"],
    ["3.6天津客商来访", "2026-03-06", "3.6"],
    // previous week
    ["上周五 宁波客商来访", "2026-03-06", "上周五"],
    ["上星期五", "2026-03-06", "上星期五"],
    ["上礼拜五", "2026-03-06", "上礼拜五"],
    ["上个礼拜五", "2026-03-06", "上个礼拜五"],
    ["上周一", "2026-03-02", "上周一"],
    ["上周日", "2026-03-08", "上周日"],
    ["上周天", "2026-03-08", "上周天"],
    ["上上周五", "2026-02-27", "上上周五"],
    // current week
    ["本周三", "2026-03-11", "本周三"],
    ["这周三", "2026-03-11", "这周三"],
    // a bare weekday still ahead this week means the one just past
    ["周三", "2026-03-04", "周三"],
    ["星期三", "2026-03-04", "星期三"],
    ["周一赴苏州", "2026-03-09", "周一"],
    ["星期天", "2026-03-08", "星期天"],
    ["周一至周三 在深圳", "2026-03-09", "周一至周三"],
    // ranges take the start and cover the whole range
    ["3月8日至9日 赴深圳", "2026-03-08", "3月8日至9日"],
    ["3月8日-9日", "2026-03-08", "3月8日-9日"],
    ["3月8-9日", "2026-03-08", "3月8-9日"],
    ["3月8日至3月9日", "2026-03-08", "3月8日至3月9日"],
    ["3.8-3.9", "2026-03-08", "3.8-3.9"],
    ["3.8至3.9", "2026-03-08", "3.8至3.9"],
    ["3.8-9 赴杭州", "2026-03-08", "3.8-9"],
    ["3月8日 至 9日", "2026-03-08", "3月8日 至 9日"],
    ["2月27日至3月2日", "2026-02-27", "2月27日至3月2日"],
    ["2026-03-08至2026-03-09", "2026-03-08", "2026-03-08至2026-03-09"],
    ["2026年3月8日至9日", "2026-03-08", "2026年3月8日至9日"],
  ])("%s → %s (%s)", (text, date, phrase) => {
    expect(found(text)).toEqual({ date, phrase });
  });

  it("reports UTF-16 offsets into the original text", () => {
    expect(findDate("走出去:3.6 赴苏州参加推介会", TODAY)).toEqual({ date: "2026-03-06", start: 4, end: 7 });
    expect(findDate("走出去 3月8日至9日 赴深圳", TODAY)).toEqual({ date: "2026-03-08", start: 4, end: 11 });
    expect(findDate("请进来 上周五 宁波客商来访", TODAY)).toEqual({ date: "2026-03-06", start: 4, end: 7 });
  });

  it("takes the first date phrase", () => {
    expect(found("3月5日(周四)赴深圳")).toEqual({ date: "2026-03-05", phrase: "3月5日" });
    expect(found("签约 投资5.2亿元 3月6日 某项目")).toEqual({ date: "2026-03-06", phrase: "3月6日" });
  });

  it("a range ending in a quantity is not a range", () => {
    expect(found("3月8日至9万")).toEqual({ date: "2026-03-08", phrase: "3月8日" });
    expect(found("3月8日到9家企业")).toEqual({ date: "2026-03-08", phrase: "3月8日" });
  });
});

describe("findDate: year inference", () => {
  it.each([
    // typed on 2 January 2027: last December is meant
    ["12月30日", "2027-01-02", "2026-12-30"],
    ["12.30", "2027-01-02", "2026-12-30"],
    ["1月1日", "2027-01-02", "2027-01-01"],
    // 180 days ahead stays in the future (the caller refuses it); 181 days is last year
    ["7月1日", "2027-01-02", "2027-07-01"],
    ["7月2日", "2027-01-02", "2026-07-02"],
    ["9月6日", TODAY, "2026-09-06"],
    ["9月7日", TODAY, "2025-09-07"],
    ["3.20", TODAY, "2026-03-20"],
    // weeks across New Year: 2027-01-02 is a Saturday in the week of 2026-12-28
    ["上周五", "2027-01-02", "2026-12-25"],
    ["周一", "2027-01-02", "2026-12-28"],
    ["周日", "2027-01-02", "2026-12-27"],
    ["周六", "2027-01-02", "2027-01-02"],
    ["昨天", "2027-01-01", "2026-12-31"],
    // leap days
    ["2月29日", "2028-03-10", "2028-02-29"],
    ["2028年2月29日", TODAY, "2028-02-29"],
  ])("%s on %s → %s", (text, today, date) => {
    expect(findDate(text, today)?.date).toBe(date);
  });

  it("a weekday from today's perspective on a Sunday", () => {
    // 2026-03-15 is a Sunday: 本周 is still 03-09 … 03-15.
    expect(findDate("周一", "2026-03-15")?.date).toBe("2026-03-09");
    expect(findDate("上周日", "2026-03-15")?.date).toBe("2026-03-08");
  });
});

describe("findDate: not dates", () => {
  it.each([
    "3.5亿",
    "5.2亿元",
    "1.5个亿",
    "3.6万",
    "0.8亿",
    "10.5万吨",
    "2.5%",
    "3.5 亿元",
    "3.5.1",
    "版本3.5.1发布",
    "13.55",
    "2026.5",
    "abc3.5",
    "3.5abc",
    "v3.5",
    "2月30日",
    "2月29日",
    "13.5",
    "4.31",
    "2026年2月29日",
    "2026-13-05",
    "上周",
    "上周 宁波客商来访",
    "本周",
    "每周三例会",
    "一周三次",
    "上周三家企业来访",
    "上周天气不好",
    "2.5-3.5亿元",
    "投资3-3.5亿",
    "占地3.5亩",
    "3.5平方公里",
    "3.5美元",
    "3.5日元",
    "3.5%",
    "3月份",
    "3月",
    "3月500万",
    "¥3.5",
    "今日头条",
    "",
    "赴上海拜访华谊集团",
  ])("%s", (text) => {
    expect(findDate(text, TODAY)).toBeNull();
  });

  it("skips an amount and finds the date after it", () => {
    expect(found("3.5亿 3.6签约")).toEqual({ date: "2026-03-06", phrase: "3.6" });
    expect(found("2.5-3.5亿元 3月5日")).toEqual({ date: "2026-03-05", phrase: "3月5日" });
    expect(found("13.55 3.6")).toEqual({ date: "2026-03-06", phrase: "3.6" });
  });
});

describe("findDate: robustness", () => {
  it("returns a span inside the text for any input (property)", () => {
    const alphabet = fc.constantFrom(..."0123456789.-/年月日号至到周上本这星期礼拜一二三五天万亿个元% 赴苏州ab");
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 30 }).map((cs) => cs.join("")),
        (text) => {
          const m = findDate(text, TODAY);
          if (m) {
            expect(m.start).toBeGreaterThanOrEqual(0);
            expect(m.end).toBeGreaterThan(m.start);
            expect(m.end).toBeLessThanOrEqual(text.length);
            expect(m.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("tries the pattern at every position a match can start (HEAD_START covers HEAD, property)", () => {
    const alphabet = fc.constantFrom(
      ..."0123456789.-/年月日号至到周上本这下当去今前昨明大星期礼拜一二三四五六七八九十天儿晚早晨个万亿元% 赴苏州ab第",
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 30 }).map((cs) => cs.join("")),
        (text) => {
          const global = new RegExp(HEAD.source, "g");
          for (let m = global.exec(text); m !== null; m = global.exec(text)) {
            expect(HEAD_START[text.charCodeAt(m.index)], `${text} @${m.index}`).toBe(1);
            global.lastIndex = m.index + 1;
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("handles long, adversarial input (speed is measured by npm run bench:parse)", () => {
    const nasty = `${"1.1.1.1.".repeat(5000)}3月${"1-".repeat(5000)}${"周".repeat(5000)}`;
    expect(findDate(nasty, TODAY)).toBeNull();
  });
});
