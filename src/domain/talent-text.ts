// The pieces of a 招才引智 line the talent parser takes out or tidies: a quoted name, an industry
// word (alone, or glued before the employer in dictated lines), status words after a name, and
// the employer's own words. Plain string scans; no regular expression sees the line.
import { type IndustryTable, industryOfWord } from "./industry.ts";
import { wordSpans } from "./normalize.ts";
import type { WorkLine } from "./work-line.ts";

/** Before the employer: "入职城西镇某企业", "到某企业". Longest first. */
const EMPLOYER_LEAD = ["入职到", "入职", "就职于", "就职", "加入", "落户", "进入", "到", "在", "至"];
const EMPLOYER_TAIL = ["工作", "就业", "入职", "任职"];

/** What happened to a talent project or team; not part of its name. Longest first. */
const STATUS_WORDS = ["正式签约", "签约", "揭牌", "立项", "成立", "获批", "认定", "引进", "落地", "入驻", "组建"];

const QUOTES: ReadonlyArray<readonly [string, string]> = [
  ["「", "」"],
  ["“", "”"],
  ["《", "》"],
  ["『", "』"],
  ['"', '"'],
];

/** The first quoted text is taken as written (a name, or 引才's employer) and blanked. */
export function takeQuoted(line: WorkLine): string | null {
  for (const [open, close] of QUOTES) {
    const start = line.text.indexOf(open);
    if (start === -1) continue;
    const end = line.text.indexOf(close, start + 1);
    if (end <= start + 1) continue;
    const inner = line.text.slice(start + 1, end).trim();
    line.blank(start, end + 1);
    if (inner) return inner;
  }
  return null;
}

/** An industry tag the text starts with, when more follows ("电子信息某芯片公司" → "电子信息"). */
export function leadingTag(text: string, table: IndustryTable): string | null {
  let best: string | null = null;
  for (const { tag } of table.tags)
    if (text.length > tag.length && text.startsWith(tag) && (!best || tag.length > best.length)) best = tag;
  return best;
}

/** An industry tag typed as its own word ("新材料") is taken and blanked. */
export function takeIndustry(line: WorkLine, table: IndustryTable): string | null {
  for (const { start, end } of wordSpans(line.text)) {
    const tag = industryOfWord(line.text.slice(start, end), table);
    if (tag !== null) {
      line.blank(start, end);
      return tag;
    }
  }
  return null;
}

export function blankWords(line: WorkLine, words: readonly string[]): void {
  for (const word of words) {
    for (let at = line.text.indexOf(word); at !== -1; at = line.text.indexOf(word, at + word.length)) {
      line.blank(at, at + word.length);
    }
  }
}

/** Status words standing alone, or ending the name ("环保产业研究院签约"). */
export function blankStatusWords(line: WorkLine): void {
  for (const { start, end } of wordSpans(line.text)) {
    const word = line.text.slice(start, end);
    const status = STATUS_WORDS.find((s) => word.endsWith(s));
    if (status) line.blank(end - status.length, end);
  }
}

export function firstOf(text: string, words: readonly string[]): { start: number; end: number } | null {
  let best: { start: number; end: number } | null = null;
  for (const w of words) {
    const at = text.indexOf(w);
    if (at !== -1 && (best === null || at < best.start)) best = { start: at, end: at + w.length };
  }
  return best;
}

/** The employer as written: blanks collapsed, each word's leading "到/入职" and trailing "工作" dropped. */
export function cleanEmployer(text: string): string | null {
  const words: string[] = [];
  for (const span of wordSpans(text)) {
    let s = text.slice(span.start, span.end);
    for (let again = true; again; ) {
      again = false;
      const lead = EMPLOYER_LEAD.find((w) => s.startsWith(w) && s.length > w.length);
      if (lead) {
        s = s.slice(lead.length);
        again = true;
      }
    }
    const tail = EMPLOYER_TAIL.find((w) => s.endsWith(w));
    if (tail) s = s.slice(0, -tail.length);
    if (s && !EMPLOYER_LEAD.includes(s)) words.push(s);
  }
  return words.join(" ") || null;
}
