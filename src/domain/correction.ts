// 「更正 #128 总投资 6亿」: which record, which field, the new value. Pure; the command checks and stores.
import { parseMoney } from "./amount.ts";
import { findDate } from "./date-phrase.ts";
import { industryOfWord, type IndustryTable } from "./industry.ts";
import { findSigningDate } from "./signing-date.ts";
import { findCounts } from "./talent-count.ts";
import type { IsoDate, Money, Source } from "./types.ts";

export type CorrectionField = "money" | "date" | "project" | "industry" | "source" | "headcount" | "level" | "employer";

/** Field words people use, longest first. */
const FIELD_WORDS: ReadonlyArray<readonly [string, CorrectionField]> = [
  // 招才引智 (引才 人数/层次/用人单位; 人才项目, 创新团队 名称/级别/依托单位).
  ["用人单位", "employer"],
  ["依托单位", "employer"],
  ["人才层次", "level"],
  ["人数", "headcount"],
  ["层次", "level"],
  ["级别", "level"],
  ["名称", "project"],
  ["单位", "employer"],
  ["企业", "employer"],
  ["到位金额", "money"],
  ["计划投资", "money"],
  ["总投资", "money"],
  ["项目名称", "project"],
  ["金额", "money"],
  ["投资", "money"],
  ["签约日期", "date"],
  ["签约时间", "date"],
  ["日期", "date"],
  ["时间", "date"],
  ["项目", "project"],
  ["产业", "industry"],
  ["行业", "industry"],
  ["来源", "source"],
];
const SOURCES: Record<string, Source> = { 省外: "省外", 市外: "市外", 境外: "境外", 国外: "境外", 海外: "境外" };
/** Between the field and its value: blanks, a colon, "改为", "为", "是". */
const JOINERS = ["改为", "改成", "应为", "为", "是", ":", "="];

export type Correction =
  | { ok: true; recordId: number; field: "money"; money: Money }
  /** `date` may be a month ("2025-05") only for a 续建's signing date; the command checks. */
  | { ok: true; recordId: number; field: "date"; date: IsoDate }
  | { ok: true; recordId: number; field: "project"; project: string }
  | { ok: true; recordId: number; field: "industry"; industry: string }
  | { ok: true; recordId: number; field: "source"; source: Source }
  | { ok: true; recordId: number; field: "headcount"; headcount: number }
  | { ok: true; recordId: number; field: "level"; level: string }
  | { ok: true; recordId: number; field: "employer"; employer: string }
  | { ok: false; problem: string };

export function parseCorrection(args: string, today: IsoDate, industries: IndustryTable): Correction {
  let rest = args.trim();
  if (rest.startsWith("#")) rest = rest.slice(1).trimStart();
  let digits = 0;
  while (digits < rest.length && digits < 12 && rest[digits]! >= "0" && rest[digits]! <= "9") digits++;
  if (digits === 0) return { ok: false, problem: "请写明要更正的记录编号（确认消息里的 #编号）。" };
  const recordId = Number(rest.slice(0, digits));
  rest = rest.slice(digits).trimStart();
  const found = FIELD_WORDS.find(([word]) => rest.startsWith(word));
  if (!found)
    return {
      ok: false,
      problem: "请写明要更正哪一项：总投资 / 金额 / 日期 / 项目 / 产业 / 来源（引才：人数 / 层次 / 用人单位）。",
    };
  let value = rest.slice(found[0].length).trimStart();
  for (let again = true; again; ) {
    again = false;
    for (const joiner of JOINERS) {
      if (value.startsWith(joiner)) {
        value = value.slice(joiner.length).trimStart();
        again = true;
      }
    }
  }
  if (!value) return { ok: false, problem: `请写出更正后的${found[0]}。` };
  switch (found[1]) {
    case "money": {
      const money = parseMoney(value);
      if (!money) return { ok: false, problem: `没看懂金额「${value}」，请写成 6亿、3000万、500万美元 这样。` };
      return { ok: true, recordId, field: "money", money };
    }
    case "date": {
      const match = findDate(value, today);
      if (match?.start === 0) return { ok: true, recordId, field: "date", date: match.date };
      // A month of an earlier year ("2025年5月", "去年5月"): only a 续建's signing date may be one.
      const month = findSigningDate(`签约于${value}`, today);
      if (month?.ok && month.match.end === value.length + 3)
        return { ok: true, recordId, field: "date", date: month.match.signedOn };
      return { ok: false, problem: `没看懂日期「${value}」，请写成 3月5日、2026-03-05、昨天 这样。` };
    }
    case "project":
      return { ok: true, recordId, field: "project", project: unquote(value) };
    case "industry": {
      const industry = industryOfWord(value, industries);
      if (!industry)
        return { ok: false, problem: `没有「${value}」这个产业类别，请写 新材料、装备制造、电子信息 等。` };
      return { ok: true, recordId, field: "industry", industry };
    }
    case "source": {
      const source = SOURCES[value];
      if (!source) return { ok: false, problem: "来源请写 省外、市外 或 境外。" };
      return { ok: true, recordId, field: "source", source };
    }
    case "headcount": {
      const counts = findCounts(
        /^[0-9零〇一二两三四五六七八九十百千]+$/.test(value) ? `${value}人` : value,
        () => false,
      );
      const headcount = counts.length === 1 ? counts[0]!.value : null;
      if (headcount === null || counts[0]!.start !== 0)
        return { ok: false, problem: `没看懂人数「${value}」，请写成 5人、五名 这样。` };
      return { ok: true, recordId, field: "headcount", headcount };
    }
    case "level":
      return { ok: true, recordId, field: "level", level: value };
    case "employer":
      return { ok: true, recordId, field: "employer", employer: unquote(value) };
  }
}

function unquote(name: string): string {
  const pairs = ["「」", "“”", "《》", "『』", '""'];
  for (const [open, close] of pairs) {
    if (name.startsWith(open!) && name.endsWith(close!) && name.length > 2) return name.slice(1, -1).trim();
  }
  return name;
}
