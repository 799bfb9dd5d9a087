// Normalises what people type on phones before any parsing, and splits a line into words.
// NFKC folds full-width digits, letters and punctuation to ASCII ("８０００万" → "8000万",
// "：" → ":", "，" → ","), which keeps one UTF-16 unit per character for those, so spans stay
// simple. Zero-width characters are dropped; the ideographic space, the four-per-em space
// WeCom puts after a mention and other exotic blanks become plain spaces; runs collapse.

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
const HAS_ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/;
const BLANKS = /\s+/g; // \s covers \u3000, \u00a0, \u2000–\u200a
const ODD_BLANKS = /\s\s|[^\S ]/; // anything but single plain spaces

// What normalizeText has to do to a line, found in one pass: nothing (most report lines), fold
// full-width ASCII and the ideographic space by hand (common on phones: "：", "，", "８０００"),
// collapse runs of blanks, or the full NFKC. NFKC cannot change printable ASCII, the CJK Unified
// Ideographs, the CJK punctuation it leaves alone (、。〈〉《》「」『』【】 and curly quotes), the
// pictographs U+1F300–U+1FAFF or the emoji variation selector; it maps U+FF01–U+FF5E to ASCII
// and U+3000 to a space (a test checks all of this against normalize("NFKC")). normalize("NFKC")
// is the costliest step of reading a line, so it runs only for anything else.
const NFKC = 1;
const BLANK_RUN = 2;
const WIDTH = 4;

function workFor(text: string): number {
  let work = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) continue;
    if (c >= 0x21 && c <= 0x7e) continue;
    if (c === 0x20) {
      if (text.charCodeAt(i + 1) === 0x20) work |= BLANK_RUN;
      continue;
    }
    if ((c >= 0x3001 && c <= 0x3002) || (c >= 0x3008 && c <= 0x3011) || (c >= 0x2018 && c <= 0x201d)) continue;
    if (c >= 0xff01 && c <= 0xff5e) {
      work |= WIDTH;
      continue;
    }
    if (c === 0x3000) {
      work |= WIDTH | BLANK_RUN; // becomes a blank, perhaps next to another
      continue;
    }
    if (c === 0xfe0f) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const cp = text.codePointAt(i)!;
      if (cp >= 0x1f300 && cp <= 0x1faff) {
        i++;
        continue;
      }
    }
    return NFKC;
  }
  return work;
}

/** NFKC for a line whose only changes are full-width ASCII and U+3000 (see workFor). */
function foldWidth(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const folded = c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c === 0x3000 ? 0x20 : -1;
    if (folded === -1) continue;
    out += text.slice(from, i) + String.fromCharCode(folded);
    from = i + 1;
  }
  return out + text.slice(from);
}

export function normalizeText(text: string): string {
  const work = workFor(text);
  if (work === 0) return text.trim();
  let out: string;
  if (work & NFKC) {
    out = text.normalize("NFKC");
    if (HAS_ZERO_WIDTH.test(out)) out = out.replace(ZERO_WIDTH, "");
  } else {
    out = work & WIDTH ? foldWidth(text) : text;
  }
  if ((work & (NFKC | BLANK_RUN)) !== 0 && ODD_BLANKS.test(out)) out = out.replace(BLANKS, " ");
  return out.trim();
}

const LEADING_NOISE = /^[\s:：,，]+/;
/** Characters LEADING_NOISE can start with, \s aside (a trimmed line starts with none of those). */
const LEADING_NOISE_FIRST = ":：,，";
const BLANK = /\s/;

/**
 * Removes the bot's "@name" mention and what separates it from the message ("@招商助手 签约…",
 * "@招商助手：签约…", "＠招商助手\u2005签约…"). Configured names are removed at the start or the
 * end of the line; any other leading "@someone" is taken to end at the first blank.
 * Runs on the raw text, before normalizeText, so it accepts full-width ＠ and any Unicode blank.
 */
export function stripMention(text: string, botNames: readonly string[] = []): string {
  let rest = text.trim();
  // Without an @ there is nothing to strip but leading noise (most lines).
  if (rest.includes("@") || rest.includes("＠")) {
    for (const name of botNames) {
      if (!name) continue;
      for (const at of ["@", "＠"]) {
        const mention = at + name;
        if (rest.startsWith(mention)) rest = rest.slice(mention.length).replace(LEADING_NOISE, "");
        if (rest.endsWith(mention)) rest = rest.slice(0, -mention.length).trimEnd();
      }
    }
    if (rest.startsWith("@") || rest.startsWith("＠")) {
      const blank = rest.search(BLANK);
      rest = blank === -1 ? "" : rest.slice(blank);
    }
    return rest.replace(LEADING_NOISE, "").trim();
  }
  // rest is trimmed: only punctuation can lead it.
  return LEADING_NOISE_FIRST.includes(rest.charAt(0)) ? rest.replace(LEADING_NOISE, "").trim() : rest;
}

/** A word of a line: UTF-16 span [start, end). */
export interface WordSpan {
  start: number;
  end: number;
}

// Blanks and clause punctuation separate words; dashes, stray quotes and unbalanced brackets are
// trimmed off a word's edges ("-年产10万吨功能膜项目" → "年产10万吨功能膜项目", "(功能膜" → "功能膜",
// but "功能膜(一期)" stays whole).
const SEPARATOR = new Uint8Array(0x10000);
const EDGE = new Uint8Array(0x10000);
for (const ch of " \t\r\n,;!?。，、；！？|") SEPARATOR[ch.charCodeAt(0)] = 1;
const OPEN = "([【〔";
const CLOSE = ")]】〕";
// 1 = always trimmed at an edge, 2 = a bracket, trimmed when it has no partner in the word.
for (const ch of ":<>\"'-~*#·…—「」“”‘’《》『』") EDGE[ch.charCodeAt(0)] = 1;
for (const ch of OPEN + CLOSE) EDGE[ch.charCodeAt(0)] = 2;

export function isSeparator(text: string, index: number): boolean {
  const c = text.charCodeAt(index);
  return Number.isNaN(c) || SEPARATOR[c] === 1;
}

/** The words of a normalised line, left to right, edge punctuation trimmed, empty words dropped. */
export function wordSpans(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && SEPARATOR[text.charCodeAt(i)] === 1) i++;
    let end = i;
    while (end < text.length && SEPARATOR[text.charCodeAt(end)] !== 1) end++;
    const word = trimEdges(text, i, end);
    if (word) out.push(word);
    i = end;
  }
  return out;
}

/** Trims edge punctuation, brackets wrapping the whole word and brackets without a partner inside it: "(功能膜" → "功能膜". */
function trimEdges(text: string, start: number, end: number): WordSpan | null {
  if (EDGE[text.charCodeAt(start)] === 0 && EDGE[text.charCodeAt(end - 1)] === 0) return { start, end };
  const opens = [0, 0, 0, 0];
  const closes = [0, 0, 0, 0];
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    const o = OPEN.indexOf(ch);
    const c = o === -1 ? CLOSE.indexOf(ch) : -1;
    if (o !== -1) opens[o]!++;
    if (c !== -1) closes[c]!++;
  }
  let s = start;
  let e = end;
  while (s < e) {
    const first = text[s]!;
    const o = OPEN.indexOf(first);
    const c = CLOSE.indexOf(first);
    if (o !== -1 && e - s > 2 && text[e - 1] === CLOSE[o]) {
      // A word wrapped whole: "【签约】", "(一期)".
      opens[o]!--;
      closes[o]!--;
      s++;
      e--;
      continue;
    }
    if (EDGE[first.charCodeAt(0)] === 1 || c !== -1 || (o !== -1 && closes[o] === 0)) {
      if (o !== -1) opens[o]!--;
      if (c !== -1) closes[c]!--;
      s++;
      continue;
    }
    const last = text[e - 1]!;
    const lo = OPEN.indexOf(last);
    const lc = CLOSE.indexOf(last);
    if (EDGE[last.charCodeAt(0)] === 1 || lo !== -1 || (lc !== -1 && opens[lc] === 0)) {
      if (lo !== -1) opens[lo]!--;
      if (lc !== -1) closes[lc]!--;
      e--;
      continue;
    }
    break;
  }
  return e > s ? { start: s, end: e } : null;
}
