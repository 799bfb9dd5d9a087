import { reportCommand } from "./lib/record-report.ts";
import { parseTalent } from "./lib/talent-report.ts";

export default reportCommand({
  name: "talent-project",
  kind: "talentProject",
  parse: parseTalent("talentProject"),
  triggers: ["人才项目"],
  summary: "登记人才项目（名称、级别、依托单位；每个名称计一次）",
  examples: ["人才项目 环保产业研究院 签约", "人才项目 省级 「高分子材料博士工作站」 落户 城西镇某企业"],
});
