// The words admins use to define the 五个率 and weights (赛马设置, import file), and back.
import { percent } from "./metrics.ts";
import { RATE_LABEL, RATE_NAMES, scoredRates, type Operand, type RankingRules, type RateName } from "./ranking.ts";
import { TARGET_LABEL, type TargetField } from "./targets.ts";
import type { TotalField } from "./totals.ts";

export const TOTAL_WORDS: Record<string, TotalField> = {
  走出去: "visitOut",
  请进来: "visitIn",
  在谈: "negotiation",
  签约个数: "signing",
  签约金额: "signingYuan",
  亿元以上个数: "bigSigning",
  亿元以上金额: "bigSigningYuan",
  落地: "landed",
  开工: "started",
  投产: "producing",
  入库: "registered",
  到位资金: "fundsYuan",
  制造业到位资金: "fundsMfgYuan",
  续建个数: "carryOver",
  续建总投资: "carryOverYuan",
  引才: "talentPeople",
  高层次人才: "talentHighPeople",
  人才项目: "talentProject",
  创新团队: "innovationTeam",
};

const TARGET_WORDS: Record<string, TargetField> = Object.fromEntries(
  (Object.entries(TARGET_LABEL) as Array<[TargetField, string]>).map(([field, label]) => [`目标${label}`, field]),
);

const RATE_WORDS: Record<string, RateName> = {
  ...Object.fromEntries(RATE_NAMES.map((n) => [RATE_LABEL[n], n])),
  制造业占比: "mfgShare",
  引才率: "talentRate",
};

export function rateByWord(word: string): RateName | null {
  return RATE_WORDS[word] ?? (RATE_NAMES.includes(word as RateName) ? (word as RateName) : null);
}

function operand(word: string): Operand | null {
  if (TOTAL_WORDS[word]) return { total: TOTAL_WORDS[word] };
  if (TARGET_WORDS[word]) return { target: TARGET_WORDS[word] };
  return null;
}

/** "签约金额/目标签约金额" → a rate definition; null when a word is unknown. */
export function parseRateDefinition(text: string): RankingRules["rates"][RateName] | null {
  const [top, bottom, extra] = text.split("/").map((s) => s.trim());
  const numerator = top ? operand(top) : null;
  const denominator = bottom ? operand(bottom) : null;
  if (!numerator || !("total" in numerator) || !denominator || extra !== undefined) return null;
  return { numerator: numerator.total, denominator };
}

const wordOfTotal = (f: TotalField) => Object.entries(TOTAL_WORDS).find(([, v]) => v === f)?.[0] ?? f;
const wordOfOperand = (o: Operand) => ("total" in o ? wordOfTotal(o.total) : `目标${TARGET_LABEL[o.target]}`);

export function describeRules(rules: RankingRules): string {
  return [
    "赛马得分（百分制）＝各率×权重之和÷权重合计：",
    ...scoredRates(rules).map(
      (n) =>
        `· ${RATE_LABEL[n]} = ${wordOfTotal(rules.rates[n].numerator)}/${wordOfOperand(rules.rates[n].denominator)}，权重 ${rules.weights[n]}`,
    ),
    `单项封顶 ${percent(rules.rateCap)}`,
    carryOverRule(rules.carryOverInRates),
    "落后单位（任一条即算）：",
    `· ${rules.silentDays > 0 ? `连续 ${rules.silentDays} 天没有上报（按录入日，补录也算上报）` : "不按未上报天数（已关闭）"}`,
    `· 到位资金完成率既落后序时进度超过 ${rules.laggardMarginPoints} 个百分点，又落后全县平均超过 ${rules.paceMarginPoints} 个百分点`,
    `· ${rules.bottomShare > 0 ? `赛马末位 ${percent(rules.bottomShare)}（至少 1 个单位）` : "不按赛马末位（已关闭）"}`,
    PERCENT_RULE,
  ].join("\n");
}

/** Whether carried-over projects (续建) are in the denominators, said in 赛马设置 and its replies. */
export function carryOverRule(included: boolean): string {
  return included
    ? "续建项目计入分母：以签约个数（签约金额）为分母的率按今年签约＋续建项目计；续建项目今年的落地、开工等计入分子。（赛马设置 续建 不计入 可改回）"
    : "续建项目不计入分母：以签约个数（签约金额）为分母的率只算今年签约的项目（与县里通报口径一致）；续建项目今年的落地、开工等仍计入分子。（赛马设置 续建 计入 可改）";
}

/** How 封顶 and 末位 read their number, said in replies and in 帮助. */
export const PERCENT_RULE = "封顶按百分数理解，% 可省略：封顶 120 即 120%；末位同样，末位 20 即 20%。";

/** The cap on each rate, from 100% to 1000%: below 100% a unit behind target would score full marks. */
export const RATE_CAP_RANGE = { min: 1, max: 10 } as const;

/** "120", "120%" → 1.2: a percentage, the % optional; null when it is not a plain number. */
export function parsePercent(text: string): number | null {
  const m = /^(\d{1,6}(?:\.\d{1,4})?)%?$/.exec(text);
  return m ? Number(m[1]) / 100 : null;
}

export const OPERAND_WORDS = [...Object.keys(TOTAL_WORDS), ...Object.keys(TARGET_WORDS)];
