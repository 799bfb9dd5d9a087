// Date words that name no single day ("近日", "上周", "月底", "前几天"). A report dated by one of
// them must not be filed under today: the parser asks for the day instead. Plans ("预计月底开工",
// "年底前投产") are not the report's date and are left alone.

/** Longest first, so "上个月底" is found before "上个月". */
const VAGUE = [
  "上个月底",
  "上个月初",
  "上个月中",
  "上月底",
  "上月初",
  "上月中",
  "上周末",
  "上个周末",
  "这个周末",
  "本周末",
  "前段时间",
  "前几天",
  "前些天",
  "前些日子",
  "这几天",
  "这两天",
  "那几天",
  "近几天",
  "近几日",
  "上个星期",
  "上个礼拜",
  "上星期",
  "上礼拜",
  "上个月",
  "上月",
  "上周",
  "近日",
  "日前",
  "最近",
  "近期",
  "前阵子",
  "上旬",
  "中旬",
  "下旬",
  "月初",
  "月中",
  "月底",
  "月末",
  "年初",
  "年中",
  "年底",
  "年末",
  "节前",
  "节后",
  "周末",
  "某日",
  "某天",
  "大后天",
  "后天",
  "上半年",
  "下半年",
];
/** By the code of the first UTF-16 unit (a number key hashes for free). */
const VAGUE_BY_FIRST = new Map<number, string[]>();
for (const w of VAGUE) VAGUE_BY_FIRST.set(w.charCodeAt(0), [...(VAGUE_BY_FIRST.get(w.charCodeAt(0)) ?? []), w]);
const VAGUE_FIRST = new Uint8Array(0x10000);
for (const w of VAGUE) VAGUE_FIRST[w.charCodeAt(0)] = 1;
/** Before a vague word: it is a plan, not when the reported thing happened. */
const PLAN_BEFORE = [
  "预计",
  "计划",
  "争取",
  "力争",
  "确保",
  "拟",
  "将",
  "将于",
  "于",
  "要",
  "准备",
  "下个",
  "下",
  "明年",
  "后年",
];
/** After a vague word: the same ("年底前投产", "月底建成"). */
const PLAN_AFTER = ["前", "以前", "之前", "建成", "完成", "竣工", "达产", "投用"];
/** Words that contain a vague word but are none: "最近的", "日前" inside "节日前"? ("节日前" is still vague; only these are exempt). */
const NOT_VAGUE_AFTER: Record<string, readonly string[]> = { 后天: ["然", "性"], 月中: ["旬"] };

export interface VagueDate {
  phrase: string;
  start: number;
  end: number;
}

function planned(text: string, start: number, end: number): boolean {
  return (
    PLAN_BEFORE.some((p) => start >= p.length && text.startsWith(p, start - p.length)) ||
    PLAN_AFTER.some((p) => text.startsWith(p, end))
  );
}

const MONTH_DIGITS = "0123456789一二三四五六七八九十";

/** "6月", "三月份" with no day after it: a month is no date. */
function monthAlone(text: string, at: number): VagueDate | null {
  let start = at;
  while (start > 0 && at - start < 2 && MONTH_DIGITS.includes(text[start - 1]!)) start--;
  if (start === at || (start > 0 && MONTH_DIGITS.includes(text[start - 1]!))) return null;
  const next = text[at + 1];
  if (next !== undefined && MONTH_DIGITS.includes(next)) return null;
  const end = text.startsWith("份", at + 1) ? at + 2 : at + 1;
  return { phrase: text.slice(start, end), start, end };
}

function startingAt(text: string, i: number, words: readonly string[]): string | null {
  for (const w of words) if (text.startsWith(w, i)) return w;
  return null;
}

export function findVagueDate(text: string): VagueDate | null {
  for (let at = text.indexOf("月"); at !== -1; at = text.indexOf("月", at + 1)) {
    const month = monthAlone(text, at);
    if (month && !planned(text, month.start, month.end)) return month;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (VAGUE_FIRST[c] === 0) continue;
    const word = startingAt(text, i, VAGUE_BY_FIRST.get(c)!);
    if (word === null) continue;
    const end = i + word.length;
    const exempt = NOT_VAGUE_AFTER[word]?.some((w) => text.startsWith(w, end)) ?? false;
    if (!planned(text, i, end) && !exempt) return { phrase: word, start: i, end };
    i = end - 1;
  }
  return null;
}
