// Who a report is about: the company or event a 走出去 visited, the visitors of a 请进来, the
// partner a project was signed with. Plain word rules, each explainable in one line:
//   1. after a visit verb:           "赴上海拜访华谊集团，洽谈…"        → 华谊集团
//   2. before an arrival phrase:     "宁波某集团董事长一行来我镇考察…"  → 宁波某集团董事长一行
//   3. between 与 and a talks verb:  "赴苏州与协鑫集团洽谈光伏项目"     → 协鑫集团
//   4. otherwise the first plain word: "3月5日 深圳 比亚迪"            → 比亚迪
// Texts arrive normalised, with already recognised pieces (quoted names, amounts, dates, source
// and industry words) blanked out.
import { wordSpans } from "./normalize.ts";

// 考察团 is a delegation, not the verb.
const VISIT_VERB = /(?:拜访|走访|对接|会见|会晤|拜会|参加|出席|考察(?!团)|接待|见了|见到)了?/;
const COUNTERPART_END = /[\s,;。!?]|洽谈|商谈|座谈|会谈|交流|对接|考察(?!团)|进行|开展|推进|签订|签署|就|并/;
/** Where a visitor's name ends: the arrival phrase after it ("…一行来我镇", "…莅临", "…来园区考察"). */
const ARRIVALS = [
  "来我",
  "莅临",
  "到我",
  "赴我",
  "来县",
  "来访",
  "到访",
  "来到",
  "来镇",
  "来园区",
  "来区",
  "来开发区",
  "来乡",
  "来村",
  "来街道",
];
/** What visitors come to do: "X来城西考察" names X even when the place is a unit name we do not know. */
const VISITOR_DOES = ["考察", "洽谈", "对接", "参观", "调研", "座谈", "交流", "商谈", "访问"];
/** Before 来 these make another word: 未来, 原来, 后来, 带来, 以来, 本来, 近来, 从来, 出来, 起来, 回来, 将来. */
const NOT_COMING = "未原后带以本近从出起回将";
const CLAUSE_END = /[,;。!?]/;
const RECEIVED = /^接待了?/;
const PARTNER = /与([^\s,;。、!?与]{2,30}?)(?:洽谈|商谈|座谈|会谈|对接|交流|签约|签订|签署|达成|合作)/;
/** Words that describe the trip rather than name whom it met. */
const NOT_A_NAME = /带队|率队|招商|考察(?!团)|调研|拜访|走访|洽谈|对接|开展|活动|^[赴到去至往]|[赴到去至往]$/;

export interface Partner {
  name: string;
  start: number;
  end: number;
}

/** Rule 1: the words after 拜访/对接/参加/接待…, up to a clause end or the next verb. */
export function afterVisitVerb(text: string): string | null {
  const verb = VISIT_VERB.exec(text);
  if (!verb) return null;
  const rest = text.slice(verb.index + verb[0].length).trimStart();
  const end = COUNTERPART_END.exec(rest);
  return (end ? rest.slice(0, end.index) : rest).trim() || null;
}

/** Rule 2: the clause before "来我镇"/"莅临…", keeping a 一行 right before it, without a leading 接待. */
export function beforeArrival(text: string): string | null {
  const cut = arrivalAt(text);
  if (cut === -1) return null;
  const clause = text.slice(0, cut).split(CLAUSE_END).pop()!;
  const last = clause.split(" ").filter(Boolean).pop()?.replace(RECEIVED, "");
  return last || null;
}

/** Where the visitor's name ends: right after 一行, or before an arrival phrase; -1 when there is none. */
function arrivalAt(text: string): number {
  const group = text.indexOf("一行");
  let best = group === -1 ? -1 : withHeadcount(text, group + 2);
  for (const word of ARRIVALS) {
    const at = text.indexOf(word);
    if (at !== -1 && (best === -1 || at < best)) best = at;
  }
  // "来城西考察": 来, a short place, then what visitors do.
  for (let at = text.indexOf("来"); at !== -1 && (best === -1 || at < best); at = text.indexOf("来", at + 1)) {
    if (at === 0 || NOT_COMING.includes(text[at - 1]!)) continue;
    const window = text.slice(at + 1, at + 8);
    if (VISITOR_DOES.some((w) => window.includes(w))) best = at;
  }
  return best;
}

/** "一行3人", "一行五人": the headcount belongs to the visitors. */
function withHeadcount(text: string, at: number): number {
  let end = at;
  while (end < at + 3 && "0123456789一二三四五六七八九十两".includes(text[end] ?? "-")) end++;
  return end > at && text[end] === "人" ? end + 1 : at;
}

/** Rule 3: "与X洽谈/签约…", with the span of the whole phrase so a project name can be read after it. */
export function partnerOf(text: string): Partner | null {
  const hit = PARTNER.exec(text);
  return hit ? { name: hit[1]!, start: hit.index, end: hit.index + hit[0].length } : null;
}

/** Rule 4: the first word of at least two characters that is not part of describing the trip. */
export function firstName(text: string): string | null {
  for (const { start, end } of wordSpans(text)) {
    const word = text.slice(start, end);
    if (word.length >= 2 && !word.startsWith("@") && !NOT_A_NAME.test(word)) return word;
  }
  return null;
}

/**
 * Whom a 走出去 met or who came for a 请进来. `text` still holds the place ("对接上海电气集团"
 * keeps 上海 in the name); `withoutPlace` has a standalone place blanked, for rule 4.
 */
export function counterpartOf(visitIn: boolean, text: string, withoutPlace: string): string | null {
  return (
    (visitIn ? beforeArrival(text) : null) ?? afterVisitVerb(text) ?? partnerOf(text)?.name ?? firstName(withoutPlace)
  );
}
