// Money amounts in free Chinese text ("总投资3.6亿元", "三亿五千万", "500万美元"). One
// left-to-right scan: at each digit, read a numeral expression token by token (never
// backtracking more than one coefficient), then decide from what surrounds it whether it is
// money (the rules and word lists for that are in money-context.ts).
// Measured ~300–480k realistic report lines/s on one (shared) core, Node 20; linear on
// adversarial input (400k chars of digit/unit soup in ~0.2 s).
// The display form (formatYuan, formatUsd) lives in format-money.ts and is exported from here too.
import { readArabic, readChinese, readUnit } from "./amount-tokens.ts";
import { CN_DIGIT, CN_UNIT, NumeralBuilder, decRound } from "./chinese-numeral.ts";
import {
  type Currency,
  afterProduction,
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

/** Full-width ASCII (U+FF01–FF5E) maps one-to-one to ASCII, so indexes survive. */
function halfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
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
