// Which report a line is when its first word is no command keyword: "【签约】…", "嗯 签约 …",
// "光学膜项目到位资金2000万元", "饲料项目今天正式开工🎉", or a line with no kind word at all that
// still plainly reports a visit ("今天去苏州见了两家企业"). The dispatcher asks this only after
// routing by the first word failed; the answer says which kind, what to hand to parseReportBody,
// and whether the bot may store it straight away (confident) or must ask first.
//
// Plain string scans over short word lists: no regular expression sees the line, so the time is
// linear in its length whatever it holds.
import { findMoney } from "./amount.ts";
import { findPlace } from "./places.ts";
import {
  ARRIVAL_WORDS,
  CLOSE,
  CONDITION_AFTER,
  FILLER,
  FILLER_PUNCT,
  INLINE_FIRST,
  INLINE_WORDS,
  LEADING_WORDS,
  MEETING_WORDS,
  NOT_COMING,
  OPEN,
  PLANNED,
  TRAVEL_VERBS,
  VISIT_VERBS,
  VISITOR_DOES,
} from "./detect-kind-words.ts";
import type { ReportKind } from "./types.ts";

export interface DetectedKind {
  kind: ReportKind;
  /** What to pass to parseReportBody for that kind. */
  body: string;
  /** false: the best guess only; the caller shows its reading and asks. */
  confident: boolean;
}

export function detectReportKind(text: string): DetectedKind | null {
  const rest = stripLeadingFiller(text);
  if (!rest) return null;

  const leading = LEADING_WORDS.find(([word]) => rest.startsWith(word));
  if (leading) {
    return { kind: leading[1], body: trimBody(rest.slice(leading[0].length)), confident: true };
  }

  const hits = inlineHits(rest);
  const hasMoney = findMoney(rest).length > 0;
  const visit = visitKind(rest);
  if (hits.length > 0) {
    // "落实到位", "服务到位": 到位 without an amount is no funds report.
    const usable = hits.filter((h) => h.kind !== "fundsArrived" || hasMoney);
    const kinds = [...new Set(usable.map((h) => h.kind))];
    // A trip that mentions a signing ("赴上海洽谈签约事宜") is the trip, unless an amount says otherwise.
    const talent = kinds.some((k) => TALENT_FIRST.includes(k));
    if (kinds.length > 0 && visit !== null && !kinds.includes(visit) && !hasMoney && !talent) {
      return { kind: visit, body: trimBody(rest), confident: false };
    }
    if (kinds.length > 0) {
      const kind = kinds.length === 1 ? kinds[0]! : likelier(kinds, hasMoney);
      const body = blankHits(
        rest,
        // A 续建 word left behind by another step would join the name ("功能膜续建项目到位…").
        usable.filter((h) => h.kind === kind || h.kind === "carryOver"),
      );
      // A keyword that is not first is a reading to confirm, never stored unasked (issue 10).
      return { kind, body: trimBody(body), confident: false };
    }
  }
  if (visit) return { kind: visit, body: trimBody(rest), confident: false };
  // A project and an amount with no kind word: most likely a signing, but ask.
  if (hasMoney && rest.includes("项目")) return { kind: "signing", body: trimBody(rest), confident: false };
  return null;
}

const FILLER_FIRST = new Uint8Array(0x10000);
for (const w of FILLER) FILLER_FIRST[w.charCodeAt(0)] = 1;

/** Leading blanks, punctuation, @mentions, filler words and a bracketed keyword ("【签约】"). */
function stripLeadingFiller(text: string): string {
  let s = text;
  for (let again = true; again && s.length > 0; ) {
    again = false;
    if (FILLER_PUNCT.includes(s[0]!)) {
      s = s.slice(1);
      again = true;
      continue;
    }
    if (s[0] === "@") {
      const blank = s.indexOf(" ");
      s = blank === -1 ? "" : s.slice(blank + 1);
      again = true;
      continue;
    }
    const filler = FILLER_FIRST[s.charCodeAt(0)] === 1 ? FILLER.find((w) => s.startsWith(w)) : undefined;
    if (filler) {
      s = s.slice(filler.length);
      again = true;
      continue;
    }
    const open = OPEN.indexOf(s[0]!);
    if (open !== -1) {
      const close = s.indexOf(CLOSE[open]!, 1);
      if (close === -1 || close > 12) break;
      const inner = s.slice(1, close).trim();
      const word = LEADING_WORDS.find(([w]) => inner.startsWith(w));
      const isFiller = FILLER.includes(inner);
      if (!word && !isFiller) break;
      // "【签约】年产…" → "签约 年产…"; "【喜报】" is dropped.
      s = word ? `${word[0]} ${s.slice(close + 1)}` : s.slice(close + 1);
      again = !word;
    }
  }
  return s.trim();
}

interface Hit {
  kind: ReportKind;
  start: number;
  end: number;
  blank: boolean;
  /** Read from another word ("计划签约" → 在谈), so only a guess. */
  inferred?: boolean;
}

function inlineHits(text: string): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < text.length; i++) {
    if (INLINE_FIRST[text.charCodeAt(i)] !== 1) continue;
    const hit = INLINE_WORDS.find((w) => text.startsWith(w.word, i));
    if (!hit) continue;
    const end = i + hit.word.length;
    if (endsWithAny(text, i, PLANNED)) {
      // "拟签约", "计划签约": still in talks; other planned milestones are no event at all.
      if (hit.kind === "signing") hits.push({ kind: "negotiation", start: i, end, blank: false, inferred: true });
    } else if (!startsWithAny(text, end, CONDITION_AFTER)) {
      // "与X签订…": the parser reads the partner from its verb, so that verb stays.
      const partner = hit.kind === "signing" && text.lastIndexOf("与", i) !== -1 && i - text.lastIndexOf("与", i) <= 31;
      // "功能膜项目5号开工": the word tells the parser that 5号 is the day, so it stays.
      const dated = afterProjectDay(text, i);
      hits.push({
        kind: hit.kind,
        start: i,
        end: text[end] === "了" ? end + 1 : end,
        blank: hit.blank && !partner && !dated,
      });
    }
    i = end - 1;
  }
  return hits;
}

/** "项目5号" or "项目25号" ends right before `at`. */
function afterProjectDay(text: string, at: number): boolean {
  if (text[at - 1] !== "号") return false;
  let p = at - 1;
  while (p > at - 4 && p > 0 && text.charCodeAt(p - 1) >= 48 && text.charCodeAt(p - 1) <= 57) p--;
  return p < at - 1 && text.startsWith("项目", p - 2);
}

/** A talent word is the more specific one: "…创新团队落户城西镇" is a team, not a 落地. */
const TALENT_FIRST: readonly ReportKind[] = ["innovationTeam", "talentProject", "talentRecruit"];

/**
 * Several kinds named: a talent kind; a 续建 alone, or the other step of a carried-over project;
 * else with an amount the money report, else the furthest milestone.
 */
function likelier(kinds: readonly ReportKind[], hasMoney: boolean): ReportKind {
  const talent = TALENT_FIRST.find((k) => kinds.includes(k));
  if (talent) return talent;
  // A 续建 line names its signing date (…2025年5月签约): with nothing else it is the 续建; with
  // another step ("续建项目功能膜到位3000万") it is that step of a carried-over project.
  if (kinds.includes("carryOver")) {
    const others = kinds.filter((k) => k !== "carryOver" && k !== "signing");
    if (others.length === 0) return "carryOver";
    kinds = others;
  }
  const order: readonly ReportKind[] = hasMoney
    ? ["fundsArrived", "signing", "negotiation", "registered", "producing", "started", "landed", "visitIn", "visitOut"]
    : ["registered", "producing", "started", "landed", "signing", "negotiation", "visitIn", "visitOut", "fundsArrived"];
  return order.find((k) => kinds.includes(k)) ?? kinds[0]!;
}

/** A visit without its keyword: someone came here, or we went somewhere to meet someone. */
function visitKind(text: string): "visitIn" | "visitOut" | null {
  if (ARRIVAL_WORDS.some((w) => text.includes(w)) || comingToDo(text)) return "visitIn";
  if (VISIT_VERBS.some((w) => text.includes(w))) return "visitOut";
  const place = findPlace(text);
  if (place && endsWithAny(text, place.start, TRAVEL_VERBS)) return "visitOut";
  if (TRAVEL_VERBS.some((v) => text.includes(v)) && MEETING_WORDS.some((w) => text.includes(w)) && place)
    return "visitOut";
  return null;
}

function comingToDo(text: string): boolean {
  for (let at = text.indexOf("来"); at !== -1; at = text.indexOf("来", at + 1)) {
    if (at > 0 && NOT_COMING.includes(text[at - 1]!)) continue;
    const window = text.slice(at + 1, at + 9);
    if (VISITOR_DOES.some((w) => window.includes(w))) return true;
  }
  return false;
}

function blankHits(text: string, hits: readonly Hit[]): string {
  let out = text;
  for (const h of hits) if (h.blank) out = out.slice(0, h.start) + " ".repeat(h.end - h.start) + out.slice(h.end);
  return out;
}

/** Whether dropPictographs could change the text: a supplementary character, U+2600–27BF, U+FE0F or U+200D. */
function mayHavePictographs(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xd800 && c <= 0xdbff) || (c >= 0x2600 && c <= 0x27bf) || c === 0xfe0f || c === 0x200d) return true;
  }
  return false;
}

/** Emoji and their joiners carry nothing a parser reads ("开工🎉"). */
function dropPictographs(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const pictograph = c >= 0x1f000 || (c >= 0x2600 && c <= 0x27bf) || c === 0xfe0f || c === 0x200d;
    out += pictograph ? " " : ch;
  }
  return out;
}

/** Pictographs blanked, leading blanks, colons and commas dropped, runs of blanks made one, trailing blanks dropped. */
function trimBody(body: string): string {
  const s = mayHavePictographs(body) ? dropPictographs(body) : body;
  let start = 0;
  while (start < s.length && (s[start] === " " || s[start] === ":" || s[start] === ",")) start++;
  let end = s.length;
  while (end > start && s.charCodeAt(end - 1) === 32) end--;
  const inner = s.slice(start, end);
  return inner.includes("  ") ? inner.replace(BLANK_RUN, " ") : inner;
}

const BLANK_RUN = / {2,}/g;

function startsWithAny(text: string, pos: number, words: readonly string[]): boolean {
  for (const w of words) if (text.startsWith(w, pos)) return true;
  return false;
}

function endsWithAny(text: string, pos: number, words: readonly string[]): boolean {
  for (const w of words) if (pos >= w.length && text.startsWith(w, pos - w.length)) return true;
  return false;
}
