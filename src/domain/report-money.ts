// The investment amount of a report: every amount is blanked out with the words that lead it
// ("总投资", "约"); the money is the first that is not output, sales or tax.
import { findMoney } from "./amount.ts";
import type { Money } from "./types.ts";
import { endingWith, sortLongestFirst, type WorkLine } from "./work-line.ts";

/** Words that may stand before an amount and belong to it ("总投资5亿", "投资额约3.6亿"). */
const MONEY_LEADS = [
  "总投资额", "投资总额", "计划总投资", "计划投资", "协议投资", "协议金额", "合同金额", "签约金额",
  "总投资", "投资额", "投资", "金额", "资金", "总额", "到位", "共计", "合计", "累计", "预计", "总计",
];
/** Amounts that are not the investment: output, sales, tax ("达产后年产值8亿元"). */
const OUTPUT_LEADS = ["年产值", "产值", "年销售额", "销售额", "销售收入", "年营收", "营收", "年收入", "收入", "税收", "利税", "年纳税", "纳税"];
/** Single characters that lead an amount only after a blank or a lead word ("约5亿", not "万达5亿"). */
const SOFT_LEADS = "约近超逾达为共";

interface Lead {
  word: string;
  output: boolean;
}

/** Leads by their last character, longest first: looked up walking backwards from an amount. */
const LEADS_BY_END = new Map<string, Lead[]>();
for (const [words, output] of [[MONEY_LEADS, false], [OUTPUT_LEADS, true]] as const) {
  for (const word of words) {
    const last = word[word.length - 1]!;
    LEADS_BY_END.set(last, [...(LEADS_BY_END.get(last) ?? []), { word, output }]);
  }
}
for (const list of LEADS_BY_END.values()) list.sort((a, b) => b.word.length - a.word.length);

function leadEndingAt(text: string, end: number): Lead | null {
  const list = LEADS_BY_END.get(text[end - 1] ?? "");
  if (list) for (const lead of list) if (end >= lead.word.length && text.startsWith(lead.word, end - lead.word.length)) return lead;
  return null;
}


export interface TakenMoney {
  money: Money | null;
  /** Another amount could as well be the one meant, and none of them is labelled. */
  ambiguous: boolean;
}

/** Blanks every amount with its lead words; the money is the first that is not output or tax. */
export function takeMoney(line: WorkLine): TakenMoney {
  let money: Money | null = null;
  let moneyLabelled = false;
  let candidates = 0;
  const spans: Array<[number, number]> = [];
  let previousEnd = 0;
  for (const m of findMoney(line.text)) {
    const lead = leadOf(line.text, m.start);
    if (!lead.output) {
      candidates++;
      if (!money) {
        money = { currency: m.currency, value: m.value };
        moneyLabelled = lead.labelled;
      }
    }
    const start = Math.max(lead.start, previousEnd);
    previousEnd = m.end + (line.text[m.end] === "的" ? 1 : 0);
    spans.push([start, previousEnd]);
  }
  line.blankSpans(spans);
  return { money, ambiguous: candidates > 1 && !moneyLabelled };
}

function isBlankOrColon(ch: string | undefined): boolean {
  return ch === " " || ch === ":";
}

/** Walks back over lead words (and blanks or colons between them) from an amount's start. */
function leadOf(text: string, amountStart: number): { start: number; output: boolean; labelled: boolean } {
  let start = amountStart;
  let output = false;
  let labelled = false;
  for (;;) {
    let q = start;
    while (q > 0 && isBlankOrColon(text[q - 1])) q--;
    const lead = leadEndingAt(text, q);
    if (lead) {
      start = q - lead.word.length;
      output ||= lead.output;
      labelled = true;
      continue;
    }
    // A soft lead counts after a blank, the line start, or another lead: "投资额约3.6亿".
    const soft = text[q - 1];
    if (soft !== undefined && SOFT_LEADS.includes(soft) && (q === 1 || isBlankOrColon(text[q - 2]) || leadEndingAt(text, q - 1))) {
      start = q - 1;
      continue;
    }
    return { start, output, labelled };
  }
}


