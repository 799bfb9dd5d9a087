// Finds the place a visit report names ("赴上海拜访…", "宁波某集团董事长一行来我镇…").
//
// Every written form of every known place ("苏州", "苏州市", "恩施土家族苗族自治州",
// "恩施州", …) goes into one table keyed by its first character, longest form first.
// The scan is leftmost-longest and linear in practice: at each position one Map lookup,
// then a handful of startsWith calls.
//
// Heuristics against false hits (all cheap, all local to the match):
// - A short name glued to words that make it something else is skipped: 朝阳产业 / 朝阳区,
//   三明治, 中山大学 / 中山路, 大理石, 德州仪器, 阿里巴巴, 长治久安, 大同小异 … (NOT_AFTER,
//   NOT_BEFORE below). Street names (中山路, 北京东路, 人民大街) are skipped generically,
//   except 路演 (roadshow), 路线 and friends, which are common after a real place.
// - 来宾 (also "guests"), 阿里 (Alibaba) and 兴安 (also a county in Guangxi) count only
//   with a suffix (来宾市, 阿里地区, 兴安盟) or right after 赴/到/去/前往.
// - "X市场" is the X market: the 市 is not taken as a suffix, the bare name still matches.
// - A country ending in 国 followed by 际 ("精英国际", "华美国际") is part of a company name.
// Substrings of unrelated words can still hit (e.g. 南通 in an unusual compound); the
// caller only asks for the place of visit reports, where names are usually explicit.

import {
  ALIASES,
  AUTONOMOUS_PREFECTURES,
  AUTONOMOUS_REGIONS,
  CITIES,
  DIQU,
  FOREIGN,
  LEAGUES,
  MUNICIPALITIES,
  PROVINCE_FULL_NAMES,
  PROVINCES,
} from "./places-data.ts";
import { COUNTY_CITIES, FOREIGN_CITIES, REGIONS, SHORT_NAMES } from "./places-local.ts";

export { CITIES, FOREIGN, PROVINCES };

export interface PlaceMatch {
  name: string;
  start: number;
  end: number;
}

interface Form {
  text: string;
  name: string;
  /** The form is the bare short name (guards and strictness apply only then). */
  bare: boolean;
  /** 0 region, 1 province or country, 2 city, 3 county-level: "浙江杭州" is read as the deeper 杭州. */
  level: number;
  /** A one-character short name ("沪"): only right after a travel verb, and not glued to a word. */
  short?: boolean;
}

const NOT_AFTER: Record<string, readonly string[]> = {
  朝阳: ["产业", "区", "行业", "门"],
  三明: ["治"],
  中山: ["大学", "装", "陵", "公园", "医院"],
  长治: ["久安"],
  大同: ["小异"],
  四平: ["八稳"],
  北海: ["道", "公园"],
  大理: ["石"],
  德州: ["仪器"],
  白银: ["价", "期货", "饰"],
  玉树: ["临风"],
  白山: ["黑水"],
  阿里: ["巴巴", "云", "集团", "系", "健康", "达摩", "妈妈", "影业"],
  海西: ["经济区"],
  哈密: ["瓜"],
  大庆: ["典"], // 盛大庆典
  高密: ["度"], // 高密度
  兴化: ["工"], // 兴化工
  南海: ["岸", "边"],
  // "黄河南岸", "洞庭湖北岸": the south/north bank of a river or lake
  河南: ["岸"],
  河北: ["岸"],
  湖南: ["岸"],
  湖北: ["岸"],
};

const NOT_BEFORE: Record<string, readonly string[]> = {
  安顺: ["平"], // 平安顺利
  安康: ["祝", "平", "健"], // 祝安康, 平安康泰, 健康
  通化: ["普", "交"], // 普通化工, 交通化
  海口: ["下"], // 夸下海口
  南通: ["华"], // 华南通信
  安庆: ["平"], // 平安庆典
};

/** Names too ambiguous to trust bare unless they follow a travel verb. */
const STRICT = new Set(["来宾", "阿里", "兴安"]);

const ROAD = /^[东西南北中]?(?:路|街|大道|大街)/;
/** "路" words that are not street names: 赴深圳路演 is a roadshow in Shenzhen. */
const NOT_ROAD = /^路[演线径过费上]/;

function buildIndex(): Map<number, Form[]> {
  const forms = new Map<string, Form>();
  let level = 1;
  const add = (text: string, name: string): void => {
    // First writer wins; no written form maps to two different canonical names today.
    if (!forms.has(text)) forms.set(text, { text, name, bare: text === name, level });
  };
  for (const p of PROVINCES) {
    add(p, p);
    add(p + (MUNICIPALITIES.includes(p) ? "市" : "省"), p);
  }
  for (const [short, full] of PROVINCE_FULL_NAMES) add(full, short);
  for (const r of AUTONOMOUS_REGIONS) add(`${r}自治区`, r);
  level = 2;
  for (const c of CITIES) {
    add(c, c);
    add(`${c}市`, c);
    add(`${c}地区`, c);
  }
  for (const d of DIQU) add(`${d}地区`, d);
  for (const l of LEAGUES) add(`${l}盟`, l);
  for (const [short, full] of AUTONOMOUS_PREFECTURES) {
    add(full, short);
    add(`${short}自治州`, short);
    add(`${short}州`, short); // colloquial: 恩施州, 大理州
  }
  level = 1;
  for (const f of FOREIGN) add(f, f);
  for (const [alias, name] of ALIASES) forms.set(alias, { text: alias, name, bare: true, level: 1 });
  // Municipalities are provinces and cities at once: "上海浦东" deepens to 浦东 like a city would.
  for (const m of MUNICIPALITIES) for (const text of [m, `${m}市`]) forms.get(text)!.level = 2;
  level = 2;
  for (const c of FOREIGN_CITIES) add(c, c);
  level = 3;
  for (const c of COUNTY_CITIES) {
    add(c, c);
    add(`${c}市`, c);
    add(`${c}区`, c);
    add(`${c}新区`, c);
  }
  level = 0;
  for (const [text, name] of REGIONS) add(text, name);
  for (const [text, name] of SHORT_NAMES) forms.set(text, { text, name, bare: true, level: 2, short: true });

  // Keyed by the first UTF-16 unit's code: a number hashes for free, a one-character string does not.
  const index = new Map<number, Form[]>();
  for (const form of forms.values()) {
    const key = form.text.charCodeAt(0);
    const list = index.get(key);
    if (list) list.push(form);
    else index.set(key, [form]);
  }
  for (const list of index.values()) list.sort((a, b) => b.text.length - a.text.length);
  return index;
}

const INDEX = buildIndex();
/** 1 for UTF-16 units that start some form: most positions are rejected without a Map lookup. */
const STARTS = new Uint8Array(0x10000);
for (const key of INDEX.keys()) STARTS[key] = 1;

function startsWithAny(text: string, pos: number, words: readonly string[] | undefined): boolean {
  if (!words) return false;
  for (const w of words) if (text.startsWith(w, pos)) return true;
  return false;
}

function endsWithAny(text: string, pos: number, words: readonly string[] | undefined): boolean {
  if (!words) return false;
  for (const w of words) if (pos >= w.length && text.startsWith(w, pos - w.length)) return true;
  return false;
}

/** A travel verb ends right before `pos` (blanks allowed in between). `strong` = only 赴/到/去/前往. */
function verbBefore(text: string, pos: number, strong: boolean): boolean {
  let i = pos;
  while (i > 0 && text[i - 1] === " ") i--;
  const c = text[i - 1];
  if (c === "赴" || c === "到" || c === "去") return true;
  if (c === "往" && text[i - 2] === "前") return true;
  // 在 and 至 also mark a place, but too weakly to unlock a STRICT name ("在来宾的陪同下").
  return !strong && (c === "在" || c === "至");
}

/** What may follow a one-character short name: a blank, punctuation, the end, or what one does on a trip. */
const AFTER_SHORT = [
  "拜访",
  "对接",
  "洽谈",
  "考察",
  "招商",
  "调研",
  "走访",
  "参加",
  "参会",
  "推介",
  "开展",
  "与",
  "会见",
  "学习",
];

function acceptsShort(text: string, start: number): boolean {
  if (!verbBefore(text, start, false) && !text.startsWith("来自", start - 2)) return false;
  const next = text[start + 1];
  return (
    next === undefined || " ,;.!?:、。，的".includes(next) || AFTER_SHORT.some((w) => text.startsWith(w, start + 1))
  );
}

function accepts(form: Form, text: string, start: number): boolean {
  const end = start + form.text.length;
  if (form.short) return acceptsShort(text, start);
  if (form.text.endsWith("市") && text[end] === "场") return false;
  if (!form.bare) return true;
  const name = form.name;
  if (startsWithAny(text, end, NOT_AFTER[name])) return false;
  if (endsWithAny(text, start, NOT_BEFORE[name])) return false;
  if (name.endsWith("国") && text[end] === "际") return false;
  const rest = text.slice(end, end + 3);
  if (ROAD.test(rest) && !NOT_ROAD.test(rest)) return false;
  if (STRICT.has(name) && !verbBefore(text, start, true)) return false;
  return true;
}

function matchAt(text: string, start: number): Form | null {
  const c = text.charCodeAt(start);
  if (STARTS[c] !== 1) return null;
  const candidates = INDEX.get(c);
  if (!candidates) return null;
  for (const form of candidates) {
    if (text.startsWith(form.text, start) && accepts(form, text, start)) return form;
  }
  return null;
}

/** The place a report names: prefer a name right after 赴/到/去/前往/至/在 (e.g. "赴上海拜访" → 上海, "到苏州市" → 苏州); otherwise the first known name in the text ("3月5日 深圳 比亚迪" → 深圳; "宁波某集团董事长一行" → 宁波). Longest match wins at a position. `name` is the short canonical name without 市/省/地区/自治州/盟 suffix (上海, 苏州, 宁波, 深圳, 江苏, 广东, 恩施, 延边). span covers the name as written including a 市/省 suffix if present. null when no known place. */
export function findPlace(text: string): PlaceMatch | null {
  let first: PlaceMatch | null = null;
  let i = 0;
  while (i < text.length) {
    const form = matchAt(text, i);
    if (!form) {
      i++;
      continue;
    }
    const match = deepen(text, form, i);
    if (verbBefore(text, i, false)) return match;
    first ??= match;
    i = match.end;
  }
  return first;
}

/** "日本东京", "浙江省杭州市", "苏州昆山": a deeper place right after (blanks allowed) is the one meant; the span covers all of it. */
function deepen(text: string, form: Form, start: number): PlaceMatch {
  let current = form;
  let end = start + form.text.length;
  for (;;) {
    let next = end;
    while (text[next] === " ") next++;
    const deeper = matchAt(text, next);
    if (!deeper || deeper.level <= current.level || current.level === 0) break;
    current = deeper;
    end = next + deeper.text.length;
  }
  return { name: current.name, start, end };
}
