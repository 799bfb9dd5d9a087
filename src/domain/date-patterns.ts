// The regexes that propose date-phrase candidates for findDate (date-phrase.ts), with the
// maps of their capture groups and the word tables that give relative words their meaning.
//
// Every alternative is anchored on a literal or a bounded digit run, so nothing can
// backtrack catastrophically and a scan that resumes one character after a rejected
// candidate stays linear. The patterns only propose: whether a candidate is really a date
// is decided in code (date-checks.ts).

const WEEK_PREFIX = "上上个?|上个|上|本|这个|这|下下个?|下个|下";
const MONTH_WORD = "本月|这个月|这月|当月|上上个月|上上月|上个月|上月";
const CN_NUMERAL = "一二三四五六七八九十";
const RELATIVE_WORDS = "大前天|前天|前日|昨天|昨日|昨儿个|昨儿|昨晚|今天|今日|今儿个|今儿|今早|今晨|今晚|明天|明日";

/** Months back from the current one, by the word before a day ("上个月28号"). */
export const MONTH_OFFSET: Record<string, number> = {
  本月: 0,
  这个月: 0,
  这月: 0,
  当月: 0,
  上个月: -1,
  上月: -1,
  上上个月: -2,
  上上月: -2,
};

// Group numbers are referenced in date-phrase.ts; keep them in sync when editing.
//  1 relative word
//  2 Y  3 M  4 D  5 日/号        — 2026年3月5日 (also 26年3月5日)
//  6 Y  7 sep 8 M  9 D           — 2026-03-05, 2026/3/5, 2026.3.5 (same separator twice)
// 10 year word 11 M 12 D 13 日/号 — 3月5日, 3月5号, 3月5, 去年12月30日
// 14 M 15 D 16 日/号             — 3.5 (M.D)
// 17 week prefix 18 weekday      — 上周五, 本周三, 星期天, 下个礼拜一
// 19 month word 20 D 21 日/号     — 本月3日, 上个月28号
// 22 D 23 日/号                  — 5号, 28日 (this month, or the last one when still ahead)
// 24 M 25 sep 26 D               — 5-26, 6/12
// 27 M 28 D 29 日/号 (Chinese)    — 六月十六号, 十二月三十一日
// The lookbehinds stop a match from starting inside a longer number ("13.55", "2026.5"),
// after a letter ("v3.5") or a currency sign. "\d年" before "2月29日" means the full form
// was already tried and rejected (invalid date), so the month-day form must not resurrect it.
export const HEAD = new RegExp(
  [
    `(${RELATIVE_WORDS})`,
    "(?<![0-9A-Za-z.])(\\d{4}|\\d{2})年(\\d{1,2})月(\\d{1,2})([日号])?",
    "(?<![0-9A-Za-z.])(\\d{4})([-/.])(\\d{1,2})\\7(\\d{1,2})",
    "(?<![0-9A-Za-z.])(?<!\\d年)(今年|去年|前年)?(\\d{1,2})月(\\d{1,2})([日号])?",
    "(?<![0-9A-Za-z.¥$€£])(\\d{1,2})\\.(\\d{1,2})([日号])?",
    `(${WEEK_PREFIX})?(?:周|星期|礼拜)([一二三四五六日天])`,
    `(${MONTH_WORD})(\\d{1,2})([日号])`,
    "(?<![0-9A-Za-z.第月年\\-/])(\\d{1,2})([日号])",
    "(?<![0-9A-Za-z.\\-/])(\\d{1,2})([-/])(\\d{1,2})(?![0-9]|[-/.][0-9])",
    `(?<![${CN_NUMERAL}])([${CN_NUMERAL}]{1,2})月([${CN_NUMERAL}]{1,3})([日号])`,
  ].join("|"),
  "g",
);

/** The same pattern, anchored where it is tried (lastIndex): scanDates only tries it at HEAD_START positions. */
export const HEAD_AT = new RegExp(HEAD.source, "y");

/**
 * 1 for the UTF-16 units a HEAD match can start with: a digit, a Chinese numeral, or the first
 * character of a relative word, year word, week prefix, week word or month word.
 */
export const HEAD_START = new Uint8Array(0x10000);
for (const ch of [
  ..."0123456789",
  ...CN_NUMERAL,
  ..."今去前", // 今年 去年 前年
  ..."周星礼", // 周 星期 礼拜
  ...WEEK_PREFIX.split("|").map((w) => w[0]!),
  ...MONTH_WORD.split("|").map((w) => w[0]!),
  ...RELATIVE_WORDS.split("|").map((w) => w[0]!),
])
  HEAD_START[ch.charCodeAt(0)] = 1;

const SEP = "(?:至|到|-|~|〜|—{1,2}|–)";
/** "周一至周三": a weekday range. Only its span matters (the start day is the date). */
export const WEEK_TAIL = new RegExp(`\\s*${SEP}\\s*(?:${WEEK_PREFIX})?(?:周|星期|礼拜)[一二三四五六日天]`, "y");

// Range tail after a head. Group 1 = separator, then alternatives, in order:
//  2 Y 3 sep 4 M 5 D             — ISO date
//  6 Y 7 M 8 D 9 日/号           — (2026年)3月9日
// 10 M 11 D 12 日/号             — 3.9
// 13 D 14 日/号                  — 9日, or bare 9 in "3月8-9" / "3.8-9"
export const TAIL = new RegExp(
  `\\s*(${SEP})\\s*(?:` +
    [
      "(\\d{4})([-/.])(\\d{1,2})\\3(\\d{1,2})",
      "(?:(\\d{4}|\\d{2})年)?(\\d{1,2})月(\\d{1,2})([日号])?",
      "(\\d{1,2})\\.(\\d{1,2})([日号])?",
      "(\\d{1,2})([日号])?",
    ].join("|") +
    ")",
  "y",
);

export const RELATIVE: Record<string, number> = {
  大前天: -3,
  前天: -2,
  昨天: -1,
  昨日: -1,
  前日: -2,
  昨儿个: -1,
  昨儿: -1,
  昨晚: -1,
  今天: 0,
  今日: 0,
  今儿个: 0,
  今儿: 0,
  今早: 0,
  今晨: 0,
  今晚: 0,
  // Future words are resolved (not ignored) so the caller can refuse them with a message
  // instead of silently recording the report under today.
  明天: 1,
  明日: 1,
};

export const WEEK_OFFSET: Record<string, number> = {
  上上: -2,
  上上个: -2,
  上个: -1,
  上: -1,
  本: 0,
  这个: 0,
  这: 0,
  下个: 1,
  下: 1,
  下下: 2,
  下下个: 2,
};

export const WEEKDAY_NUMBER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };
