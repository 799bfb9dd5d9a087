import { reportCommand } from "./lib/record-report.ts";

export default reportCommand({
  name: "negotiation",
  kind: "negotiation",
  triggers: ["在谈"],
  summary: "登记在谈项目",
  examples: ["在谈 年产5000吨生物基材料项目 计划投资2亿元 新材料 省外"],
});
