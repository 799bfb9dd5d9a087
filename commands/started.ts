import { reportCommand } from "./lib/record-report.ts";

export default reportCommand({
  name: "started",
  kind: "started",
  triggers: ["开工"],
  summary: "登记项目开工",
  examples: ["开工 年产10万吨功能膜项目", "开工 智能车厢制造项目 昨天"],
});
