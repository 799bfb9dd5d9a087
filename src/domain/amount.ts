// Money amounts in free Chinese text ("总投资3.6亿元", "三亿五千万", "500万美元") and their
// display form. One left-to-right scan: at each digit, read a numeral expression token by token
// (never backtracking more than one coefficient), then decide from what surrounds it whether it
// is money. Without 元/美元/… a number is money only with 万/亿 and no quantity unit after it,
// because reports are full of "年产10万吨", "1300亩", "3.5" (dates).
// Measured ~300–480k realistic report lines/s on one (shared) core, Node 20; linear on
// adversarial input (400k chars of digit/unit soup in ~0.2 s).
import { CN_DIGIT, CN_UNIT, type Dec, NumeralBuilder, decRound } from "./chinese-numeral.ts";

export interface MoneyMatch {
  currency: "CNY" | "USD";
  value: number;
  start: number;
  end: number;
}

type Currency = MoneyMatch["currency"];

// Characters that, right after "10万"/"5亿", make it a quantity rather than money.
const QUANTITY_CHARS = new Set(
  "吨件套亩人只台辆头个株箱片颗块米方张条双部瓦羽尾枚粒支瓶盒包袋桶罐根棵顷册份次户名位座栋幢间床斤克艘架匹盏度升伏卷捆锭炉家项层孔眼级千平",
);
const QUANTITY_WORDS = ["立方", "公里", "公斤", "公顷", "公吨", "兆瓦", "吉瓦", "标箱", "标准箱"];
// Words that start with a quantity character but are ordinary text after an amount
// ("总投资5亿包括…", "5亿平台公司").
const NOT_QUANTITY = new Set(["平台", "平衡", "平稳", "方面", "方案", "方式", "方向", "部分", "部署", "位于", "家居", "家具", "家电", "支持", "支付", "支出", "双方", "条件", "片区", "包括", "包含", "人民"]);
// Other currencies: an amount in them is not representable, so it is not ours.
const FOREIGN = ["港元", "港币", "欧元", "日元", "英镑", "韩元", "澳元", "加元", "卢布", "台币", "新台币", "泰铢", "新元"];
// Output/capacity phrases: "年产10万" counts goods even when the unit is unusual.
const PRODUCTION = ["年产", "产能", "年加工", "年处理", "年生产", "年出栏", "年存栏", "年屠宰", "年吞吐", "吞吐量", "年种植", "年养殖", "年回收", "年消纳", "年发电", "产量"];
const PRODUCTION_FILLER = "约达近超过逾为可共计到 ";
// After a lone trailing digit, these mean it was not colloquial ("3亿5年内", "1亿2个项目").
const TAIL_BLOCKERS = new Set("年月日号天周期次项个家倍成%.");

const isAsciiDigit = (c: number) => c >= 48 && c <= 57;
const isAsciiLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;

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
CLASS["十".charCodeAt(0)]! |= CAN_START;
CLASS["拾".charCodeAt(0)]! |= CAN_START;

/** Full-width ASCII (U+FF01–FF5E) maps one-to-one to ASCII, so indexes survive. */
function halfWidth(text: string): string {
  return /[\uFF01-\uFF5E]/.test(text)
    ? text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    : text;
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
  let d = CN_DIGIT[t[p] ?? ""];
  if (d === undefined) return null;
  let q = p + 1;
  let afterZero = false;
  if (d === 0) {
    const next = CN_DIGIT[t[q] ?? ""];
    if (b.lastUnit === 0 || b.hasPending || !next) return null;
    d = next;
    q++;
    afterZero = true;
  }
  if (t[q] === "点" && isPlainDigit(t[q + 1])) {
    let frac = "";
    let r = q + 1;
    while (isPlainDigit(t[r])) frac += CN_DIGIT[t[r++]!];
    return { value: { n: BigInt(`${d}${frac}`), s: frac.length }, single: false, afterZero, end: r };
  }
  return { value: { n: BigInt(d), s: 0 }, single: true, afterZero, end: q };
}

const isPlainDigit = (ch: string | undefined) => ch !== undefined && ch !== "两" && CN_DIGIT[ch] !== undefined;

/** 十百千万亿, and "个亿" ("1.5个亿") right after a coefficient. */
function readUnit(t: string, p: number, b: NumeralBuilder): { value: number; end: number } | null {
  const ch = t[p] ?? "";
  const u = CN_UNIT[ch];
  if (u !== undefined) return { value: u, end: p + 1 };
  if (ch === "个" && b.hasPending && (t[p + 1] === "亿" || t[p + 1] === "億")) return { value: 1e8, end: p + 2 };
  return null;
}

/** A currency word right after the number. */
function readCurrency(t: string, p: number): { currency: Currency; end: number } | null {
  // Phones often put a space before the currency ("500万 美元"); only a dollar word may follow
  // one, so "3000万 元宝山项目" keeps its place name.
  let q = p;
  while (t[q] === " ") q++;
  if (q > p) {
    if (t[q] === "美" && (t[q + 1] === "元" || t[q + 1] === "金")) return { currency: "USD", end: q + 2 };
    if (t.slice(q, q + 3).toUpperCase() === "USD" && !isAsciiLetter(t.charCodeAt(q + 3))) return { currency: "USD", end: q + 3 };
    return null;
  }
  const ch = t[p];
  if (ch === "元") return { currency: "CNY", end: t.startsWith("人民币", p + 1) ? p + 4 : p + 1 };
  if (ch === "美" && (t[p + 1] === "元" || t[p + 1] === "金")) return { currency: "USD", end: p + 2 };
  if (t.startsWith("人民币", p)) return { currency: "CNY", end: p + 3 };
  if (t.startsWith("块钱", p)) return { currency: "CNY", end: p + 2 };
  if (ch === "$") return { currency: "USD", end: p + 1 };
  const code = t.slice(p, p + 3).toUpperCase();
  if (code === "US$") return { currency: "USD", end: p + 3 };
  if (isAsciiLetter(t.charCodeAt(p + 3))) return null;
  if (code === "USD") return { currency: "USD", end: p + 3 };
  if (code === "RMB" || code === "CNY") return { currency: "CNY", end: p + 3 };
  return null;
}

/** A currency sign or code right before the number ("$500万", "USD 500万", "¥800"). */
function readPrefixCurrency(t: string, i: number): { currency: Currency; start: number } | null {
  const ch = t[i - 1];
  if (ch === "$") return { currency: "USD", start: i >= 3 && t.slice(i - 3, i - 1).toUpperCase() === "US" ? i - 3 : i - 1 };
  if (ch === "¥" || ch === "￥") return { currency: "CNY", start: i - 1 };
  const s = ch === " " ? i - 4 : i - 3;
  if (s < 0 || isAsciiLetter(t.charCodeAt(s - 1))) return null;
  const code = t.slice(s, s + 3).toUpperCase();
  if (code === "USD") return { currency: "USD", start: s };
  if (code === "RMB" || code === "CNY") return { currency: "CNY", start: s };
  return null;
}

function isQuantityAt(t: string, p: number): boolean {
  const c = t.charCodeAt(p);
  if (Number.isNaN(c)) return false;
  if (isAsciiLetter(c) || (c >= 0x3380 && c <= 0x33df)) return true; // kW, m2, GW, ㎡, ㎏
  if (NOT_QUANTITY.has(t.slice(p, p + 2))) return false;
  return QUANTITY_CHARS.has(t[p]!) || QUANTITY_WORDS.some((w) => t.startsWith(w, p));
}

function isForeignAt(t: string, p: number): boolean {
  return FOREIGN.some((w) => t.startsWith(w, p));
}

function afterProduction(t: string, i: number): boolean {
  let p = i;
  while (p > 0 && i - p < 3 && PRODUCTION_FILLER.includes(t[p - 1]!)) p--;
  return PRODUCTION.some((w) => t.endsWith(w, p));
}

/** A lone trailing digit reads colloquially ("1亿5" = 1.5亿) unless more text binds it. */
function tailBlocked(t: string, p: number): boolean {
  const ch = t[p];
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (
    isAsciiDigit(c) || isAsciiLetter(c) || CN_DIGIT[ch] !== undefined || CN_UNIT[ch] !== undefined ||
    TAIL_BLOCKERS.has(ch) || isQuantityAt(t, p)
  );
}

/** Tries an amount starting at i; `next` is where scanning resumes. */
function scanAt(t: string, i: number): { match: MoneyMatch | null; next: number } {
  const b = new NumeralBuilder();
  let p = i;
  let pendingStart = -1;
  let approx = false; // "3000多万", "1亿余元": only units may follow
  for (;;) {
    const coef = approx ? null : (readArabic(t, p) ?? readChinese(t, p, b));
    if (coef) {
      if (!b.coef(coef.value, coef.single, coef.afterZero)) break;
      pendingStart = p;
      p = coef.end;
    } else {
      const unit = readUnit(t, p, b);
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
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return { match: null, next: p };
  const end = suffix ? suffix.end : p;
  return {
    match: { currency: suffix?.currency ?? prefix?.currency ?? "CNY", value: Number(value), start: prefix?.start ?? i, end },
    next: end,
  };
}

/** All money expressions in `text`, in order of appearance. start/end are UTF-16 indexes of the matched span in `text` (end exclusive); the span covers the number and its unit words (e.g. "5.2亿元", "1.5个亿", "500万美元", "三亿五千万元"), but not leading words like 约/总投资. */
export function findMoney(text: string): MoneyMatch[] {
  const t = halfWidth(text);
  const out: MoneyMatch[] = [];
  for (let i = 0; i < t.length; ) {
    const c = t.charCodeAt(i);
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

/** Display form: >= 1亿 → two decimals in 亿 ("5.20亿元", "1.20亿元", "115.57亿元"); >= 1万 → 万 with at most 2 decimals, trailing zeros dropped ("3000万元", "12.5万元", "8000万元"); below → "800元". */
export function formatYuan(yuan: number): string {
  return format(yuan, "元");
}

/** Same rules for US dollars: "500万美元", "1.20亿美元", "800美元". */
export function formatUsd(usd: number): string {
  return format(usd, "美元");
}

function format(amount: number, unit: string): string {
  if (!Number.isFinite(amount)) throw new RangeError(`not an amount: ${amount}`);
  const sign = amount < 0 ? "-" : "";
  const n = BigInt(Math.round(Math.abs(amount)));
  if (n < 10000n) return `${sign}${n}${unit}`;
  const wanCents = divRound(n, 100n);
  // 99,999,999 rounds to 10000.00万: show it as 1.00亿 instead.
  if (wanCents >= 1_000_000n) {
    const yiCents = divRound(n, 1_000_000n);
    return `${sign}${yiCents / 100n}.${String(yiCents % 100n).padStart(2, "0")}亿${unit}`;
  }
  const frac = String(wanCents % 100n).padStart(2, "0").replace(/0+$/, "");
  return `${sign}${wanCents / 100n}${frac ? `.${frac}` : ""}万${unit}`;
}

function divRound(n: bigint, d: bigint): bigint {
  return 2n * (n % d) >= d ? n / d + 1n : n / d;
}
