import { CARRY_OVER_EXAMPLE, parseCarryOver } from "../src/domain/carry-over.ts";
import { reportCommand } from "./lib/record-report.ts";

export default reportCommand({
  name: "carry-over",
  kind: "carryOver",
  triggers: ["续建"],
  summary: "登记往年签约、今年仍在推进的续建项目（不计入今年签约；之后的到位、开工等照常计入）",
  examples: [
    CARRY_OVER_EXAMPLE,
    "续建 新能源电池壳体项目 3亿元 2025年5月签约 高端装备",
    "续建 「中德精密齿轮项目」 800万美元 去年10月签约",
  ],
  parse: (body, ctx) => parseCarryOver(body, { today: ctx.today, industries: ctx.rules.industries }),
});
