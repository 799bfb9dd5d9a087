import { defineCommand } from "../src/bot/define.ts";
import { UserError } from "../src/bot/errors.ts";
import { DEFAULT_RANKING_RULES, type RankingRules } from "../src/domain/ranking.ts";
import { describeRules, OPERAND_WORDS, parseRateDefinition, rateByWord } from "../src/domain/ranking-rules-text.ts";
import { words } from "./lib/find-unit.ts";

const EXAMPLE = "赛马设置 权重 签约率30 落地率15 开工率15 资金到位率30 制造业占比10";

export default defineCommand({
  name: "ranking-rules",
  triggers: ["赛马设置"],
  group: "admin",
  summary: "查看或修改赛马口径：五个率的定义、权重、封顶和落后标准",
  examples: ["赛马设置", EXAMPLE, "赛马设置 口径 签约率=签约金额/目标签约金额", "赛马设置 落后线 10", "赛马设置 全县线 10", "赛马设置 未报天数 14", "赛马设置 末位 10%"],
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
        throw new UserError(`口径写法：率名=分子/分母，可用：${OPERAND_WORDS.join("、")}`, "赛马设置 口径 签约率=签约金额/目标签约金额");
      }
      rules.rates[rate] = parsed;
      return rules;
    }
    case "封顶":
    case "落后线":
    case "全县线":
    case "未报天数":
    case "末位": {
      const m = /^(\d+(?:\.\d+)?)(%?)$/.exec((rest[0] ?? "").replace(/(?:天|个百分点|点)$/, ""));
      const sample = action === "末位" || action === "封顶" ? "10%" : action === "未报天数" ? "14" : "10";
      if (!m) throw new UserError("请写一个数字。", `赛马设置 ${action} ${sample}`);
      const n = Number(m[1]);
      if (action === "落后线") rules.laggardMarginPoints = n;
      else if (action === "全县线") rules.paceMarginPoints = n;
      else if (action === "未报天数") {
        if (!Number.isInteger(n)) throw new UserError("天数应为整数，0 表示不按未上报天数判断。", "赛马设置 未报天数 14");
        rules.silentDays = n;
      }
      else if (action === "封顶") rules.rateCap = m[2] || n > 5 ? n / 100 : n;
      else rules.bottomShare = m[2] || n > 1 ? n / 100 : n;
      return rules;
    }
    case "恢复默认":
      return structuredClone(DEFAULT_RANKING_RULES);
    default:
      throw new UserError("可设：权重、口径、封顶、落后线、全县线、未报天数、末位、恢复默认。", EXAMPLE);
  }
}
