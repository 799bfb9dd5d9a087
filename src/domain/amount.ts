// Money amounts in free Chinese text ("总投资3.6亿元", "三亿五千万", "500万美元"). One
// left-to-right scan: at each digit, read a numeral expression token by token (never
// backtracking more than one coefficient), then decide from what surrounds it whether it is
// money (the rules and word lists for that are in money-context.ts).
// Measured ~300–480k realistic report lines/s on one (shared) core, Node 20; linear on
// adversarial input (400k chars of digit/unit soup in ~0.2 s).
// The display form (formatYuan, formatUsd) lives in format-money.ts and is exported from here too.
import { CN_DIGIT, CN_UNIT, type Dec, NumeralBuilder, decRound } from "./chinese-numeral.ts";
import {
  type Currency,
  afterProduction,
  isAsciiDigit,
  isForeignAt,
  isQuantityAt,
  readCurrency,
  readPrefixCurrency,
  tailBlocked,
} from "./money-context.ts";

export { formatUsd, formatYuan } from "./format-money.ts";

export interface MoneyMatch {
  currency: Currency;
  value: number;
  start: number;
  end: number;
}

// Fast reject for the hot loop: which UTF-16 units can begin an amount, and which can follow
// a Chinese digit inside one (units, 零五, 点, 个亿, 多/余, 元/美元 …).
const CAN_START = 1;
const CAN_FOLLOW = 2;
const CN_DIGIT_START = 4;
const CLASS = new Uint8Array(65536);
for (let c = 48; c <= 57; c++) CLASS[c] = CAN_START;
for (const [ch, d] of Object.entries(CN_DIGIT)) if (d !== 0) CLASS[ch.charCodeAt(0)] = CAN_START | CN_DIGIT_START;
for (const ch of [..."零〇点个多余元美人块$¥￥", ...Object.keys(CN_UNIT)]) CLASS[ch.charCodeAt(0)]! |= CAN_FOLLOW;
for (let c = 65; c <= 90; c++) CLASS[c] = CLASS[c + 32] = CAN_FOLLOW;
// 零 starts an amount only as "零点八亿" (readChinese checks the 点).
for (const ch of "零〇") CLASS[ch.charCodeAt(0)]! |= CAN_START | CN_DIGIT_START;
CLASS["十".charCodeAt(0)]! |= CAN_START;
CLASS["拾".charCodeAt(0)]! |= CAN_START;

// Chinese digits and units by UTF-16 unit: a typed-array read instead of a string-keyed lookup
// in the hot loop. DIGIT_OF is -1 for "no digit"; UNIT_OF is 0 for "no unit".
const DIGIT_OF = new Int8Array(65536).fill(-1);
for (const [ch, d] of Object.entries(CN_DIGIT)) DIGIT_OF[ch.charCodeAt(0)] = d;
const UNIT_OF = new Float64Array(65536);
for (const [ch, u] of Object.entries(CN_UNIT)) UNIT_OF[ch.charCodeAt(0)] = u;
const LIANG = "两".charCodeAt(0);
const DIAN = "点".charCodeAt(0);

/** Full-width ASCII (U+FF01–FF5E) maps one-to-one to ASCII, so indexes survive. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

interface Coef {
  value: Dec;
  single: boolean;
  afterZero: boolean;
  end: number;
}

/** "3000", "3,000", "5.2", "12,000.5": comma groups must be exactly three digits. */
function readArabic(t: string, p: number): Coef | null {
  let q = p;
  while (q < t.length && isAsciiDigit(t.charCodeAt(q))) q++;
  if (q === p) return null;
  let int = t.slice(p, q);
  let grouped = false;
  if (q - p <= 3) {
    while (t.charCodeAt(q) === 44 && isGroup(t, q + 1)) {
      int += t.slice(q + 1, q + 4);
      q += 4;
      grouped = true;
    }
  }
  let frac = "";
  if (t.charCodeAt(q) === 46 && isAsciiDigit(t.charCodeAt(q + 1))) {
    let r = q + 1;
    while (r < t.length && isAsciiDigit(t.charCodeAt(r))) r++;
    frac = t.slice(q + 1, r);
    q = r;
  }
  const single = int.length === 1 && int !== "0" && !frac && !grouped;
  return { value: { n: BigInt(int + frac), s: frac.length }, single, afterZero: false, end: q };
}

function isGroup(t: string, p: number): boolean {
  return (
    isAsciiDigit(t.charCodeAt(p)) &&
    isAsciiDigit(t.charCodeAt(p + 1)) &&
    isAsciiDigit(t.charCodeAt(p + 2)) &&
    !isAsciiDigit(t.charCodeAt(p + 3))
  );
}

/** One Chinese digit, "零五" after a unit, or "三点五". */
function readChinese(t: string, p: number, b: NumeralBuilder): Coef | null {
  let d = DIGIT_OF[t.charCodeAt(p)] ?? -1;
  if (d === -1) return null;
  let q = p + 1;
  let afterZero = false;
  if (d === 0 && t.charCodeAt(q) === DIAN && isPlainDigit(t, q + 1) && b.lastUnit === 0 && !b.hasPending) {
    // "零点八亿": a number below one, said out loud.
    const r = plainDigitsEnd(t, q + 1);
    return { value: { n: BigInt(plainDigits(t, q + 1, r)), s: r - q - 1 }, single: false, afterZero: false, end: r };
  }
  if (d === 0) {
    const next = DIGIT_OF[t.charCodeAt(q)] ?? -1;
    if (b.lastUnit === 0 || b.hasPending || next <= 0) return null;
    d = next;
    q++;
    afterZero = true;
  }
  if (t.charCodeAt(q) === DIAN && isPlainDigit(t, q + 1)) {
    const r = plainDigitsEnd(t, q + 1);
    return {
      value: { n: BigInt(`${d}${plainDigits(t, q + 1, r)}`), s: r - q - 1 },
      single: false,
      afterZero,
      end: r,
    };
  }
  return { value: { n: BigInt(d), s: 0 }, single: true, afterZero, end: q };
}

/** A Chinese digit other than 两 (which is never read after 点). */
function isPlainDigit(t: string, p: number): boolean {
  const c = t.charCodeAt(p);
  return c !== LIANG && (DIGIT_OF[c] ?? -1) !== -1;
}

function plainDigitsEnd(t: string, p: number): number {
  let r = p;
  while (isPlainDigit(t, r)) r++;
  return r;
}

/** The Chinese digits t[from, to) as ASCII digits. */
function plainDigits(t: string, from: number, to: number): string {
  let out = "";
  for (let r = from; r < to; r++) out += DIGIT_OF[t.charCodeAt(r)];
  return out;
}

/** 十百千万亿, and "个亿" ("1.5个亿") right after a coefficient. */
function readUnit(t: string, p: number, b: NumeralBuilder, arabic: boolean): { value: number; end: number } | null {
  const u = UNIT_OF[t.charCodeAt(p)] ?? 0;
  if (u !== 0) return { value: u, end: p + 1 };
  const ch = t[p] ?? "";
  if (ch === "个" && b.hasPending && (t[p + 1] === "亿" || t[p + 1] === "億")) return { value: 1e8, end: p + 2 };
  // Chat shorthand: "800w" / "800W" is 800万 (but "800kW", "5Wh" are not).
  if ((ch === "w" || ch === "W") && arabic && b.hasPending && !isLetter(t.charCodeAt(p + 1)))
    return { value: 1e4, end: p + 1 };
  // "3000 万元", "5.2 亿": one blank before 万/亿, when the unit then ends the amount ("2026 万达广场" stays a year and a name).
  if (ch === " " && b.hasPending && (t[p + 1] === "万" || t[p + 1] === "亿") && unitEndsAmount(t, p + 2)) {
    return { value: t[p + 1] === "万" ? 1e4 : 1e8, end: p + 2 };
  }
  return null;
}

const isLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;

/** After a spaced unit only the end of the amount may follow: 元/美元, a blank, punctuation, 多/余/左右, or the line end. */
function unitEndsAmount(t: string, p: number): boolean {
  const ch = t[p];
  return ch === undefined || " ,;.:!?)元美人多余左".includes(ch) || t.startsWith("以上", p);
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Tries an amount starting at i; `next` is where scanning resumes. */
function scanAt(t: string, i: number): { match: MoneyMatch | null; next: number } {
  const b = new NumeralBuilder();
  let p = i;
  let pendingStart = -1;
  let approx = false; // "3000多万", "1亿余元": only units may follow
  let arabic = false; // the last coefficient was written in digits
  for (;;) {
    const digits = approx ? null : readArabic(t, p);
    const coef = approx ? null : (digits ?? readChinese(t, p, b));
    if (coef) {
      if (!b.coef(coef.value, coef.single, coef.afterZero)) break;
      pendingStart = p;
      p = coef.end;
      arabic = digits !== null;
    } else {
      const unit = readUnit(t, p, b, arabic);
      if (!unit || !b.unit(unit.value)) break;
      p = unit.end;
    }
    if (!approx && (t[p] === "多" || t[p] === "余")) {
      approx = true;
      p++;
    }
  }
  if (p === i) return { match: null, next: i + 1 };

  const suffix = readCurrency(t, p);
  let mode: "add" | "colloquial" | "drop" = "add";
  const tail = b.tail();
  if (tail === "colloquial" && (suffix || !tailBlocked(t, p))) mode = "colloquial";
  else if ((tail === "colloquial" || tail === "dangling") && !suffix) {
    // "3亿2026年", "1亿2个项目": the trailing number is not part of the amount.
    mode = "drop";
    p = pendingStart;
  }

  const prefix = readPrefixCurrency(t, i);
  if (!suffix && !prefix) {
    if (!b.bigUnit || isQuantityAt(t, p) || isForeignAt(t, p) || afterProduction(t, i)) {
      return { match: null, next: p };
    }
  }
  const value = decRound(b.total(mode));
  if (value > MAX_SAFE) return { match: null, next: p };
  const end = suffix ? suffix.end : p;
  let start = prefix?.start ?? i;
  const minus = minusBefore(t, start);
  if (minus) start--;
  return {
    match: {
      currency: suffix?.currency ?? prefix?.currency ?? "CNY",
      value: minus ? -Number(value) : Number(value),
      start,
      end,
    },
    next: end,
  };
}

/** What may stand right before a "-" that is a minus sign: the line start, a blank or colon, or the end of a money word ("计划投资-1亿", "金额：-3000万"). */
const MINUS_AFTER = " :,;(=-资额金计值位为是";

/**
 * A minus sign right before an amount: "−"/"负" always; "-" only where no name can end, so the
 * dash in "功能膜项目-5.2亿元" (a separator) or "1.5亿-2亿" (a range) is not one.
 */
function minusBefore(t: string, start: number): boolean {
  const ch = t[start - 1];
  if (ch === "\u2212" || ch === "负") return true;
  if (ch !== "-") return false;
  const before = t[start - 2];
  return before === undefined || MINUS_AFTER.includes(before);
}

/** All money expressions in `text`, in order of appearance. start/end are UTF-16 indexes of the matched span in `text` (end exclusive); the span covers the number and its unit words (e.g. "5.2亿元", "1.5个亿", "500万美元", "三亿五千万元") and a minus sign ("-3000万" has a negative value: a sign is never dropped), but not leading words like 约/总投资. */
export function findMoney(text: string): MoneyMatch[] {
  let t = text;
  let out: MoneyMatch[] = [];
  for (let i = 0; i < t.length; ) {
    const c = t.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e && t === text) {
      // Full-width ASCII (rare: lines are normalised first): fold it all and start over.
      t = halfWidth(text);
      out = [];
      i = 0;
      continue;
    }
    // A Chinese digit is usually part of a word ("一期", "统一"); skip those without setting up a scan.
    const cls = CLASS[c]!;
    if ((cls & CAN_START) === 0 || ((cls & CN_DIGIT_START) !== 0 && (CLASS[t.charCodeAt(i + 1)]! & CAN_FOLLOW) === 0)) {
      i++;
      continue;
    }
    const { match, next } = scanAt(t, i);
    if (match) out.push(match);
    i = Math.max(next, i + 1);
  }
  return out;
}

/** Parse a whole string as exactly one amount ("15亿", "5.2亿元", "五千万", "500万美元", "300000000"); surrounding spaces allowed; null otherwise. A bare integer (no unit) means yuan here (used by an import file). */
export function parseMoney(text: string): { currency: Currency; value: number } | null {
  const s = text.normalize("NFKC").trim();
  if (/^(?:\d+|\d{1,3}(?:,\d{3})+)$/.test(s)) {
    const value = Number(s.replaceAll(",", ""));
    return Number.isSafeInteger(value) ? { currency: "CNY", value } : null;
  }
  const found = findMoney(s);
  const only = found[0];
  if (found.length !== 1 || !only || only.start !== 0 || only.end !== s.length) return null;
  return { currency: only.currency, value: only.value };
}
