// Understands the body of a one-line report ("年产10万吨功能膜项目 5.2亿元 新材料 省外").
// Each recognised piece (quoted name, asides, amounts, date, source, industry word, signing
// partner) is blanked out of a working copy, in that order, so what remains can be read as the
// project name or the counterpart. Blanking keeps the length, so every span stays valid.
import { findMoney } from "./amount.ts";
import { counterpartOf, partnerOf } from "./counterpart.ts";
import { findDate } from "./date-phrase.ts";
import { findImpliedIndustry, industryOfWord, type IndustryTable } from "./industry.ts";
import { isSeparator, wordSpans } from "./normalize.ts";
import { findPlace, type PlaceMatch } from "./places.ts";
import type { IsoDate, Money, ReportKind, Source } from "./types.ts";

export interface ReportFields {
  date: IsoDate;
  dateGiven: boolean;
  project: string | null;
  money: Money | null;
  industry: string | null;
  manufacturing: boolean | null;
  source: Source | null;
  place: string | null;
  counterpart: string | null;
}

export interface ParseOptions {
  today: IsoDate;
  industries: IndustryTable;
}

export type ParseOutcome = { ok: true; fields: ReportFields } | { ok: false; problem: string };

const VISIT_KINDS: ReadonlySet<ReportKind> = new Set(["visitOut", "visitIn"]);
const MONEY_REQUIRED: ReadonlySet<ReportKind> = new Set(["signing", "fundsArrived"]);

/** 「…」 “…” 《…》 『…』 "…": the name as written, spaces and numbers included. */
const QUOTED = /「([^」]+)」|“([^”]+)”|《([^》]+)》|『([^』]+)』|"([^"]+)"/;
/** "(其中设备投资5000万)", "(含…)", or an unbracketed "其中…" up to the next blank or clause end. */
const ASIDE = /\((?:其中|含)[^)]{0,80}\)|其中[^\s,;。!?()]{0,80}/g;
const LEADING = /^[\s:]+/;

const SOURCE_WORDS: ReadonlyArray<readonly [string, Source]> = [
  ["省外", "省外"],
  ["市外", "市外"],
  ["境外", "境外"],
  ["国外", "境外"],
  ["海外", "境外"],
  ["外资", "境外"],
  ["外商", "境外"],
  ["港资", "境外"],
  ["台资", "境外"],
];

export function parseReportBody(kind: ReportKind, body: string, options: ParseOptions): ParseOutcome {
  const original = body.replace(LEADING, "");
  const line = new WorkLine(original);

  // A quoted name is taken as written: the project, or in a visit whom it was with.
  let quotedName: string | null = null;
  const quoted = QUOTED.exec(line.text);
  if (quoted) {
    quotedName = (quoted[1] ?? quoted[2] ?? quoted[3] ?? quoted[4] ?? quoted[5] ?? "").trim() || null;
    line.blank(quoted.index, quoted.index + quoted[0].length);
  }
  if (line.text.includes("其中") || line.text.includes("(含")) line.blankAll(ASIDE);

  const money = takeMoney(line);
  const dateMatch = findDate(line.text, options.today);
  if (dateMatch) line.blank(dateMatch.start, dateMatch.end);

  let source: Source | null = null;
  const maybeSource = line.text.includes("外") || line.text.includes("资");
  for (const [word, value] of maybeSource ? SOURCE_WORDS : []) {
    const at = line.text.indexOf(word);
    if (at === -1) continue;
    source ??= value;
    line.blank(at, at + word.length);
  }
  if (!source && money?.currency === "USD") source = "境外";

  // An industry typed as its own word wins and is blanked; else the first keyword anywhere.
  const tagWord = takeIndustryWord(line, options.industries);
  const industry = tagWord?.tag ?? findImpliedIndustry(original, options.industries)?.tag ?? null;

  let project: string | null = null;
  let place: string | null = null;
  let counterpart: string | null = null;
  if (VISIT_KINDS.has(kind)) {
    const placeMatch = findPlace(line.text);
    place = placeMatch?.name ?? null;
    const withoutPlace = placeMatch ? blankPlace(line.text, placeMatch) : line.text;
    counterpart = quotedName ?? counterpartOf(kind === "visitIn", line.text, withoutPlace);
    if (!place && !counterpart) {
      const problem = kind === "visitOut" ? "请写上去了哪里、见了谁（如：赴上海拜访华谊集团）。" : "请写上是谁来考察（如：宁波某集团董事长一行来我镇考察）。";
      return { ok: false, problem };
    }
  } else {
    const partner = partnerOf(line.text);
    if (partner) {
      counterpart = partner.name;
      line.blank(partner.start, partner.end);
    }
    // A bare industry word is the name when nothing else is left ("签约 汽车零部件 5000万").
    project = quotedName ?? projectOf(line.text) ?? tagWord?.word ?? null;
    if (!project) return { ok: false, problem: "没有看到项目名称。" };
    if (MONEY_REQUIRED.has(kind) && !money) {
      return {
        ok: false,
        problem: `没有看到${kind === "signing" ? "投资额" : "到位金额"}（如 5.2亿元、3000万、500万美元）。`,
      };
    }
  }

  return {
    ok: true,
    fields: {
      date: dateMatch?.date ?? options.today,
      dateGiven: dateMatch !== null,
      project,
      money,
      industry,
      manufacturing: industry === null ? null : options.industries.manufacturing.has(industry),
      source,
      place,
      counterpart,
    },
  };
}

/** The line being read, with recognised pieces replaced by blanks of the same length. */
class WorkLine {
  constructor(public text: string) {}

  blank(start: number, end: number): void {
    if (end > start) this.text = this.text.slice(0, start) + " ".repeat(end - start) + this.text.slice(end);
  }

  /** Blanks many spans in one pass; spans are in order and do not overlap. */
  blankSpans(spans: ReadonlyArray<readonly [number, number]>): void {
    if (spans.length === 0) return;
    let out = "";
    let at = 0;
    for (const [start, end] of spans) {
      out += this.text.slice(at, start) + " ".repeat(end - start);
      at = end;
    }
    this.text = out + this.text.slice(at);
  }

  blankAll(pattern: RegExp): void {
    this.text = this.text.replace(pattern, (hit) => " ".repeat(hit.length));
  }
}

// ---- amounts ----------------------------------------------------------------------------

/** Words that may stand before an amount and belong to it ("总投资5亿", "投资额约3.6亿"). */
const MONEY_LEADS = [
  "总投资额", "投资总额", "计划总投资", "计划投资", "协议投资", "协议金额", "合同金额", "签约金额",
  "总投资", "投资额", "投资", "金额", "资金", "总额", "到位", "共计", "合计", "累计", "预计", "总计",
];
/** Amounts that are not the investment: output, sales, tax ("达产后年产值8亿元"). */
const OUTPUT_LEADS = ["年产值", "产值", "年销售额", "销售额", "销售收入", "年营收", "营收", "年收入", "收入", "税收", "利税", "年纳税", "纳税"];
/** Single characters that lead an amount only after a blank or a lead word ("约5亿", not "万达5亿"). */
const SOFT_LEADS = "约近超逾达为共";

interface Lead {
  word: string;
  output: boolean;
}

/** Leads by their last character, longest first: looked up walking backwards from an amount. */
const LEADS_BY_END = new Map<string, Lead[]>();
for (const [words, output] of [[MONEY_LEADS, false], [OUTPUT_LEADS, true]] as const) {
  for (const word of words) {
    const last = word[word.length - 1]!;
    LEADS_BY_END.set(last, [...(LEADS_BY_END.get(last) ?? []), { word, output }]);
  }
}
for (const list of LEADS_BY_END.values()) list.sort((a, b) => b.word.length - a.word.length);

function leadEndingAt(text: string, end: number): Lead | null {
  const list = LEADS_BY_END.get(text[end - 1] ?? "");
  if (list) for (const lead of list) if (end >= lead.word.length && text.startsWith(lead.word, end - lead.word.length)) return lead;
  return null;
}

function sortLongestFirst(words: string[]): readonly string[] {
  return [...words].sort((a, b) => b.length - a.length);
}

/** Blanks every amount with its lead words; the money is the first that is not output or tax. */
function takeMoney(line: WorkLine): Money | null {
  let money: Money | null = null;
  const spans: Array<[number, number]> = [];
  let previousEnd = 0;
  for (const m of findMoney(line.text)) {
    const lead = leadOf(line.text, m.start);
    if (!money && !lead.output) money = { currency: m.currency, value: m.value };
    const start = Math.max(lead.start, previousEnd);
    previousEnd = m.end + (line.text[m.end] === "的" ? 1 : 0);
    spans.push([start, previousEnd]);
  }
  line.blankSpans(spans);
  return money;
}

function isBlankOrColon(ch: string | undefined): boolean {
  return ch === " " || ch === ":";
}

/** Walks back over lead words (and blanks or colons between them) from an amount's start. */
function leadOf(text: string, amountStart: number): { start: number; output: boolean } {
  let start = amountStart;
  let output = false;
  for (;;) {
    let q = start;
    while (q > 0 && isBlankOrColon(text[q - 1])) q--;
    const lead = leadEndingAt(text, q);
    if (lead) {
      start = q - lead.word.length;
      output ||= lead.output;
      continue;
    }
    // A soft lead counts after a blank, the line start, or another lead: "投资额约3.6亿".
    const soft = text[q - 1];
    if (soft !== undefined && SOFT_LEADS.includes(soft) && (q === 1 || isBlankOrColon(text[q - 2]) || leadEndingAt(text, q - 1))) {
      start = q - 1;
      continue;
    }
    return { start, output };
  }
}

function endingWith(text: string, end: number, words: readonly string[]): string | null {
  for (const w of words) if (end >= w.length && text.startsWith(w, end - w.length)) return w;
  return null;
}

// ---- industry, place --------------------------------------------------------------------

function takeIndustryWord(line: WorkLine, table: IndustryTable): { tag: string; word: string } | null {
  for (const { start, end } of wordSpans(line.text)) {
    const word = line.text.slice(start, end);
    const tag = industryOfWord(word, table);
    if (tag !== null) {
      line.blank(start, end);
      return { tag, word };
    }
  }
  return null;
}

const TRAVEL_VERBS = ["前往", "赴", "到", "去", "至"];

/** Blanks the place when it is a word of its own or follows a travel verb ("赴上海", "深圳 比亚迪"), not inside a name ("上海电气"). */
function blankPlace(text: string, place: PlaceMatch): string {
  let before = place.start;
  while (before > 0 && text[before - 1] === " ") before--;
  const verb = endingWith(text, before, TRAVEL_VERBS);
  const standsAlone = isSeparator(text, place.start - 1) && isSeparator(text, place.end);
  if (!verb && !standsAlone) return text;
  const start = verb ? before - verb.length : place.start;
  return text.slice(0, start) + " ".repeat(place.end - start) + text.slice(place.end);
}

// ---- project name -----------------------------------------------------------------------

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
function projectOf(text: string): string | null {
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
