// The tokens an amount is read from (amount.ts runs the scan): a coefficient in digits
// ("3000", "3,000", "5.2"), a Chinese one ("五", "零五" after a unit, "三点五", "零点八"), or a unit
// (十百千万亿, "个亿", chat "800w", "3000 万" with one blank).
import { CN_DIGIT, CN_UNIT, type Dec, type NumeralBuilder } from "./chinese-numeral.ts";
import { isAsciiDigit } from "./money-context.ts";

// Chinese digits and units by UTF-16 unit: a typed-array read instead of a string-keyed lookup
// in the hot loop. DIGIT_OF is -1 for "no digit"; UNIT_OF is 0 for "no unit".
const DIGIT_OF = new Int8Array(65536).fill(-1);
for (const [ch, d] of Object.entries(CN_DIGIT)) DIGIT_OF[ch.charCodeAt(0)] = d;
const UNIT_OF = new Float64Array(65536);
for (const [ch, u] of Object.entries(CN_UNIT)) UNIT_OF[ch.charCodeAt(0)] = u;
const LIANG = "两".charCodeAt(0);
const DIAN = "点".charCodeAt(0);

export interface Coef {
  value: Dec;
  single: boolean;
  afterZero: boolean;
  end: number;
}

/** "3000", "3,000", "5.2", "12,000.5": comma groups must be exactly three digits. */
export function readArabic(t: string, p: number): Coef | null {
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
export function readChinese(t: string, p: number, b: NumeralBuilder): Coef | null {
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
export function readUnit(
  t: string,
  p: number,
  b: NumeralBuilder,
  arabic: boolean,
): { value: number; end: number } | null {
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
