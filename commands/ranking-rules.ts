import { defineCommand } from "../src/bot/define.ts";
import { UserError } from "../src/bot/errors.ts";
import { DEFAULT_RANKING_RULES, type RankingRules } from "../src/domain/ranking.ts";
import {
  describeRules,
  OPERAND_WORDS,
  PERCENT_RULE,
  parsePercent,
  parseRateDefinition,
  RATE_CAP_RANGE,
  rateByWord,
} from "../src/domain/ranking-rules-text.ts";
import { words } from "./lib/find-unit.ts";

const EXAMPLE = "赛马设置 权重 签约率30 落地率15 开工率15 资金到位率30 制造业占比10";

export default defineCommand({
  name: "ranking-rules",
  triggers: ["赛马设置"],
  group: "admin",
  summary: `查看或修改赛马口径：五个率的定义、权重、封顶和落后标准；引才完成率默认权重 0（不计分），设权重后计入。${PERCENT_RULE}`,
  examples: [
    "赛马设置",
    EXAMPLE,
    "赛马设置 口径 签约率=签约金额/目标签约金额",
    "赛马设置 封顶 120",
    "赛马设置 落后线 10",
    "赛马设置 全县线 10",
    "赛马设置 未报天数 14",
    "赛马设置 末位 10%",
    "赛马设置 续建 计入",
    "赛马设置 权重 引才完成率20",
    "赛马设置 权重 引才完成率0",
  ],
  access: "admin",
  async run(ctx) {
    const [action, ...rest] = words(ctx.args);
    const current = await ctx.store.metrics.rankingRules();
    if (!action) {
      await ctx.reply(describeRules(current));
      return;
    }
    const next = apply(action, rest, structuredClone(current));
    await ctx.store.metrics.setRankingRules(next);
    await ctx.reply(`已更新。\n${describeRules(next)}`);
  },
});

function apply(action: string, rest: string[], rules: RankingRules): RankingRules {
  switch (action) {
    case "权重":
      for (const word of rest) {
        const m = /^(\D+?)[=:]?(\d+(?:\.\d+)?)$/.exec(word);
        const rate = m ? rateByWord(m[1]!) : null;
        if (!m || !rate) throw new UserError(`看不懂「${word}」。`, EXAMPLE);
        rules.weights[rate] = Number(m[2]);
      }
      return rules;
    case "口径": {
      const [name, definition] = rest.join("").split(/[=:]/);
      const rate = name ? rateByWord(name) : null;
      const parsed = definition ? parseRateDefinition(definition) : null;
      if (!rate || !parsed) {
        throw new UserError(
          `口径写法：率名=分子/分母，可用：${OPERAND_WORDS.join("、")}`,
          "赛马设置 口径 签约率=签约金额/目标签约金额",
        );
      }
      rules.rates[rate] = parsed;
      return rules;
    }
    case "封顶": {
      const cap = parsePercent(rest[0] ?? "");
      if (cap === null || cap < RATE_CAP_RANGE.min || cap > RATE_CAP_RANGE.max) {
        throw new UserError(
          `封顶按百分数写，范围 ${RATE_CAP_RANGE.min * 100}%–${RATE_CAP_RANGE.max * 100}%：封顶 120 即单项最多按 120% 计。未修改。`,
          "赛马设置 封顶 120",
        );
      }
      rules.rateCap = cap;
      return rules;
    }
    case "末位": {
      const share = parsePercent(rest[0] ?? "");
      if (share === null || share > 1)
        throw new UserError("末位按百分数写，范围 0%–100%：末位 20 即排名后 20% 算落后。未修改。", "赛马设置 末位 20");
      rules.bottomShare = share;
      return rules;
    }
    case "落后线": {
      const m = /^(\d{1,3}(?:\.\d{1,2})?)$/.exec(rest[0] ?? "");
      if (!m)
        throw new UserError(
          "落后线写百分点数：落后线 10 即到位资金完成率落后序时进度超过 10 个百分点算落后。未修改。",
          "赛马设置 落后线 10",
        );
      rules.laggardMarginPoints = Number(m[1]);
      return rules;
    }
    case "全县线": {
      const m = /^(\d{1,3}(?:\.\d{1,2})?)$/.exec((rest[0] ?? "").replace(/(?:个百分点|点)$/, ""));
      if (!m)
        throw new UserError(
          "全县线写百分点数：全县线 10 即到位资金完成率落后全县平均超过 10 个百分点（且落后序时进度）才算落后。未修改。",
          "赛马设置 全县线 10",
        );
      rules.paceMarginPoints = Number(m[1]);
      return rules;
    }
    case "未报天数": {
      const m = /^(\d{1,3})$/.exec((rest[0] ?? "").replace(/天$/, ""));
      if (!m) throw new UserError("天数应为整数，0 表示不按未上报天数判断。未修改。", "赛马设置 未报天数 14");
      rules.silentDays = Number(m[1]);
      return rules;
    }
    case "续建": {
      const word = rest.join("");
      if (word !== "计入" && word !== "不计入")
        throw new UserError(
          "续建项目是否计入签约个数为分母的率（落地率、开工率）：写「续建 计入」或「续建 不计入」。未修改。",
          "赛马设置 续建 计入",
        );
      rules.carryOverInRates = word === "计入";
      return rules;
    }
    case "恢复默认":
      return structuredClone(DEFAULT_RANKING_RULES);
    default:
      throw new UserError("可设：权重、口径、封顶、落后线、全县线、未报天数、末位、续建、恢复默认。", EXAMPLE);
  }
}
