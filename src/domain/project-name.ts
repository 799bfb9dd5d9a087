// The project a report names, from what is left of the line once amounts, dates and tags are
// blanked: the word with 项目 (capacity phrases and phases kept), else the first real word.
import { wordSpans } from "./normalize.ts";
import { sortLongestFirst } from "./work-line.ts";

/** Words left over from amounts, dates and phrasing that never name a project. */
const FILLER = sortLongestFirst([
  "总投资额", "投资总额", "计划投资", "总投资", "投资额", "投资", "金额", "资金", "人民币", "元", "约", "达", "为",
  "项目", "的", "与", "和", "及", "其中", "共计", "合计", "已", "正式", "顺利", "成功", "完成",
  "上午", "下午", "中午", "晚上", "早上", "本月", "本周", "今年", "近日", "日前", "美元", "美金",
]);
/** Phrasing before a name inside its word: "的年产…", "成功签约年产…". */
const NAME_PREFIXES = ["的", "成功", "正式", "顺利", "已", "签约", "签订", "签署", "引进"];
/** A capacity phrase typed apart from the name it belongs to: "年产10万吨 功能膜项目". */
const CAPACITY_STARTS = ["年产", "年加工", "年处理", "年生产", "年出栏", "占地"];

const FILLER_FIRST = new Set(FILLER.map((w) => w[0]));

function isFiller(word: string): boolean {
  if (!FILLER_FIRST.has(word[0])) return false;
  let p = 0;
  next: while (p < word.length) {
    for (const f of FILLER) {
      if (word.startsWith(f, p)) {
        p += f.length;
        continue next;
      }
    }
    return false;
  }
  return true;
}

function stripPrefixes(word: string): string {
  let w = word;
  for (let again = true; again; ) {
    again = false;
    for (const p of NAME_PREFIXES) {
      if (w.length > p.length + 1 && w.startsWith(p)) {
        w = w.slice(p.length);
        again = true;
      }
    }
  }
  return w;
}

const PHASE_DIGITS = "一二三四五六七八九十0123456789";

/** "功能膜项目已完成供地" → "功能膜项目"; a phase right after is kept: "功能膜项目一期", "功能膜项目(二期)". */
function cutAfterProject(word: string): string {
  let end = word.lastIndexOf("项目") + 2;
  const bracket = word[end] === "(" ? 1 : 0;
  if (PHASE_DIGITS.includes(word[end + bracket] ?? "-") && word[end + bracket + 1] === "期") {
    if (!bracket) end += 2;
    else if (word[end + 3] === ")") end += 4;
  }
  return word.slice(0, end);
}

/** The word naming the project: the one with 项目 (cut right after it), else the first word left. */
export function projectOf(text: string): string | null {
  const words = wordSpans(text)
    .map(({ start, end }) => text.slice(start, end))
    .filter((w) => !w.startsWith("@") && !isFiller(w));
  const i = words.findIndex((w) => w.includes("项目") && !w.startsWith("项目"));
  if (i === -1) return words[0] ? stripPrefixes(words[0]) : null;
  const word = words[i]!;
  let name = stripPrefixes(cutAfterProject(word));
  const before = words[i - 1];
  if (before && CAPACITY_STARTS.some((c) => before.startsWith(c))) name = before + name;
  return name;
}
