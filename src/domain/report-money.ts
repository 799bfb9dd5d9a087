// The amount a report is about. Every amount in the line is blanked out with the words around it
// ("总投资约", "左右", "/亩"); each gets a role from the words that lead it, and the report's kind
// picks by role: a signing takes 总投资, then 计划投资/投资额/投资, then a bare amount — never
// 注册资本, 产值, 销售收入, 税收, 投资强度, and a phase (一期) or 固定资产投资 only when no total is
// given. When the pick is not clear (two bare amounts, a range, only a phase or a cumulative
// figure) the caller gets a doubt to ask about instead of a guess.
import { findMoney, formatUsd, formatYuan, type MoneyMatch } from "./amount.ts";
import type { Money, ReportKind } from "./types.ts";
import type { WorkLine } from "./work-line.ts";

type Role =
  | "total" // 总投资
  | "invest" // 计划投资, 投资额, 投资, 金额
  | "funds" // 到位, 到账
  | "fixed" // 固定资产投资
  | "part" // 一期, 首期, 设备投资
  | "cumulative" // 累计
  | "capital" // 注册资本
  | "output" // 产值, 销售收入, 税收
  | "intensity" // 投资强度, 万元/亩
  | "bare";

/** Lead words and the role they give. Walked backwards from an amount, longest first; several may chain ("计划总投资约"). */
const LEAD_WORDS: ReadonlyArray<readonly [string, Role | null]> = [
  ...(["总投资额", "投资总额", "计划总投资", "协议总投资", "总投资", "总额"] as const).map(
    (w) => [w, "total"] as const,
  ),
  ...(
    [
      "计划投资",
      "协议投资",
      "拟投资",
      "预计投资",
      "意向投资",
      "投资额",
      "投资",
      "协议金额",
      "合同金额",
      "签约金额",
      "合同额",
      "金额",
      "共计",
      "合计",
      "总计",
    ] as const
  ).map((w) => [w, "invest"] as const),
  ...(["到位资金", "资金到位", "到位", "到账", "到资", "资金", "实际利用"] as const).map((w) => [w, "funds"] as const),
  ...(["固定资产投资", "固投"] as const).map((w) => [w, "fixed"] as const),
  ...(["一期", "二期", "三期", "四期", "首期", "前期", "后期", "设备投资", "土建投资", "设备", "土建"] as const).map(
    (w) => [w, "part"] as const,
  ),
  ...(["累计完成投资", "累计"] as const).map((w) => [w, "cumulative"] as const),
  ...(["注册资本金", "注册资本", "注册资金"] as const).map((w) => [w, "capital"] as const),
  ...(
    [
      "年产值",
      "产值",
      "年销售额",
      "销售额",
      "年销售收入",
      "销售收入",
      "年营收",
      "营收",
      "营业收入",
      "年收入",
      "收入",
      "税收",
      "利税",
      "年纳税",
      "纳税",
      "年利润",
      "利润",
    ] as const
  ).map((w) => [w, "output"] as const),
  ...(["投资强度", "亩均投资", "亩均", "每亩"] as const).map((w) => [w, "intensity"] as const),
  // Qualifiers: part of the amount's phrase, no role of their own.
  ...(
    [
      "超过",
      "高达",
      "达到",
      "大约",
      "约合",
      "不低于",
      "不少于",
      "预计",
      "本月",
      "本次",
      "新增",
      "完成",
      "实际",
    ] as const
  ).map((w) => [w, null] as const),
];
/** Single characters that lead an amount only after a blank or another lead ("约5亿", not "万达5亿"). */
const SOFT_LEADS = "约近超逾达为共是";
/** Words right after an amount that belong to it: "3000万左右", "5亿以上", "300万元/亩" (then it is an intensity). */
const TRAILERS = ["左右", "以上", "上下", "的"];
const PER_MU = ["/亩", "每亩", "一亩"];
const TRAILER_FIRST = new Uint8Array(0x10000);
for (const w of [...TRAILERS, ...PER_MU]) TRAILER_FIRST[w.charCodeAt(0)] = 1;

function startingAt(text: string, at: number, words: readonly string[]): string | null {
  for (const w of words) if (text.startsWith(w, at)) return w;
  return null;
}

/** Lead words by the code of their last UTF-16 unit (a number key: no string to hash per lookup). */
const LEADS_BY_END = new Map<number, Array<{ word: string; role: Role | null }>>();
for (const [word, role] of LEAD_WORDS) {
  const last = word.charCodeAt(word.length - 1);
  LEADS_BY_END.set(last, [...(LEADS_BY_END.get(last) ?? []), { word, role }]);
}
for (const list of LEADS_BY_END.values()) list.sort((a, b) => b.word.length - a.word.length);

function leadEndingAt(text: string, end: number): { word: string; role: Role | null } | null {
  if (end <= 0) return null;
  const list = LEADS_BY_END.get(text.charCodeAt(end - 1));
  if (list)
    for (const lead of list)
      if (end >= lead.word.length && text.startsWith(lead.word, end - lead.word.length)) return lead;
  return null;
}

interface Candidate {
  match: MoneyMatch;
  role: Role;
  /** Where the amount's phrase starts and ends, lead and trailer words included. */
  start: number;
  end: number;
  /** The amount is the far end of a range ("3-5亿", "1.5亿-2亿"). */
  rangeEnd: boolean;
}

export interface TakenMoney {
  money: Money | null;
  /** The amount is readable but not certain: ask, with this reason. */
  doubt: string | null;
  /** The amount cannot be taken: refuse, with this reason. */
  problem: string | null;
}

/** How much each role is worth as the investment of a signing / negotiation (0 = never). */
const INVESTMENT_RANK: Record<Role, number> = {
  total: 6,
  invest: 5,
  fixed: 4,
  bare: 3,
  funds: 3,
  cumulative: 2,
  part: 1,
  capital: 0,
  output: 0,
  intensity: 0,
};
/** The same for the amount of a 到位 report. */
const FUNDS_RANK: Record<Role, number> = {
  funds: 6,
  bare: 5,
  invest: 4,
  part: 4,
  fixed: 3,
  cumulative: 2,
  total: 1,
  capital: 0,
  output: 0,
  intensity: 0,
};

/** Blanks every amount with its words, and picks the one the report is about. */
export function takeMoney(line: WorkLine, kind: ReportKind): TakenMoney {
  const text = line.text;
  const candidates = readCandidates(text);
  line.blankSpans(candidates.map((c) => [c.start, c.end] as const));
  const negative = candidates.find((c) => c.match.value < 0);
  if (negative) {
    return {
      money: null,
      doubt: null,
      problem: `金额「${text.slice(negative.match.start, negative.match.end)}」是负数，金额必须大于 0。`,
    };
  }
  const rank = kind === "fundsArrived" ? FUNDS_RANK : INVESTMENT_RANK;
  let best = 0;
  for (const c of candidates) best = Math.max(best, rank[c.role]);
  if (best === 0) {
    const capital = candidates.some((c) => c.role === "capital");
    if ((kind === "signing" || kind === "carryOver") && capital) {
      return {
        money: null,
        doubt: null,
        problem: "只看到注册资本，没有看到总投资。总投资是多少？请补上后重新发送（如 总投资5亿元）。",
      };
    }
    return { money: null, doubt: null, problem: null };
  }
  const top = candidates.filter((c) => rank[c.role] === best);
  const chosen = top[0]!;
  const money: Money = { currency: chosen.match.currency, value: chosen.match.value };
  const what = kind === "fundsArrived" ? "到位金额" : "总投资";
  const differ = top.some((c) => c.match.currency !== money.currency || c.match.value !== money.value);
  let doubt: string | null = null;
  if (candidates.some((c) => c.rangeEnd)) doubt = `金额写的是一个范围，不确定${what}是多少`;
  else if (differ) doubt = `有两个金额，不确定哪个是${what}`;
  else if (chosen.role === "part" && kind !== "fundsArrived") doubt = "只看到一期（分期）投资，不确定是否为总投资";
  else if (chosen.role === "cumulative")
    doubt = `「累计」金额不一定是${kind === "fundsArrived" ? "本次到位的金额" : "总投资"}`;
  else if (chosen.role === "total" && kind === "fundsArrived") doubt = "只看到总投资，不确定本次到位多少";
  return { money, doubt, problem: null };
}

/** Shown in a doubt or problem: the amount as the bot read it. */
export function showMoney(money: Money): string {
  return money.currency === "USD" ? formatUsd(money.value) : formatYuan(money.value);
}

function readCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  let previousEnd = 0;
  for (const m of findMoney(text)) {
    const lead = leadOf(text, m.start);
    let end = m.end;
    let role = lead.role;
    for (let again = TRAILER_FIRST[text.charCodeAt(end)] === 1; again; ) {
      again = false;
      const perMu = startingAt(text, end, PER_MU);
      if (perMu) {
        role = "intensity";
        end += perMu.length;
        again = true;
      }
      const trailer = startingAt(text, end, TRAILERS);
      if (trailer) {
        end += trailer.length;
        again = trailer !== "的" && TRAILER_FIRST[text.charCodeAt(end)] === 1;
      }
    }
    out.push({ match: m, role, start: Math.max(lead.start, previousEnd), end, rangeEnd: isRangeEnd(text, m.start) });
    previousEnd = end;
  }
  return out;
}

const RANGE_MARKS = "-~〜至到";

/** "3-5亿", "1.5亿-2亿", "3000万至5000万": a range mark between a number (or unit) and this amount. */
function isRangeEnd(text: string, start: number): boolean {
  const mark = text[start - 1];
  if (mark === undefined || !RANGE_MARKS.includes(mark)) return false;
  const before = text[start - 2];
  return before !== undefined && ((before >= "0" && before <= "9") || "万亿元".includes(before));
}

function isBlankOrColon(ch: string | undefined): boolean {
  return ch === " " || ch === ":";
}

/** Walks back over lead words (and blanks or colons between them) from an amount's start; the most telling role wins. */
function leadOf(text: string, amountStart: number): { start: number; role: Role } {
  let start = amountStart;
  let roles = 0; // a bit per role, in ROLE_ORDER
  for (;;) {
    let q = start;
    while (q > 0 && isBlankOrColon(text[q - 1])) q--;
    const lead = leadEndingAt(text, q);
    // A phase leads an amount only glued to it and not right after 项目: "一期8亿", but "光伏项目二期 3亿" names the project.
    const phaseOfName = lead?.word.endsWith("期") && (q !== start || text[q - lead.word.length - 1] === "目");
    if (lead && !phaseOfName) {
      start = q - lead.word.length;
      if (lead.role) roles |= ROLE_BIT[lead.role];
      continue;
    }
    // A soft lead counts after a blank, the line start, or another lead: "投资额约3.6亿".
    const soft = text[q - 1];
    if (
      soft !== undefined &&
      SOFT_LEADS.includes(soft) &&
      (q === 1 || isBlankOrColon(text[q - 2]) || leadEndingAt(text, q - 1))
    ) {
      start = q - 1;
      continue;
    }
    return { start, role: strongest(roles) };
  }
}

/** Exclusions beat labels ("年产值" in "达产后年产值"), a phase beats 投资 ("一期投资"), a total beats the rest. */
const ROLE_ORDER: readonly Role[] = [
  "output",
  "capital",
  "intensity",
  "cumulative",
  "fixed",
  "part",
  "total",
  "funds",
  "invest",
];

const ROLE_BIT = Object.fromEntries(ROLE_ORDER.map((role, i) => [role, 1 << i])) as Record<Role, number>;

function strongest(roles: number): Role {
  // ROLE_ORDER[i] has bit i: the lowest bit set is the most telling role.
  return roles === 0 ? "bare" : ROLE_ORDER[31 - Math.clz32(roles & -roles)]!;
}
