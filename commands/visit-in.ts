import { reportCommand } from "./lib/record-report.ts";

export default reportCommand({
  name: "visit-in",
  kind: "visitIn",
  triggers: ["请进来"],
  summary: "登记客商来访考察（请进来）",
  examples: ["请进来 宁波某集团董事长一行来我镇考察纺织项目", "请进来 昨天 接待深圳华强电子考察团 电子信息"],
});
