// 招才引智 lines as reporters type or dictate them (issue 15), read at TODAY (2026-06-20).
// [line, kind, what the reading holds]; `talent` fields are checked one by one.
import type { ReportKind } from "../../../src/domain/types.ts";

export interface TalentExpect {
  headcount?: number | null;
  level?: string | null;
  highLevel?: boolean | null;
  employer?: string | null;
  industry?: string | null;
  project?: string | null;
  date?: string;
}
export type TalentRow = readonly [string, ReportKind, TalentExpect];

export const RECRUIT_ROWS: readonly TalentRow[] = [
  [
    "引才 3人 博士 新材料 城西镇某企业",
    "talentRecruit",
    { headcount: 3, level: "博士", highLevel: true, employer: "城西镇某企业", industry: "新材料" },
  ],
  ["引才 两名硕士 电子信息", "talentRecruit", { headcount: 2, level: "硕士", highLevel: false, employer: null }],
  [
    "引才 五位 高层次人才 高端装备 某机械公司",
    "talentRecruit",
    { headcount: 5, level: "高层次", employer: "某机械公司" },
  ],
  [
    "引才 急需紧缺人才12名 装备制造 某机械公司 昨天",
    "talentRecruit",
    { headcount: 12, level: "急需紧缺", date: "2026-06-19" },
  ],
  ["引才 十二个人 技能 纺织 城西纺织厂", "talentRecruit", { headcount: 12, level: "技能", industry: "纺织" }],
  ["引才 三个博士 生物医药 某药业公司", "talentRecruit", { headcount: 3, level: "博士", industry: "生命健康" }],
  ["引才 １０名 本科 商贸物流 某物流公司", "talentRecruit", { headcount: 10, level: "本科", industry: "商贸物流" }],
  [
    "引才 二十人 急需紧缺 某电子科技有限公司",
    "talentRecruit",
    { headcount: 20, employer: "某电子科技有限公司", industry: "电子信息" },
  ],
  ["引才：1人 博士后 新材料 6月18日", "talentRecruit", { headcount: 1, level: "博士", date: "2026-06-18" }],
  [
    "引才 6月3日 高技能人才8人 入职某汽配公司",
    "talentRecruit",
    { headcount: 8, level: "技能", employer: "某汽配公司", date: "2026-06-03" },
  ],
  [
    "引才 紧缺人才 4人 到城西镇某企业工作",
    "talentRecruit",
    { headcount: 4, level: "急需紧缺", employer: "城西镇某企业" },
  ],
  [
    "引才 硕士研究生2名 「城西镇第一人民医院」",
    "talentRecruit",
    { headcount: 2, level: "硕士", employer: "城西镇第一人民医院" },
  ],
  ["引才 博士 1名 城西镇第一人民医院", "talentRecruit", { headcount: 1, employer: "城西镇第一人民医院" }],
  ["引才 新引进博士3人 节能环保 某光伏公司", "talentRecruit", { headcount: 3, level: "博士", industry: "节能环保" }],
  ["引才 高层次 一名 现代服务业", "talentRecruit", { headcount: 1, level: "高层次", industry: "现代服务业" }],
  ["引才 两位博士 上周五 某新材料公司", "talentRecruit", { headcount: 2, date: "2026-06-12", industry: "新材料" }],
  ["引才 100人 技能 某纺织公司", "talentRecruit", { headcount: 100, level: "技能" }],
  ["引进人才 3名博士 某企业", "talentRecruit", { headcount: 3, level: "博士", employer: "某企业" }],
  ["人才引进 本科生15人 某物流园", "talentRecruit", { headcount: 15, level: "本科" }],
  ["引才 共引进急需紧缺人才三十五人 某装备公司", "talentRecruit", { headcount: 35, level: "急需紧缺" }],
  ["引才 硕士 一个人 电子信息 某芯片公司", "talentRecruit", { headcount: 1, level: "硕士", industry: "电子信息" }],
  ["引才 技工20名 某压铸厂", "talentRecruit", { headcount: 20, level: "技能", industry: "高端装备" }],
  // Voice input: numerals spelled out, no blanks.
  ["引才三名博士新材料城西镇某企业", "talentRecruit", { headcount: 3, level: "博士" }],
  ["引才两个硕士昨天", "talentRecruit", { headcount: 2, level: "硕士", date: "2026-06-19" }],
  ["引才 六月十六号 高层次人才两名", "talentRecruit", { headcount: 2, level: "高层次", date: "2026-06-16" }],
];

export const NAMED_ROWS: readonly TalentRow[] = [
  [
    "人才项目 环保产业研究院 签约",
    "talentProject",
    { project: "环保产业研究院", level: null, employer: null, industry: "节能环保" },
  ],
  ["人才项目 环保产业研究院签约", "talentProject", { project: "环保产业研究院" }],
  [
    "人才项目 省级 「高分子材料博士工作站」 落户 城西镇某企业",
    "talentProject",
    { project: "高分子材料博士工作站", level: "省级", employer: "城西镇某企业" },
  ],
  [
    "人才项目 国家级 院士工作站 依托某药业公司 6月1日",
    "talentProject",
    { project: "院士工作站", level: "国家级", employer: "某药业公司", date: "2026-06-01" },
  ],
  ["人才项目 新材料 博士创业项目 揭牌", "talentProject", { project: "博士创业项目", industry: "新材料" }],
  ["人才项目 智能装备研发中心 立项 昨天", "talentProject", { project: "智能装备研发中心", date: "2026-06-19" }],
  ["人才项目：“石墨烯应用研究院” 正式签约", "talentProject", { project: "石墨烯应用研究院", industry: "新材料" }],
  [
    "创新团队 省级 新型显示材料创新团队 落户 城西镇某企业",
    "innovationTeam",
    { project: "新型显示材料创新团队", level: "省级", employer: "城西镇某企业" },
  ],
  [
    "创新团队 市级 生物医药创新团队 某药业公司",
    "innovationTeam",
    { project: "生物医药创新团队", level: "市级", employer: "某药业公司", industry: "生命健康" },
  ],
  [
    "创新团队 国家级 「高端轴承创新团队」 入驻某轴承公司",
    "innovationTeam",
    { project: "高端轴承创新团队", level: "国家级", employer: "某轴承公司" },
  ],
  [
    "创新团队 县级 纺织面料研发团队 成立 6月5日",
    "innovationTeam",
    { project: "纺织面料研发团队", level: "县级", date: "2026-06-05" },
  ],
  ["创新团队 省级 电池材料团队 获批", "innovationTeam", { project: "电池材料团队", level: "省级" }],
  [
    "创新团队：市级 冷链物流创新团队 落地 某物流公司",
    "innovationTeam",
    { project: "冷链物流创新团队", employer: "某物流公司" },
  ],
];

/** No keyword first: the reading is asked about, never stored unasked. [line, kind, reading]. */
export const DETECTED_TALENT_ROWS: readonly TalentRow[] = [
  ["引进博士3名 新材料 城西镇某企业", "talentRecruit", { headcount: 3, level: "博士", employer: "城西镇某企业" }],
  ["今年新引进3名博士到城西镇某企业工作", "talentRecruit", { headcount: 3, level: "博士", employer: "城西镇某企业" }],
  ["引进高层次人才2名 某药业公司", "talentRecruit", { headcount: 2, level: "高层次" }],
  ["急需紧缺人才8人 入职某机械公司", "talentRecruit", { headcount: 8, level: "急需紧缺" }],
  [
    "省级新型显示材料创新团队落户城西镇某企业",
    "innovationTeam",
    { project: "新型显示材料创新团队", level: "省级", employer: "城西镇某企业" },
  ],
  ["【引才】3人 博士 新材料", "talentRecruit", { headcount: 3 }],
];

/** Refused with the reason: [line, kind, a word the problem contains]. */
export const TALENT_REFUSALS: ReadonlyArray<readonly [string, ReportKind, string]> = [
  ["引才 博士 新材料 城西镇某企业", "talentRecruit", "人数"],
  ["引才 几名博士", "talentRecruit", "多少人"],
  ["引才 10余人 技能", "talentRecruit", "确切"],
  ["引才 3人 新材料 城西镇某企业", "talentRecruit", "高层次、急需紧缺、博士、硕士、本科、技能"],
  ["引才 2人 院士 某企业", "talentRecruit", "人才层次"],
  ["引才 博士2人 硕士3人", "talentRecruit", "分开"],
  ["引才 3人 博士 硕士", "talentRecruit", "几个人才层次"],
  ["引才 0人 博士", "talentRecruit", "大于 0"],
  ["引才 3人 博士 近日", "talentRecruit", "哪一天"],
  ["引才 3人 博士 6月31日", "talentRecruit", "不存在"],
  ["创新团队 新型显示材料创新团队 落户 城西镇某企业", "innovationTeam", "国家级、省级、市级、县级"],
  ["创新团队 省级", "innovationTeam", "名称"],
  ["人才项目 签约", "talentProject", "名称"],
];

/** Stored only after a 「是」: [line, kind, a word the doubt contains]. */
export const TALENT_DOUBTS: ReadonlyArray<readonly [string, ReportKind, string]> = [
  ["引才 研究生3名 某企业", "talentRecruit", "研究生"],
  ["引才 大学生20名 某企业", "talentRecruit", "大学生"],
];
