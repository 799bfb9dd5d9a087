import { reportCommand } from "./lib/record-report.ts";

export default reportCommand({
  name: "signing",
  kind: "signing",
  triggers: ["签约"],
  summary: "登记签约项目（项目、总投资、产业、来源）",
  examples: [
    "签约 年产10万吨功能膜项目 5.2亿元 新材料 省外",
    "签约 智能车厢制造项目 总投资3000万 装备制造",
    "签约 「中德精密轴承项目」 800万美元 高端装备",
  ],
});
