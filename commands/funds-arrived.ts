import { reportCommand } from "./lib/record-report.ts";

export default reportCommand({
  name: "funds-arrived",
  kind: "fundsArrived",
  triggers: ["到位资金", "到位"],
  summary: "登记到位资金（项目须已签约或在谈）",
  examples: ["到位 年产10万吨功能膜项目 3000万", "到位资金 功能膜项目 1.5个亿 3月5日"],
});
