import { reportCommand } from "./lib/record-report.ts";

export default reportCommand({
  name: "registered",
  kind: "registered",
  triggers: ["入库"],
  summary: "登记项目入库（纳入统计）",
  examples: ["入库 年产10万吨功能膜项目"],
});
