// What surrounds a number decides whether it is money: a currency word or sign before or after
// it, or a quantity unit, a foreign currency or an output phrase that makes it something else.
// Without 元/美元/… a number is money only with 万/亿 and no quantity unit after it, because
// reports are full of "年产10万吨", "1300亩", "3.5" (dates). The scan itself is in amount.ts.
import { CN_DIGIT, CN_UNIT } from "./chinese-numeral.ts";

export type Currency = "CNY" | "USD";

// Characters that, right after "10万"/"5亿", make it a quantity rather than money.
const QUANTITY_CHARS = new Set(
  "吨件套亩人只台辆头个株箱片颗块米方张条双部瓦羽尾枚粒支瓶盒包袋桶罐根棵顷册份次户名位座栋幢间床斤克艘架匹盏度升伏卷捆锭炉家项层孔眼级千平",
);
const QUANTITY_WORDS = ["立方", "公里", "公斤", "公顷", "公吨", "兆瓦", "吉瓦", "标箱", "标准箱"];
// Words that start with a quantity character but are ordinary text after an amount
// ("总投资5亿包括…", "5亿平台公司").
const NOT_QUANTITY = new Set([
  "平台",
  "平衡",
  "平稳",
  "方面",
  "方案",
  "方式",
  "方向",
  "部分",
  "部署",
  "位于",
  "家居",
  "家具",
  "家电",
  "支持",
  "支付",
  "支出",
  "双方",
  "条件",
  "片区",
  "包括",
  "包含",
  "人民",
]);
// Other currencies: an amount in them is not representable, so it is not ours.
const FOREIGN = [
  "港元",
  "港币",
  "欧元",
  "日元",
  "英镑",
  "韩元",
  "澳元",
  "加元",
  "卢布",
  "台币",
  "新台币",
  "泰铢",
  "新元",
];
// Output/capacity phrases: "年产10万" counts goods even when the unit is unusual.
const PRODUCTION = [
  "年产",
  "产能",
  "年加工",
  "年处理",
  "年生产",
  "年出栏",
  "年存栏",
  "年屠宰",
  "年吞吐",
  "吞吐量",
  "年种植",
  "年养殖",
  "年回收",
  "年消纳",
  "年发电",
  "产量",
];
const PRODUCTION_FILLER = "约达近超过逾为可共计到 ";
// After a lone trailing digit, these mean it was not colloquial ("3亿5年内", "1亿2个项目").
const TAIL_BLOCKERS = new Set("年月日号天周期次项个家倍成%.");

export const isAsciiDigit = (c: number) => c >= 48 && c <= 57;
const isAsciiLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;

/** A currency word right after the number. */
export function readCurrency(t: string, p: number): { currency: Currency; end: number } | null {
  // Phones often put a space before the currency ("500万 美元"); only a dollar word may follow
  // one, so "3000万 元宝山项目" keeps its place name.
  let q = p;
  while (t[q] === " ") q++;
  if (q > p) {
    if (t[q] === "美" && (t[q + 1] === "元" || t[q + 1] === "金")) return { currency: "USD", end: q + 2 };
    if (t.slice(q, q + 3).toUpperCase() === "USD" && !isAsciiLetter(t.charCodeAt(q + 3)))
      return { currency: "USD", end: q + 3 };
    return null;
  }
  const ch = t[p];
  if (ch === "元") return { currency: "CNY", end: t.startsWith("人民币", p + 1) ? p + 4 : p + 1 };
  if (ch === "美" && (t[p + 1] === "元" || t[p + 1] === "金")) return { currency: "USD", end: p + 2 };
  if (t.startsWith("人民币", p)) return { currency: "CNY", end: p + 3 };
  if (t.startsWith("块钱", p)) return { currency: "CNY", end: p + 2 };
  if (ch === "$") return { currency: "USD", end: p + 1 };
  if (!isAsciiLetter(t.charCodeAt(p))) return null; // no currency code can start here
  const code = t.slice(p, p + 3).toUpperCase();
  if (code === "US$") return { currency: "USD", end: p + 3 };
  if (isAsciiLetter(t.charCodeAt(p + 3))) return null;
  if (code === "USD") return { currency: "USD", end: p + 3 };
  if (code === "RMB" || code === "CNY") return { currency: "CNY", end: p + 3 };
  return null;
}

/** A currency sign or code right before the number ("$500万", "USD 500万", "¥800"). */
export function readPrefixCurrency(t: string, i: number): { currency: Currency; start: number } | null {
  const ch = t[i - 1];
  if (ch === "$")
    return { currency: "USD", start: i >= 3 && t.slice(i - 3, i - 1).toUpperCase() === "US" ? i - 3 : i - 1 };
  if (ch === "¥" || ch === "￥") return { currency: "CNY", start: i - 1 };
  // A code ends in a letter right before the number (or before one blank).
  if (!isAsciiLetter(t.charCodeAt(ch === " " ? i - 2 : i - 1))) return null;
  const s = ch === " " ? i - 4 : i - 3;
  if (s < 0 || isAsciiLetter(t.charCodeAt(s - 1))) return null;
  const code = t.slice(s, s + 3).toUpperCase();
  if (code === "USD") return { currency: "USD", start: s };
  if (code === "RMB" || code === "CNY") return { currency: "CNY", start: s };
  return null;
}

// First (or last) characters of the word lists above, so most positions are rejected with one read.
const QUANTITY_CHAR = new Uint8Array(0x10000);
for (const ch of QUANTITY_CHARS) QUANTITY_CHAR[ch.charCodeAt(0)] = 1;
const QUANTITY_WORD_FIRST = new Uint8Array(0x10000);
for (const w of QUANTITY_WORDS) QUANTITY_WORD_FIRST[w.charCodeAt(0)] = 1;
const FOREIGN_FIRST = new Uint8Array(0x10000);
for (const w of FOREIGN) FOREIGN_FIRST[w.charCodeAt(0)] = 1;
const PRODUCTION_LAST = new Uint8Array(0x10000);
for (const w of PRODUCTION) PRODUCTION_LAST[w.charCodeAt(w.length - 1)] = 1;
// Every NOT_QUANTITY word starts with a quantity character, so it only matters after one.
for (const w of NOT_QUANTITY) if (!QUANTITY_CHARS.has(w[0]!)) throw new Error(`NOT_QUANTITY word ${w}`);

export function isQuantityAt(t: string, p: number): boolean {
  const c = t.charCodeAt(p);
  if (Number.isNaN(c)) return false;
  if (isAsciiLetter(c) || (c >= 0x3380 && c <= 0x33df)) return true; // kW, m2, GW, ㎡, ㎏
  if (QUANTITY_CHAR[c] === 1) return !NOT_QUANTITY.has(t.slice(p, p + 2));
  return QUANTITY_WORD_FIRST[c] === 1 && QUANTITY_WORDS.some((w) => t.startsWith(w, p));
}

export function isForeignAt(t: string, p: number): boolean {
  const c = t.charCodeAt(p);
  return FOREIGN_FIRST[c] === 1 && FOREIGN.some((w) => t.startsWith(w, p));
}

export function afterProduction(t: string, i: number): boolean {
  let p = i;
  while (p > 0 && i - p < 3 && PRODUCTION_FILLER.includes(t[p - 1]!)) p--;
  return p > 0 && PRODUCTION_LAST[t.charCodeAt(p - 1)] === 1 && PRODUCTION.some((w) => t.endsWith(w, p));
}

/** A lone trailing digit reads colloquially ("1亿5" = 1.5亿) unless more text binds it. */
export function tailBlocked(t: string, p: number): boolean {
  const ch = t[p];
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return (
    isAsciiDigit(c) ||
    isAsciiLetter(c) ||
    CN_DIGIT[ch] !== undefined ||
    CN_UNIT[ch] !== undefined ||
    TAIL_BLOCKERS.has(ch) ||
    isQuantityAt(t, p)
  );
}
