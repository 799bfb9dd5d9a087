// Chinese numerals ("三亿五千万", "一万零五", "壹仟贰佰") and the exact arithmetic the amount
// scanner shares with them. Values are kept as scaled BigInts so "5.2亿" is exactly 520000000:
// a binary float cannot hold 5.2, and money must never drift by a yuan.

/** An exact non-negative decimal: value = n / 10^s. */
export interface Dec {
  readonly n: bigint;
  readonly s: number;
}

export const DEC_ZERO: Dec = { n: 0n, s: 0 };
const DEC_ONE: Dec = { n: 1n, s: 0 };

const POW10: bigint[] = [1n];
function pow10(k: number): bigint {
  while (POW10.length <= k) POW10.push(POW10[POW10.length - 1]! * 10n);
  return POW10[k]!;
}

export function decAdd(a: Dec, b: Dec): Dec {
  if (b.n === 0n && b.s <= a.s) return a;
  if (a.n === 0n && a.s <= b.s) return b;
  if (a.s === b.s) return { n: a.n + b.n, s: a.s };
  return a.s < b.s ? { n: a.n * pow10(b.s - a.s) + b.n, s: b.s } : { n: a.n + b.n * pow10(a.s - b.s), s: a.s };
}

/** The multipliers numerals use (十百千万亿 and their tenths), as BigInts made once. */
const BIG_FACTORS = new Map<number, bigint>([1, 10, 100, 1000, 1e4, 1e3, 1e7, 1e8].map((k) => [k, BigInt(k)]));

function decMul(a: Dec, k: number): Dec {
  if (a.n === 0n) return a;
  return { n: a.n * (BIG_FACTORS.get(k) ?? BigInt(k)), s: a.s };
}

/** Rounds half up to an integer (values are never negative here). */
export function decRound(a: Dec): bigint {
  if (a.s === 0) return a.n;
  const d = pow10(a.s);
  const q = a.n / d;
  return 2n * (a.n % d) >= d ? q + 1n : q;
}

/** Digit characters, including the financial (大写) forms. 零/〇 are 0. */
export const CN_DIGIT: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  壹: 1,
  贰: 2,
  貳: 2,
  叁: 3,
  參: 3,
  肆: 4,
  伍: 5,
  陆: 6,
  陸: 6,
  柒: 7,
  捌: 8,
  玖: 9,
};

/** Multiplier characters. 万/亿 close a section; 十/百/千 work inside one. */
export const CN_UNIT: Readonly<Record<string, number>> = {
  十: 10,
  拾: 10,
  百: 100,
  佰: 100,
  千: 1000,
  仟: 1000,
  万: 1e4,
  萬: 1e4,
  亿: 1e8,
  億: 1e8,
};

/** How a trailing coefficient with no unit after it ("一万五", "一亿零五", "3亿2026") reads. */
export type Tail = "none" | "additive" | "colloquial" | "dangling";

/**
 * Accumulates coefficient/unit tokens the way Chinese numerals compose: 十百千 build a
 * four-digit section, 万 and 亿 scale everything since the previous bigger unit. A token that
 * does not fit (a second 亿, "五千三千", a coefficient right after a coefficient) is refused,
 * so a scanner can stop right before it. Coefficients may be decimals ("5.2亿", "1.5千万").
 */
export class NumeralBuilder {
  private high = DEC_ZERO; // everything already multiplied by 亿
  private mid = DEC_ZERO; // the 万 part of the current 亿 section
  private low = DEC_ZERO; // 十百千 part of the current 万 section
  private pending: Dec | null = null;
  private pendingSingle = false; // a lone digit 1-9: may be colloquial ("一万五" = 15000)
  private pendingAfterZero = false; // "一万零五": the digit is literal
  private lowLast = Infinity; // last 十百千 used in this section; they must descend
  private sectionHas = false; // anything since the last 万/亿
  private yiHas = false; // anything since the last 亿
  private seenWan = false;
  private seenYi = false;
  /** Value of the last accepted unit, 0 before any. */
  lastUnit = 0;
  /** Whether a 万 or 亿 was accepted (what makes a bare number money). */
  bigUnit = false;

  get hasPending(): boolean {
    return this.pending !== null;
  }

  coef(value: Dec, single: boolean, afterZero = false): boolean {
    if (this.pending !== null || (afterZero && this.lastUnit === 0)) return false;
    this.pending = value;
    this.pendingSingle = single;
    this.pendingAfterZero = afterZero;
    this.sectionHas = this.yiHas = true;
    return true;
  }

  unit(u: number): boolean {
    const c = this.pending;
    if (u < 1e4) {
      // A bare 十 opens a section ("十亿", "十五万"); 百/千 always need a digit.
      const coef = c ?? (u === 10 && !this.sectionHas ? DEC_ONE : null);
      if (coef === null || u >= this.lowLast) return false;
      this.low = decAdd(this.low, decMul(coef, u));
      this.lowLast = u;
      this.sectionHas = this.yiHas = true;
    } else if (u === 1e4) {
      if (this.seenWan || !this.sectionHas) return false;
      this.mid = decMul(c ? decAdd(this.low, c) : this.low, u);
      this.seenWan = true;
      this.low = DEC_ZERO;
      this.lowLast = Infinity;
      this.sectionHas = false;
    } else {
      if (this.seenYi || !this.yiHas) return false;
      const below = decAdd(this.mid, c ? decAdd(this.low, c) : this.low);
      this.high = decMul(below, u);
      this.seenYi = true;
      this.seenWan = false;
      this.mid = this.low = DEC_ZERO;
      this.lowLast = Infinity;
      this.sectionHas = this.yiHas = false;
    }
    if (u >= 1e4) this.bigUnit = true;
    this.pending = null;
    this.lastUnit = u;
    return true;
  }

  tail(): Tail {
    if (this.pending === null) return "none";
    if (this.lastUnit === 0 || this.lastUnit === 10 || this.pendingAfterZero) return "additive";
    return this.pendingSingle && this.lastUnit >= 100 ? "colloquial" : "dangling";
  }

  /** The value, reading a trailing coefficient as `mode` says ("drop" ignores it). */
  total(mode: "add" | "colloquial" | "drop"): Dec {
    let sum = decAdd(this.high, decAdd(this.mid, this.low));
    if (this.pending !== null && mode !== "drop") {
      sum = decAdd(sum, mode === "add" ? this.pending : decMul(this.pending, this.lastUnit / 10));
    }
    return sum;
  }
}

/**
 * Parses a whole string of Chinese numerals: "五千" → 5000, "三亿五千万" → 350000000,
 * "一万零五" → 10005, colloquial "一万五" → 15000, positional "二〇二六" → 2026.
 * null for anything else (empty, stray characters, "万", "五千三千", beyond safe integers).
 */
export function parseChineseNumeral(s: string): number | null {
  if (s.length === 0) return null;
  if (s.length > 1 && [...s].every((ch) => CN_DIGIT[ch] !== undefined && ch !== "两")) {
    return safe(BigInt([...s].map((ch) => CN_DIGIT[ch]).join("")));
  }
  if (s.length === 1 && CN_DIGIT[s] === 0) return 0;
  const b = new NumeralBuilder();
  let afterZero = false;
  for (const ch of s) {
    const digit = CN_DIGIT[ch];
    const unit = CN_UNIT[ch];
    if (digit === 0) {
      // 零 only marks a gap between a unit and a later digit ("一百零五").
      if (b.lastUnit === 0 || b.hasPending) return null;
      afterZero = true;
    } else if (digit !== undefined) {
      if (!b.coef({ n: BigInt(digit), s: 0 }, true, afterZero)) return null;
      afterZero = false;
    } else if (unit !== undefined) {
      if (afterZero || !b.unit(unit)) return null;
    } else {
      return null;
    }
  }
  if (afterZero) return null;
  const tail = b.tail();
  if (tail === "dangling") return null;
  return safe(decRound(b.total(tail === "colloquial" ? "colloquial" : "add")));
}

function safe(v: bigint): number | null {
  return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : null;
}

const DIGITS = "零一二三四五六七八九";

/** The standard written form of a non-negative integer: 350000000 → "三亿五千万", 10005 → "一万零五", 15 → "十五". */
export function toChineseNumeral(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a non-negative integer: ${n}`);
  if (n === 0) return "零";
  const s = render(n);
  return s.startsWith("一十") ? s.slice(1) : s;
}

function render(n: number): string {
  if (n >= 1e8) return joinParts(`${render(Math.floor(n / 1e8))}亿`, n % 1e8, 1e7, render);
  if (n >= 1e4) return joinParts(`${section(Math.floor(n / 1e4))}万`, n % 1e4, 1000, section);
  return section(n);
}

/** A lower part that does not fill the top place needs a 零: "一亿零五百万". */
function joinParts(head: string, rest: number, topPlace: number, tail: (v: number) => string): string {
  if (rest === 0) return head;
  return head + (rest < topPlace ? "零" : "") + tail(rest);
}

function section(n: number): string {
  let out = "";
  let gap = false;
  for (const [place, unit] of [
    [1000, "千"],
    [100, "百"],
    [10, "十"],
    [1, ""],
  ] as const) {
    const d = Math.floor(n / place) % 10;
    if (d === 0) {
      gap = out !== "";
      continue;
    }
    out += (gap ? "零" : "") + DIGITS[d] + unit;
    gap = false;
  }
  return out;
}
