import { reportCommand } from "./lib/record-report.ts";
import { parseTalent } from "./lib/talent-report.ts";

export default reportCommand({
  name: "talent-recruit",
  kind: "talentRecruit",
  parse: parseTalent("talentRecruit"),
  triggers: ["引才", "引进人才", "人才引进"],
  summary: "登记引进人才（人数、层次、产业、用人单位）",
  examples: [
    "引才 3人 博士 新材料 城西镇某企业",
    "引才 急需紧缺人才12名 装备制造 某机械公司 昨天",
    "引才 两名硕士 电子信息",
  ],
});
