// The headcount of a 引才 line: "3人", "两名", "五位", "十二个人", "三个博士", "１０名". A linear scan
// over the line; no regular expression sees it.
import { parseChineseNumeral } from "./chinese-numeral.ts";

export interface CountHit {
  /** null: written so that no exact number can be read ("10余人", "十几名", "1万人"). */
  value: number | null;
  phrase: string;
  start: number;
  end: number;
}

const DIGITS = "0123456789";
const CN_NUMERALS = "零〇一二两三四五六七八九十百千万";
const IS_NUMERAL = new Uint8Array(0x10000);
for (const ch of DIGITS + CN_NUMERALS) IS_NUMERAL[ch.charCodeAt(0)] = 1;
/** After the number: "10余人", "十多名", "二十几位" give no exact count. */
const VAGUE_AFTER = "余多几来";
/** A number before these is a programme's name, not a count: "千人计划", "百人工程". */
const NOT_A_COUNT_AFTER = ["计划", "工程", "团队", "大会"];
/** Counts with no number at all. */
export const VAGUE_COUNTS = ["几名", "几人", "几位", "数名", "数人", "若干", "一批", "一些"];

/**
 * Every count in the text. `isLevelAt(i)` says whether a level word starts at i, so that
 * "三个博士" counts (个 before a level) while "三个项目" does not.
 */
export function findCounts(text: string, isLevelAt: (index: number) => boolean): CountHit[] {
  const hits: CountHit[] = [];
  for (let i = 0; i < text.length; i++) {
    if (IS_NUMERAL[text.charCodeAt(i)] !== 1) continue;
    let j = i;
    while (j < text.length && IS_NUMERAL[text.charCodeAt(j)] === 1) j++;
    const run = text.slice(i, j);
    const start = i;
    i = j - 1;
    if (start > 0 && text[start - 1] === "第") continue; // "第一人民医院"
    let k = j;
    let vague = false;
    while (k < text.length && VAGUE_AFTER.includes(text[k]!)) {
      vague = true;
      k++;
    }
    let end = -1;
    if (text.startsWith("个人", k)) end = k + 2;
    else if (text[k] === "名" || text[k] === "位" || (text[k] === "人" && text[k + 1] !== "才")) end = k + 1;
    else if (text[k] === "个" && (isLevelAt(k + 1) || text.startsWith("人才", k + 1))) end = k + 1;
    if (end === -1) continue;
    if (NOT_A_COUNT_AFTER.some((w) => text.startsWith(w, end))) continue;
    const value = vague ? null : numberOf(run);
    hits.push({ value, phrase: text.slice(start, end), start, end });
    i = end - 1;
  }
  return hits;
}

function numberOf(run: string): number | null {
  let digits = true;
  for (const ch of run) if (!DIGITS.includes(ch)) digits = false;
  if (digits) return run.length <= 6 ? Number(run) : null;
  return parseChineseNumeral(run);
}

/** A count word with no number ("几名", "若干"), if the text has one. */
export function findVagueCount(text: string): string | null {
  return VAGUE_COUNTS.find((w) => text.includes(w)) ?? null;
}
