// Understands the body of a one-line report ("年产10万吨功能膜项目 5.2亿元 新材料 省外").
// Each recognised piece (quoted name, asides, amounts, date, source, industry word, signing
// partner) is blanked out of a working copy, in that order, so what remains can be read as the
// project name or the counterpart. Blanking keeps the length, so every span stays valid.
import { counterpartOf, partnerOf } from "./counterpart.ts";
import { scanDates, type ImpossibleDate } from "./date-phrase.ts";
import { monthDay } from "./periods.ts";
import { findImpliedIndustry, industryOfWord, type IndustryTable } from "./industry.ts";
import { isSeparator, wordSpans } from "./normalize.ts";
import { findPlace, type PlaceMatch } from "./places.ts";
import { projectOf } from "./project-name.ts";
import { countsAsVisit, moneyRequired, moneyWord } from "./report-kinds.ts";
import { takeMoney } from "./report-money.ts";
import type { TalentFields } from "./talent-levels.ts";
import type { IsoDate, Money, ReportKind, Source } from "./types.ts";
import { findVagueDate } from "./vague-date.ts";
import { endingWith, WorkLine } from "./work-line.ts";

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
  /** 续建 only: the signing date in an earlier year ("2025-05-12" or "2025-05"); see carry-over.ts. */
  signedOn?: string | null;
  /** 招才引智 only (talent-parser.ts): headcount, level, employer. */
  talent?: TalentFields;
}

export interface ParseOptions {
  today: IsoDate;
  industries: IndustryTable;
}

/**
 * ok with `doubt`: the fields are the best reading, but the caller must store nothing and ask
 * (the doubt is a short Chinese reason). ok false: refuse, `problem` says why.
 */
export type ParseOutcome = { ok: true; fields: ReportFields; doubt?: string } | { ok: false; problem: string };

/** Kinds whose amount is recorded: only theirs can be in doubt. */
const MONEY_KINDS: ReadonlySet<ReportKind> = new Set(["negotiation", "signing", "carryOver", "fundsArrived"]);

/** 「…」 “…” 《…》 『…』 "…": the name as written, spaces and numbers included. */
const QUOTE_OPEN = '「“《『"';
const QUOTE_CLOSE = '」”》』"';

/**
 * The first quoted name: the leftmost opener whose closer follows with something in between.
 * A linear scan: a regex for this (/「([^」]+)」|…/) takes quadratic time on a line of openers
 * without closers (1,000 「 took 15–37 ms, 40,000 took 7 s).
 */
function findQuoted(text: string): { start: number; end: number; name: string } | null {
  const dead = [false, false, false, false, false];
  for (let i = 0; i < text.length; i++) {
    if ((MARK[text.charCodeAt(i)]! & QUOTE) === 0) continue;
    const kind = QUOTE_OPEN.indexOf(text[i]!);
    if (dead[kind]) continue;
    const close = text.indexOf(QUOTE_CLOSE[kind]!, i + 1);
    if (close === -1) {
      dead[kind] = true; // no later opener of this kind can close either
      continue;
    }
    if (close > i + 1) return { start: i, end: close + 1, name: text.slice(i + 1, close) };
  }
  return null;
}
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

/**
 * Characters that some step needs before it has anything to do: one pass over the line sets a
 * bit per kind, and a step whose bit is unset is skipped (most lines have no quotes, labels,
 * asides or source words). Blanking only removes characters, so the bits stay an upper bound.
 */
const QUOTE = 1;
const LABEL = 2; // 名称, 项目:, 以上项目
const ASIDE_MARK = 4; // 其中, (含
const SOURCE_MARK = 8; // 省外, 境外, 外资, 港资 …
const MARK = new Uint8Array(0x10000);
for (const ch of QUOTE_OPEN) MARK[ch.charCodeAt(0)]! |= QUOTE;
for (const ch of "名:以") MARK[ch.charCodeAt(0)]! |= LABEL;
for (const ch of "其含") MARK[ch.charCodeAt(0)]! |= ASIDE_MARK;
for (const ch of "外资") MARK[ch.charCodeAt(0)]! |= SOURCE_MARK;

function marksOf(text: string): number {
  let marks = 0;
  for (let i = 0; i < text.length; i++) marks |= MARK[text.charCodeAt(i)]!;
  return marks;
}

export function parseReportBody(kind: ReportKind, body: string, options: ParseOptions): ParseOutcome {
  const first = body.charAt(0);
  const original = first === ":" || (first !== "" && first.trim() === "") ? body.replace(LEADING, "") : body;
  const line = new WorkLine(original);
  const marks = marksOf(original);
  if (marks & LABEL) blankLabels(line);

  // A quoted name is taken as written: the project, or in a visit whom it was with.
  let quotedName: string | null = null;
  const quoted = marks & QUOTE ? findQuoted(line.text) : null;
  if (quoted) {
    quotedName = quoted.name.trim() || null;
    line.blank(quoted.start, quoted.end);
  }
  if (marks & ASIDE_MARK && (line.text.includes("其中") || line.text.includes("(含"))) line.blankAll(ASIDE);

  const taken = takeMoney(line, kind);
  if (taken.problem) return { ok: false, problem: taken.problem };
  const money = taken.money;
  let impossible: ImpossibleDate | null = null;
  const dateMatch = scanDates(line.text, options.today, (d) => (impossible = d));
  if (dateMatch) line.blank(dateMatch.start, dateMatch.end);
  else {
    const problem = impossible ? impossibleProblem(impossible) : vagueProblem(line.text, options.today);
    if (problem) return { ok: false, problem };
  }

  let source: Source | null = null;
  for (const [word, value] of marks & SOURCE_MARK ? SOURCE_WORDS : []) {
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
  let nameDoubt: string | null = null;
  let place: string | null = null;
  let counterpart: string | null = null;
  if (countsAsVisit(kind)) {
    const placeMatch = findPlace(line.text);
    place = placeMatch?.name ?? null;
    const withoutPlace = placeMatch ? blankPlace(line.text, placeMatch) : line.text;
    counterpart = quotedName ?? counterpartOf(kind === "visitIn", line.text, withoutPlace);
    if (!place && !counterpart) {
      const problem =
        kind === "visitOut"
          ? "请写上去了哪里、见了谁（如：赴上海拜访华谊集团）。"
          : "请写上是谁来考察（如：宁波某集团董事长一行来我镇考察）。";
      return { ok: false, problem };
    }
  } else {
    const partner = partnerOf(line.text);
    if (partner) {
      counterpart = partner.name;
      line.blank(partner.start, partner.end);
    }
    // A bare industry word is the name when nothing else is left ("签约 汽车零部件 5000万").
    const named = quotedName ? null : projectOf(line.text);
    // An industry keyword alone may name it ("签约 汽车零部件 5000万"); a bare tag ("新材料") never does.
    const keywordName = tagWord && !options.industries.tags.some((t) => t.tag === tagWord.word) ? tagWord.word : null;
    project = quotedName ?? named?.name ?? keywordName;
    if (named?.unknownTail) nameDoubt = `不确定「项目」后面的「${named.unknownTail}」是不是项目名称的一部分`;
    if (!project)
      return { ok: false, problem: "没有看到项目名称，是哪个项目？请写上项目名称（如 年产10万吨功能膜项目）。" };
    if (moneyRequired(kind) && !money) {
      return { ok: false, problem: `没有看到${moneyWord(kind)}（如 5.2亿元、3000万、500万美元）。` };
    }
  }

  const fields: ReportFields = {
    date: dateMatch?.date ?? options.today,
    dateGiven: dateMatch !== null,
    project,
    money,
    industry,
    manufacturing: industry === null ? null : options.industries.manufacturing.has(industry),
    source,
    place,
    counterpart,
  };
  const doubt = (money && MONEY_KINDS.has(kind) ? taken.doubt : null) ?? nameDoubt;
  return doubt ? { ok: true, fields, doubt } : { ok: true, fields };
}

// ---- labels -------------------------------------------------------------------------------

/** Form-style labels people copy from ledgers: "项目名称：…", "亿元以上项目：…". Longest first. */
const LABELS = [
  "亿元以上项目:",
  "亿元以上项目",
  "新签约项目:",
  "签约项目:",
  "重点项目:",
  "项目名称:",
  "项目名称",
  "项目名:",
  "项目:",
  "名称:",
];

/** Blanks labels that start a word; "功能膜项目：5亿" ends a name with a colon, it has no "项目:" label. */
function blankLabels(line: WorkLine): void {
  for (const label of LABELS) {
    for (let at = line.text.indexOf(label); at !== -1; at = line.text.indexOf(label, at + label.length)) {
      if (at === 0 || isSeparator(line.text, at - 1)) line.blank(at, at + label.length);
    }
  }
}

// ---- dates --------------------------------------------------------------------------------

function impossibleProblem(date: ImpossibleDate): string {
  return `日期「${date.phrase}」不存在（${date.reason}），请核对后重新发送。`;
}

/** A date word that names no day ("近日", "上周"): ask for the day rather than file it under today. */
function vagueProblem(text: string, today: IsoDate): string | null {
  const vague = findVagueDate(text);
  return vague ? `「${vague.phrase}」是哪一天？请写明日期（如 ${monthDay(today)} 或 昨天）后重新发送。` : null;
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
