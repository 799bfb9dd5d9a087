// The project a report names, from what is left of the line once amounts, dates and tags are
// blanked: the word with 项目 (capacity phrases and phases kept), else the first real word.
import { wordSpans } from "./normalize.ts";
import { sortLongestFirst } from "./work-line.ts";

/** Words left over from amounts, dates and phrasing that never name a project. */
const FILLER = sortLongestFirst([
  "总投资额",
  "投资总额",
  "计划投资",
  "总投资",
  "投资额",
  "投资",
  "金额",
  "资金",
  "人民币",
  "元",
  "约",
  "达",
  "为",
  "项目",
  "的",
  "与",
  "和",
  "及",
  "其中",
  "共计",
  "合计",
  "已",
  "正式",
  "顺利",
  "成功",
  "完成",
  "上午",
  "下午",
  "中午",
  "晚上",
  "早上",
  "本月",
  "本周",
  "今年",
  "近日",
  "日前",
  "美元",
  "美金",
]);
/** Phrasing before a name inside its word: "的年产…", "成功签约年产…", "一个年产…", "下午的…", "建设年产…". */
const NAME_PREFIXES = [
  "的",
  "成功",
  "正式",
  "顺利",
  "已",
  "签约",
  "签订",
  "签署",
  "引进",
  "了",
  "一个",
  "那个",
  "这个",
  "该",
  "上午",
  "下午",
  "中午",
  "晚上",
  "早上",
  "建设",
  "新建",
  "新签约",
  "新引进",
];
/** A capacity phrase typed apart from the name it belongs to: "年产10万吨 功能膜项目". */
const CAPACITY_STARTS = ["年产", "年加工", "年处理", "年生产", "年出栏", "占地"];

const FILLER_FIRST = new Uint8Array(0x10000);
for (const w of FILLER) FILLER_FIRST[w.charCodeAt(0)] = 1;

function isFiller(word: string): boolean {
  if (FILLER_FIRST[word.charCodeAt(0)] !== 1) return false;
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

const PREFIX_FIRST = new Uint8Array(0x10000);
for (const p of NAME_PREFIXES) PREFIX_FIRST[p.charCodeAt(0)] = 1;

function stripPrefixes(word: string): string {
  let w = word;
  for (let again = PREFIX_FIRST[w.charCodeAt(0)] === 1; again; ) {
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

const CN_NUMBER = "一二三四五六七八九十";
function ID_CHAR(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
}

/**
 * Phrasing that may follow a name inside its word and is never part of it: "功能膜项目已完成供地",
 * "饲料项目今天开工", "项目的", "项目签约仪式". Anything else after 项目 is either an identifier
 * (kept) or unknown (kept out of the name, but reported so the caller can ask).
 */
const AFTER_NAME = [
  "已",
  "正式",
  "顺利",
  "成功",
  "今天",
  "今日",
  "昨天",
  "于",
  "在",
  "完成",
  "开工",
  "签约",
  "签订",
  "签署",
  "落地",
  "投产",
  "入库",
  "到位",
  "资金",
  "总投资",
  "投资",
  "计划",
  "协议",
  "合同",
  "框架",
  "仪式",
  "的",
  "并",
  "和",
  "与",
  "及",
  "了",
  "啦",
  "也",
  "将",
  "目前",
  "现",
  "正在",
  "位于",
  "选址",
  "占地",
  "由",
  "是",
  "为",
  "共",
  "举行",
  "开始",
  "动工",
  "建设",
  "已经",
  "进场",
  "启动",
  "奠基",
  "竣工",
  "试产",
  "纳统",
  "入统",
  "注册",
  "供地",
  "摘牌",
  "拿地",
  "达成",
  "洽谈",
  "推进",
  "进展",
  "情况",
  "事宜",
  "相关",
  "有关",
  "一事",
];

/** What follows 项目 that still names it: "二期", "(二期)", "2", "A区", "3号", "二号地块". */
function identifierAt(word: string, at: number): number {
  let end = at;
  if (word[end] === "(") {
    const close = word.indexOf(")", end);
    return close !== -1 && close - end <= 8 ? close + 1 : at;
  }
  while (ID_CHAR(word[end])) end++;
  if (end === at && CN_NUMBER.includes(word[end] ?? "-")) {
    while (CN_NUMBER.includes(word[end] ?? "-")) end++;
    if (!"期号区".includes(word[end] ?? "-")) return at;
  }
  if (end > at && "期号区栋#".includes(word[end] ?? "-")) end++;
  return end;
}

/** The name in a word that holds 项目: cut right after it, keeping an identifier; `rest` is what was cut and unknown. */
function cutAfterProject(word: string): { name: string; unknown: string | null } {
  const end = identifierAt(word, word.lastIndexOf("项目") + 2);
  const rest = word.slice(end);
  const known = rest === "" || AFTER_NAME.some((w) => rest.startsWith(w));
  return { name: word.slice(0, end), unknown: known ? null : rest };
}

export interface ProjectName {
  name: string;
  /** Text glued after 项目 that is neither an identifier nor known phrasing: ask whether it belongs to the name. */
  unknownTail: string | null;
}

/** The word naming the project: the one with 项目 (cut right after it), else the first word left. */
export function projectOf(text: string): ProjectName | null {
  const words = wordSpans(text)
    .map(({ start, end }) => text.slice(start, end))
    .filter((w) => !w.startsWith("@") && !isFiller(w));
  const i = words.findIndex((w) => w.includes("项目") && !w.startsWith("项目"));
  if (i === -1) {
    const first = words[0] ? stripPrefixes(words[0]) : null;
    return first && !isFiller(first) ? { name: first, unknownTail: null } : null;
  }
  const word = words[i]!;
  const cut = cutAfterProject(word);
  let name = stripPrefixes(cut.name);
  const before = words[i - 1];
  if (before && CAPACITY_STARTS.some((c) => before.startsWith(c))) name = before + name;
  return { name, unknownTail: cut.unknown };
}
