import { reportCommand } from "./lib/record-report.ts";

export default reportCommand({
  name: "visit-out",
  kind: "visitOut",
  triggers: ["走出去"],
  summary: "登记外出招商（走出去）",
  examples: [
    "走出去 赴上海拜访华谊集团，洽谈新材料项目",
    "走出去：3.6 赴苏州参加长三角招商推介会",
    "走出去 3月5日 深圳 比亚迪 新能源汽车零部件",
  ],
});
