import { reportCommand } from "./lib/record-report.ts";

export default reportCommand({
  name: "landed",
  kind: "landed",
  triggers: ["落地"],
  summary: "登记项目落地（供地/注册）",
  examples: ["落地 年产10万吨功能膜项目"],
});
