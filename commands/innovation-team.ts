import { reportCommand } from "./lib/record-report.ts";
import { parseTalent } from "./lib/talent-report.ts";

export default reportCommand({
  name: "innovation-team",
  kind: "innovationTeam",
  parse: parseTalent("innovationTeam"),
  triggers: ["创新团队"],
  summary: "登记创新团队（级别 国家级/省级/市级/县级、名称、依托单位；每个名称计一次）",
  examples: ["创新团队 省级 新型显示材料创新团队 落户 城西镇某企业"],
});
