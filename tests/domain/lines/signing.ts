// 签约 and 在谈 lines: amounts in every form people type, labelled and not, names with filler.
import { type Row, wan, wanUsd, yi } from "./row.ts";

const NM = "新材料";
const EQ = "高端装备";
const EV = "新能源汽车";
const GF = "绿色食品";

export const SIGNING_ROWS: readonly Row[] = [
  // ---- the investment by its label ----
  [
    "签约 年产5万吨再生铜项目 总投资6亿元 新材料 省外",
    { kind: "signing", project: "年产5万吨再生铜项目", money: yi(6), industry: NM, source: "省外" },
  ],
  [
    "签约 智能车厢制造项目 总投资3000万 装备制造",
    { kind: "signing", project: "智能车厢制造项目", money: wan(3000), industry: EQ },
  ],
  ["签约 精密轴承项目 计划投资1.2亿元", { kind: "signing", project: "精密轴承项目", money: yi(1.2), industry: EQ }],
  ["签约 功能膜项目 投资额2.5亿", { kind: "signing", project: "功能膜项目", money: yi(2.5), industry: NM }],
  ["签约 光学膜项目 投资8000万元", { kind: "signing", project: "光学膜项目", money: wan(8000), industry: NM }],
  [
    "签约 再生铝项目 协议投资3亿 省外",
    { kind: "signing", project: "再生铝项目", money: yi(3), industry: NM, source: "省外" },
  ],
  [
    "签约 碳纤维复合材料项目 项目总投资15亿元",
    { kind: "signing", project: "碳纤维复合材料项目", money: yi(15), industry: NM },
  ],
  [
    "签约 锂电池隔膜项目 计划总投资20亿元 市外",
    { kind: "signing", project: "锂电池隔膜项目", money: yi(20), industry: EV, source: "市外" },
  ],
  ["签约 数控机床项目 投资总额1.8亿元", { kind: "signing", project: "数控机床项目", money: yi(1.8), industry: EQ }],
  [
    "签约 工业机器人项目 总投资额5亿元 省外",
    { kind: "signing", project: "工业机器人项目", money: yi(5), industry: EQ, source: "省外" },
  ],
  // ---- the total beats what is not the investment ----
  [
    "签约 年产10万吨功能膜项目 注册资本5000万 总投资5.2亿元",
    { kind: "signing", project: "年产10万吨功能膜项目", money: yi(5.2), industry: NM },
  ],
  [
    "签约 功能膜项目 总投资5亿元，达产后年产值12亿元",
    { kind: "signing", project: "功能膜项目", money: yi(5), industry: NM },
  ],
  ["签约 功能膜项目 年产值12亿元 总投资5亿元", { kind: "signing", project: "功能膜项目", money: yi(5), industry: NM }],
  [
    "签约 食品加工项目 总投资2亿元 年销售收入3亿元",
    { kind: "signing", project: "食品加工项目", money: yi(2), industry: GF },
  ],
  [
    "签约 食品加工项目 年销售收入3亿元 投资2亿元",
    { kind: "signing", project: "食品加工项目", money: yi(2), industry: GF },
  ],
  [
    "签约 精密模具项目 总投资1亿元 年纳税500万元",
    { kind: "signing", project: "精密模具项目", money: yi(1), industry: EQ },
  ],
  [
    "签约 精密模具项目 年税收800万 总投资1.5亿",
    { kind: "signing", project: "精密模具项目", money: yi(1.5), industry: EQ },
  ],
  [
    "签约 智能装备产业园项目 总投资10亿元 投资强度300万元/亩",
    { kind: "signing", project: "智能装备产业园项目", money: yi(10), industry: EQ },
  ],
  [
    "签约 智能装备产业园项目 投资强度不低于300万元/亩 总投资8亿",
    { kind: "signing", project: "智能装备产业园项目", money: yi(8), industry: EQ },
  ],
  [
    "签约 光伏组件项目 总投资20亿元 其中一期投资8亿元",
    { kind: "signing", project: "光伏组件项目", money: yi(20), industry: "节能环保" },
  ],
  [
    "签约 光伏组件项目 一期投资8亿元 总投资20亿元",
    { kind: "signing", project: "光伏组件项目", money: yi(20), industry: "节能环保" },
  ],
  [
    "签约 光伏组件项目 总投资20亿 一期8亿 二期12亿",
    { kind: "signing", project: "光伏组件项目", money: yi(20), industry: "节能环保" },
  ],
  [
    "签约 医疗器械项目 总投资3亿元 固定资产投资2亿元",
    { kind: "signing", project: "医疗器械项目", money: yi(3), industry: "生命健康" },
  ],
  [
    "签约 医疗器械项目 固定资产投资2亿元 总投资3亿元",
    { kind: "signing", project: "医疗器械项目", money: yi(3), industry: "生命健康" },
  ],
  [
    "签约 高端医疗器械项目 计划投资2亿 预计年产值5亿",
    { kind: "signing", project: "高端医疗器械项目", money: yi(2), industry: "生命健康" },
  ],
  [
    "签约 纺织面料项目 总投资1.2亿 注册资金3000万",
    { kind: "signing", project: "纺织面料项目", money: yi(1.2), industry: "纺织" },
  ],
  [
    "签约 电子元器件项目 总投资2亿 年利税2000万",
    { kind: "signing", project: "电子元器件项目", money: yi(2), industry: "电子信息" },
  ],
  [
    "签约 农产品深加工项目 总投资1亿元 年营收2亿元 绿色食品",
    { kind: "signing", project: "农产品深加工项目", money: yi(1), industry: GF },
  ],
  [
    "签约 冷链物流园项目 总投资4亿元（其中固定资产投资3亿元） 商贸物流",
    { kind: "signing", project: "冷链物流园项目", money: yi(4), industry: "商贸物流" },
  ],
  [
    "签约 智能装备项目 8000万元（其中设备投资5000万） 高端装备",
    { kind: "signing", project: "智能装备项目", money: wan(8000), industry: EQ },
  ],
  // ---- number forms ----
  ["签约 农产品深加工项目 零点八亿", { kind: "signing", project: "农产品深加工项目", money: yi(0.8), industry: GF }],
  [
    "签约 农产品深加工项目 总投资零点八亿元",
    { kind: "signing", project: "农产品深加工项目", money: yi(0.8), industry: GF },
  ],
  ["签约 功能膜项目 3000 万元", { kind: "signing", project: "功能膜项目", money: wan(3000), industry: NM }],
  ["签约 功能膜项目 5.2 亿", { kind: "signing", project: "功能膜项目", money: yi(5.2), industry: NM }],
  [
    "签约 功能膜项目 总投资 5.2 亿元 省外",
    { kind: "signing", project: "功能膜项目", money: yi(5.2), industry: NM, source: "省外" },
  ],
  ["签约 服装加工项目 800w", { kind: "signing", project: "服装加工项目", money: wan(800), industry: "纺织" }],
  ["签约 服装加工项目 800W", { kind: "signing", project: "服装加工项目", money: wan(800), industry: "纺织" }],
  [
    "签约 服装加工项目 投资1200w 市外",
    { kind: "signing", project: "服装加工项目", money: wan(1200), industry: "纺织", source: "市外" },
  ],
  ["签约 精密轴承项目 总投资3000余万元", { kind: "signing", project: "精密轴承项目", money: wan(3000), industry: EQ }],
  ["签约 精密轴承项目 总投资1亿多", { kind: "signing", project: "精密轴承项目", money: yi(1), industry: EQ }],
  ["签约 精密轴承项目 总投资约3亿元", { kind: "signing", project: "精密轴承项目", money: yi(3), industry: EQ }],
  ["签约 精密轴承项目 总投资近5亿元", { kind: "signing", project: "精密轴承项目", money: yi(5), industry: EQ }],
  ["签约 精密轴承项目 总投资超10亿元", { kind: "signing", project: "精密轴承项目", money: yi(10), industry: EQ }],
  ["签约 精密轴承项目 总投资3000万左右", { kind: "signing", project: "精密轴承项目", money: wan(3000), industry: EQ }],
  ["签约 精密轴承项目 投资超过2亿元", { kind: "signing", project: "精密轴承项目", money: yi(2), industry: EQ }],
  ["签约 精密轴承项目 总投资逾8亿元", { kind: "signing", project: "精密轴承项目", money: yi(8), industry: EQ }],
  ["签约 智能家居项目 1.5个亿", { kind: "signing", project: "智能家居项目", money: yi(1.5) }],
  ["签约 智能家居项目 两个亿", { kind: "signing", project: "智能家居项目", money: yi(2) }],
  ["签约 智能家居项目 三亿五千万元", { kind: "signing", project: "智能家居项目", money: wan(35000) }],
  ["签约 智能家居项目 3亿5", { kind: "signing", project: "智能家居项目", money: yi(3.5) }],
  ["签约 智能家居项目 1亿2千万", { kind: "signing", project: "智能家居项目", money: wan(12000) }],
  ["签约 智能家居项目 12000万元", { kind: "signing", project: "智能家居项目", money: yi(1.2) }],
  ["签约 智能家居项目 3,000万元", { kind: "signing", project: "智能家居项目", money: wan(3000) }],
  ["签约 智能家居项目 ５．２亿元", { kind: "signing", project: "智能家居项目", money: yi(5.2) }],
  ["签约 智能家居项目 壹亿贰仟万元", { kind: "signing", project: "智能家居项目", money: wan(12000) }],
  [
    "签约 中德精密轴承项目 800万美元 高端装备",
    { kind: "signing", project: "中德精密轴承项目", money: wanUsd(800), industry: EQ, source: "境外" },
  ],
  [
    "签约 中德精密轴承项目 总投资500万美金",
    { kind: "signing", project: "中德精密轴承项目", money: wanUsd(500), industry: EQ, source: "境外" },
  ],
  [
    "签约 精密电子项目 总投资3000万美元 首期到位500万美元",
    { kind: "signing", project: "精密电子项目", money: wanUsd(3000), industry: "电子信息", source: "境外" },
  ],
  // ---- names: filler, labels, identifiers ----
  [
    "签约 项目名称：年产5万吨再生铜项目 总投资：6亿元 新材料 省外",
    { kind: "signing", project: "年产5万吨再生铜项目", money: yi(6), industry: NM, source: "省外" },
  ],
  [
    "签约 亿元以上项目：年产5万吨再生铜项目 6亿元",
    { kind: "signing", project: "年产5万吨再生铜项目", money: yi(6), industry: NM },
  ],
  ["签约 一个年产5万吨再生铜项目 6亿", { kind: "signing", project: "年产5万吨再生铜项目", money: yi(6), industry: NM }],
  ["签约 那个光学膜项目 总投资2亿", { kind: "signing", project: "光学膜项目", money: yi(2), industry: NM }],
  ["签约 这个光学膜项目 总投资2亿", { kind: "signing", project: "光学膜项目", money: yi(2), industry: NM }],
  ["签约 下午的光学膜项目 总投资2亿", { kind: "signing", project: "光学膜项目", money: yi(2), industry: NM }],
  [
    "签约 建设年产10万吨饲料项目 总投资1亿",
    { kind: "signing", project: "年产10万吨饲料项目", money: yi(1), industry: GF },
  ],
  ["签约 光伏二期项目2 3亿", { kind: "signing", project: "光伏二期项目2", money: yi(3), industry: "节能环保" }],
  ["签约 光伏二期项目3 3亿", { kind: "signing", project: "光伏二期项目3", money: yi(3), industry: "节能环保" }],
  ["签约 光伏项目（二期） 3亿", { kind: "signing", project: "光伏项目(二期)", money: yi(3), industry: "节能环保" }],
  ["签约 光伏项目二期 3亿", { kind: "signing", project: "光伏项目二期", money: yi(3), industry: "节能环保" }],
  ["签约 标准厂房项目A区 5000万", { kind: "signing", project: "标准厂房项目A区", money: wan(5000) }],
  [
    "签约 「年产5万吨 新能源电池项目」 3亿元 省外",
    { kind: "signing", project: "年产5万吨 新能源电池项目", money: yi(3), industry: EV, source: "省外" },
  ],
  [
    "签约 《乡村振兴示范园》 8000万 文旅",
    { kind: "signing", project: "乡村振兴示范园", money: wan(8000), industry: "文旅" },
  ],
  [
    "签约 与宁波某集团签订年产10万吨功能膜项目投资协议 5.2亿元",
    { kind: "signing", project: "年产10万吨功能膜项目", money: yi(5.2), industry: NM, counterpart: "宁波某集团" },
  ],
  [
    "签约 成功签约年产10万吨功能膜项目 5.2亿元",
    { kind: "signing", project: "年产10万吨功能膜项目", money: yi(5.2), industry: NM },
  ],
  [
    "签约 协议投资5亿元的年产20万吨饲料项目 省外",
    { kind: "signing", project: "年产20万吨饲料项目", money: yi(5), industry: GF, source: "省外" },
  ],
  [
    "签约 总投资10亿元的新能源汽车零部件产业园项目 省外",
    { kind: "signing", project: "新能源汽车零部件产业园项目", money: yi(10), industry: EV, source: "省外" },
  ],
  // ---- dates ----
  [
    "签约 6月18日 年产5万吨再生铜项目 总投资6亿元",
    { kind: "signing", on: "06-18", project: "年产5万吨再生铜项目", money: yi(6), industry: NM },
  ],
  ["签约 昨天 功能膜项目 5亿", { kind: "signing", on: "06-19", project: "功能膜项目", money: yi(5), industry: NM }],
  ["签约 功能膜项目 5亿 前天", { kind: "signing", on: "06-18", project: "功能膜项目", money: yi(5), industry: NM }],
  ["签约 5号 功能膜项目 5亿", { kind: "signing", on: "06-05", project: "功能膜项目", money: yi(5), industry: NM }],
  ["签约 本月3日 功能膜项目 5亿", { kind: "signing", on: "06-03", project: "功能膜项目", money: yi(5), industry: NM }],
  [
    "签约 上个月28号 功能膜项目 5亿",
    { kind: "signing", on: "05-28", project: "功能膜项目", money: yi(5), industry: NM },
  ],
  ["签约 5-26 功能膜项目 5亿", { kind: "signing", on: "05-26", project: "功能膜项目", money: yi(5), industry: NM }],
  ["签约 6/12 功能膜项目 5亿", { kind: "signing", on: "06-12", project: "功能膜项目", money: yi(5), industry: NM }],
  [
    "签约 六月十六号 功能膜项目 5亿",
    { kind: "signing", on: "06-16", project: "功能膜项目", money: yi(5), industry: NM },
  ],
  ["签约 上礼拜二 功能膜项目 5亿", { kind: "signing", on: "06-09", project: "功能膜项目", money: yi(5), industry: NM }],
  ["签约 上周五 功能膜项目 5亿", { kind: "signing", on: "06-12", project: "功能膜项目", money: yi(5), industry: NM }],
  [
    "签约 2026-06-01 功能膜项目 5亿",
    { kind: "signing", on: "06-01", project: "功能膜项目", money: yi(5), industry: NM },
  ],
  [
    "签约 2026年6月2日 功能膜项目 5亿",
    { kind: "signing", on: "06-02", project: "功能膜项目", money: yi(5), industry: NM },
  ],
  ["签约 6.15 功能膜项目 5亿", { kind: "signing", on: "06-15", project: "功能膜项目", money: yi(5), industry: NM }],
  ["签约 周三 功能膜项目 5亿", { kind: "signing", on: "06-17", project: "功能膜项目", money: yi(5), industry: NM }],
  // ---- sources ----
  [
    "签约 纺织印染项目 2亿 市外",
    { kind: "signing", project: "纺织印染项目", money: yi(2), industry: "纺织", source: "市外" },
  ],
  [
    "签约 纺织印染项目 2亿 外资",
    { kind: "signing", project: "纺织印染项目", money: yi(2), industry: "纺织", source: "境外" },
  ],
  [
    "签约 纺织印染项目 2亿 港资",
    { kind: "signing", project: "纺织印染项目", money: yi(2), industry: "纺织", source: "境外" },
  ],
  [
    "签约 功能膜项目 5亿 新材料 省外。",
    { kind: "signing", project: "功能膜项目", money: yi(5), industry: NM, source: "省外" },
  ],
  // ---- messy phone typing ----
  [
    "签约：年产10万吨功能膜项目，5.2亿元，新材料，省外。",
    { kind: "signing", project: "年产10万吨功能膜项目", money: yi(5.2), industry: NM, source: "省外" },
  ],
  [
    "签约 年产10万吨功能膜项目5.2亿元新材料省外",
    { kind: "signing", project: "年产10万吨功能膜项目", money: yi(5.2), industry: NM, source: "省外" },
  ],
  [
    "签约-年产10万吨功能膜项目-5.2亿元",
    { kind: "signing", project: "年产10万吨功能膜项目", money: yi(5.2), industry: NM },
  ],
  [
    "/签约 年产10万吨功能膜项目 5.2亿元",
    { kind: "signing", project: "年产10万吨功能膜项目", money: yi(5.2), industry: NM },
  ],
  [
    "@招商助手 签约 年产10万吨功能膜项目 5.2亿元",
    { kind: "signing", project: "年产10万吨功能膜项目", money: yi(5.2), industry: NM },
  ],
  ["签约  汽车座椅骨架项目  1.2亿元", { kind: "signing", project: "汽车座椅骨架项目", money: yi(1.2), industry: EQ }],
  ["签约 汽车冲压件项目 8000万", { kind: "signing", project: "汽车冲压件项目", money: wan(8000), industry: EQ }],
  ["签约 汽车压铸件项目 总投资1.5亿", { kind: "signing", project: "汽车压铸件项目", money: yi(1.5), industry: EQ }],
  ["签约 智能仓储物流装备项目 3亿", { kind: "signing", project: "智能仓储物流装备项目", money: yi(3), industry: EQ }],
  ["签约 食品包装材料项目 6000万", { kind: "signing", project: "食品包装材料项目", money: wan(6000), industry: NM }],
  [
    "签约 有机茶精深加工项目 5000万",
    { kind: "signing", project: "有机茶精深加工项目", money: wan(5000), industry: GF },
  ],
  [
    "签约 年产20万台新能源汽车电驱系统项目 协议投资12亿元 省外",
    { kind: "signing", project: "年产20万台新能源汽车电驱系统项目", money: yi(12), industry: EV, source: "省外" },
  ],
  [
    "签约 年产100万件汽车配件项目 1.2亿元",
    { kind: "signing", project: "年产100万件汽车配件项目", money: yi(1.2), industry: EQ },
  ],
  ["签约 功能膜项目：5亿 新材料", { kind: "signing", project: "功能膜项目", money: yi(5), industry: NM }],
  // "汽车" alone is the car and parts family (高端装备); 新能源汽车 needs a new-energy word
  [
    "签约 华东精工项目 3亿 汽车 省外",
    { kind: "signing", project: "华东精工项目", money: yi(3), industry: EQ, source: "省外" },
  ],
  ["签约 年产30万辆汽车项目 50亿元", { kind: "signing", project: "年产30万辆汽车项目", money: yi(50), industry: EQ }],
  ["签约 汽车产业园项目 10亿", { kind: "signing", project: "汽车产业园项目", money: yi(10), industry: EQ }],
  ["签约 电动汽车项目 8亿", { kind: "signing", project: "电动汽车项目", money: yi(8), industry: EV }],
  ["签约 恒远项目 2亿 新能源汽车", { kind: "signing", project: "恒远项目", money: yi(2), industry: EV }],
  [
    "签约 占地1300亩的智能制造产业园项目 20亿元",
    { kind: "signing", project: "占地1300亩的智能制造产业园项目", money: yi(20), industry: EQ },
  ],
];

export const NEGOTIATION_ROWS: readonly Row[] = [
  [
    "在谈 年产5000吨生物基材料项目 计划投资2亿元 新材料 省外",
    { kind: "negotiation", project: "年产5000吨生物基材料项目", money: yi(2), industry: NM, source: "省外" },
  ],
  [
    "在谈 数据中心项目 约15亿元 市外",
    { kind: "negotiation", project: "数据中心项目", money: yi(15), industry: "现代服务业", source: "市外" },
  ],
  ["在谈 生物医药产业园项目", { kind: "negotiation", project: "生物医药产业园项目", industry: "生命健康" }],
  [
    "在谈 乡村民宿集群项目 计划投资8000万 文旅",
    { kind: "negotiation", project: "乡村民宿集群项目", money: wan(8000), industry: "文旅" },
  ],
  [
    "在谈 与中国建材集团洽谈新材料产业基地项目 30亿 省外",
    {
      kind: "negotiation",
      project: "新材料产业基地项目",
      money: yi(30),
      industry: NM,
      source: "省外",
      counterpart: "中国建材集团",
    },
  ],
  ["在谈 汽车压铸件项目 拟投资2亿", { kind: "negotiation", project: "汽车压铸件项目", money: yi(2), industry: EQ }],
  [
    "在谈 储能电站项目 计划总投资10亿 注册资本1亿",
    { kind: "negotiation", project: "储能电站项目", money: yi(10), industry: "节能环保" },
  ],
  [
    "在谈 预制菜加工项目 意向投资5000万元",
    { kind: "negotiation", project: "预制菜加工项目", money: wan(5000), industry: GF },
  ],
  [
    "在谈 芯片封装测试项目 总投资50亿元 境外",
    { kind: "negotiation", project: "芯片封装测试项目", money: yi(50), industry: "电子信息", source: "境外" },
  ],
  [
    "在谈 康养小镇项目 投资约3个亿",
    { kind: "negotiation", project: "康养小镇项目", money: yi(3), industry: "生命健康" },
  ],
  [
    "在谈 冷链物流项目 6月18日 计划投资1.5亿",
    { kind: "negotiation", on: "06-18", project: "冷链物流项目", money: yi(1.5), industry: "商贸物流" },
  ],
  ["在谈 电商产业园项目", { kind: "negotiation", project: "电商产业园项目", industry: "商贸物流" }],
  [
    "在谈 半导体材料项目 投资额20亿 省外",
    { kind: "negotiation", project: "半导体材料项目", money: yi(20), industry: "电子信息", source: "省外" },
  ],
  ["在谈 光伏支架项目 8000w", { kind: "negotiation", project: "光伏支架项目", money: yi(0.8), industry: "节能环保" }],
  [
    "在谈 纺织服装产业园项目 总投资5亿元 年产值10亿元",
    { kind: "negotiation", project: "纺织服装产业园项目", money: yi(5), industry: "纺织" },
  ],
];
