import { reportCommand } from "./lib/record-report.ts";

export default reportCommand({
  name: "producing",
  kind: "producing",
  triggers: ["投产"],
  summary: "登记项目投产",
  examples: ["投产 年产10万吨功能膜项目"],
});
