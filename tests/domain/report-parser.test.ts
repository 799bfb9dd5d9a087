import { describe, expect, it } from "vitest";
import { createIndustryTable } from "../../src/domain/industry.ts";
import { normalizeText, stripMention } from "../../src/domain/normalize.ts";
import { parseReportBody, type ReportFields } from "../../src/domain/report-parser.ts";
import type { IsoDate, Money, ReportKind, Source } from "../../src/domain/types.ts";

/** Tuesday. 昨天 = 03-09, 前天 = 03-08, 上周五 = 03-06. */
const TODAY = "2026-03-10";
const industries = createIndustryTable();

/** The nine report keywords, longest first ("到位资金" before "到位"), as the dispatcher routes them. */
const KEYWORDS: ReadonlyArray<readonly [string, ReportKind]> = [
  ["到位资金", "fundsArrived"],
  ["走出去", "visitOut"],
  ["请进来", "visitIn"],
  ["在谈", "negotiation"],
  ["签约", "signing"],
  ["到位", "fundsArrived"],
  ["落地", "landed"],
  ["开工", "started"],
  ["投产", "producing"],
  ["入库", "registered"],
];

/** What the dispatcher does to a full line: strip the @mention, normalise, drop "/", the keyword and a colon. */
function route(line: string): { kind: ReportKind; body: string } {
  let text = normalizeText(stripMention(line, ["招商助手"]));
  if (text.startsWith("/")) text = text.slice(1);
  const hit = KEYWORDS.find(([keyword]) => text.startsWith(keyword));
  if (!hit) throw new Error(`no report keyword in ${JSON.stringify(line)}`);
  return {
    kind: hit[1],
    body: text
      .slice(hit[0].length)
      .replace(/^[\s:]+/, "")
      .trim(),
  };
}

function parseLine(line: string) {
  const { kind, body } = route(line);
  return { kind, outcome: parseReportBody(kind, body, { today: TODAY, industries }) };
}

const cny = (value: number): Money => ({ currency: "CNY", value });
const usd = (value: number): Money => ({ currency: "USD", value });

interface Row {
  kind: ReportKind;
  /** The date the line gives; absent = today, dateGiven false. */
  on?: IsoDate;
  project?: string;
  money?: Money;
  /** [tag, counts as 制造业]. */
  industry?: [string, boolean];
  source?: Source;
  place?: string;
  counterpart?: string;
}

/** Every field of the expected result: what the row does not mention must be null. */
function expected(row: Row): ReportFields {
  return {
    date: row.on ?? TODAY,
    dateGiven: row.on !== undefined,
    project: row.project ?? null,
    money: row.money ?? null,
    industry: row.industry?.[0] ?? null,
    manufacturing: row.industry?.[1] ?? null,
    source: row.source ?? null,
    place: row.place ?? null,
    counterpart: row.counterpart ?? null,
  };
}

const FILM = "年产10万吨功能膜项目";
const NEW_MATERIAL: [string, boolean] = ["新材料", true];
const EQUIPMENT: [string, boolean] = ["高端装备", true];
const EV: [string, boolean] = ["新能源汽车", true];

const TABLE: ReadonlyArray<readonly [string, Row]> = [
  // ---- the examples in domain.md ----
  [
    "走出去 赴上海拜访华谊集团，洽谈新材料项目",
    { kind: "visitOut", place: "上海", counterpart: "华谊集团", industry: NEW_MATERIAL },
  ],
  [
    "走出去 3月5日 深圳 比亚迪 新能源汽车零部件",
    { kind: "visitOut", on: "2026-03-05", place: "深圳", counterpart: "比亚迪", industry: EV },
  ],
  [
    "请进来 宁波某集团董事长一行来我镇考察纺织项目",
    { kind: "visitIn", place: "宁波", counterpart: "宁波某集团董事长一行", industry: ["纺织", true] },
  ],
  [
    "签约 年产10万吨功能膜项目 5.2亿元 新材料 省外",
    { kind: "signing", project: FILM, money: cny(520_000_000), industry: NEW_MATERIAL, source: "省外" },
  ],
  [
    "签约 智能车厢制造项目 总投资3000万 装备制造",
    { kind: "signing", project: "智能车厢制造项目", money: cny(30_000_000), industry: EQUIPMENT },
  ],
  [
    "到位 年产10万吨功能膜项目 3000万",
    { kind: "fundsArrived", project: FILM, money: cny(30_000_000), industry: NEW_MATERIAL },
  ],
  ["开工 年产10万吨功能膜项目", { kind: "started", project: FILM, industry: NEW_MATERIAL }],

  // ---- the examples in commands/*.ts ----
  [
    "走出去：3.6 赴苏州参加长三角招商推介会",
    { kind: "visitOut", on: "2026-03-06", place: "苏州", counterpart: "长三角招商推介会" },
  ],
  [
    "请进来 昨天 接待深圳华强电子考察团 电子信息",
    {
      kind: "visitIn",
      on: "2026-03-09",
      place: "深圳",
      counterpart: "深圳华强电子考察团",
      industry: ["电子信息", true],
    },
  ],
  [
    "签约 「中德精密轴承项目」 800万美元 高端装备",
    { kind: "signing", project: "中德精密轴承项目", money: usd(8_000_000), industry: EQUIPMENT, source: "境外" },
  ],
  [
    "在谈 年产5000吨生物基材料项目 计划投资2亿元 新材料 省外",
    {
      kind: "negotiation",
      project: "年产5000吨生物基材料项目",
      money: cny(200_000_000),
      industry: NEW_MATERIAL,
      source: "省外",
    },
  ],
  [
    "到位资金 功能膜项目 1.5个亿 3月5日",
    { kind: "fundsArrived", on: "2026-03-05", project: "功能膜项目", money: cny(150_000_000), industry: NEW_MATERIAL },
  ],
  ["开工 功能膜项目 昨天", { kind: "started", on: "2026-03-09", project: "功能膜项目", industry: NEW_MATERIAL }],
  ["落地 年产10万吨功能膜项目", { kind: "landed", project: FILM, industry: NEW_MATERIAL }],
  ["投产 年产10万吨功能膜项目", { kind: "producing", project: FILM, industry: NEW_MATERIAL }],
  ["入库 年产10万吨功能膜项目", { kind: "registered", project: FILM, industry: NEW_MATERIAL }],

  // ---- amount forms ----
  ["签约 精密铸造项目 5亿", { kind: "signing", project: "精密铸造项目", money: cny(500_000_000), industry: EQUIPMENT }],
  [
    "签约 新能源电池项目 1.5个亿 市外",
    { kind: "signing", project: "新能源电池项目", money: cny(150_000_000), industry: EV, source: "市外" },
  ],
  [
    "签约 精密模具项目 3000万",
    { kind: "signing", project: "精密模具项目", money: cny(30_000_000), industry: EQUIPMENT },
  ],
  [
    "签约 食品加工项目 3,000万元",
    { kind: "signing", project: "食品加工项目", money: cny(30_000_000), industry: ["绿色食品", true] },
  ],
  [
    "签约 汽车零部件项目 12000万元",
    { kind: "signing", project: "汽车零部件项目", money: cny(120_000_000), industry: EQUIPMENT },
  ],
  [
    "签约 农产品深加工项目 0.8亿 绿色食品",
    { kind: "signing", project: "农产品深加工项目", money: cny(80_000_000), industry: ["绿色食品", true] },
  ],
  [
    "签约 服装加工项目 五千万",
    { kind: "signing", project: "服装加工项目", money: cny(50_000_000), industry: ["纺织", true] },
  ],
  [
    "签约 文旅综合体项目 两亿 文旅",
    { kind: "signing", project: "文旅综合体项目", money: cny(200_000_000), industry: ["文旅", false] },
  ],
  [
    "签约 生物医药产业园项目 三亿五千万元 生物医药 省外",
    {
      kind: "signing",
      project: "生物医药产业园项目",
      money: cny(350_000_000),
      industry: ["生命健康", true],
      source: "省外",
    },
  ],
  [
    "签约 电子元器件项目 1亿2千万 电子信息",
    { kind: "signing", project: "电子元器件项目", money: cny(120_000_000), industry: ["电子信息", true] },
  ],
  [
    "签约 光伏支架项目 ８０００万",
    { kind: "signing", project: "光伏支架项目", money: cny(80_000_000), industry: ["节能环保", true] },
  ],
  [
    "签约 冷链物流园项目 投资额约3.6亿元 商贸物流",
    { kind: "signing", project: "冷链物流园项目", money: cny(360_000_000), industry: ["商贸物流", false] },
  ],
  [
    "签约 智能装备项目 8000万元（其中设备投资5000万） 高端装备",
    { kind: "signing", project: "智能装备项目", money: cny(80_000_000), industry: EQUIPMENT },
  ],
  [
    "签约 功能膜项目 8000万元，其中设备投资5000万",
    { kind: "signing", project: "功能膜项目", money: cny(80_000_000), industry: NEW_MATERIAL },
  ],
  [
    "签约 中德精密轴承项目 500万美元",
    { kind: "signing", project: "中德精密轴承项目", money: usd(5_000_000), industry: EQUIPMENT, source: "境外" },
  ],
  [
    "签约 精密轴承项目 500万美金 高端装备",
    { kind: "signing", project: "精密轴承项目", money: usd(5_000_000), industry: EQUIPMENT, source: "境外" },
  ],
  [
    "签约 年产10万吨功能膜项目 500万 美元",
    { kind: "signing", project: FILM, money: usd(5_000_000), industry: NEW_MATERIAL, source: "境外" },
  ],
  ["签约 功能膜项目 3亿5", { kind: "signing", project: "功能膜项目", money: cny(350_000_000), industry: NEW_MATERIAL }],
  [
    "签约 年产10万吨功能膜项目 总投资：5.2亿元 新材料",
    { kind: "signing", project: FILM, money: cny(520_000_000), industry: NEW_MATERIAL },
  ],
  [
    "签约 功能膜项目 总投资5亿元，达产后年产值8亿元",
    { kind: "signing", project: "功能膜项目", money: cny(500_000_000), industry: NEW_MATERIAL },
  ],
  [
    "签约 功能膜项目 预计年产值10亿元 总投资5亿元",
    { kind: "signing", project: "功能膜项目", money: cny(500_000_000), industry: NEW_MATERIAL },
  ],
  [
    "在谈 数据中心项目 约15亿元 市外",
    {
      kind: "negotiation",
      project: "数据中心项目",
      money: cny(1_500_000_000),
      industry: ["现代服务业", false],
      source: "市外",
    },
  ],

  // ---- quantities stay in the name, never become money ----
  [
    "签约 年产100万件汽车配件项目 1.2亿元",
    { kind: "signing", project: "年产100万件汽车配件项目", money: cny(120_000_000), industry: EQUIPMENT },
  ],
  [
    "签约 占地1300亩的智能制造产业园项目 20亿元",
    { kind: "signing", project: "占地1300亩的智能制造产业园项目", money: cny(2_000_000_000), industry: EQUIPMENT },
  ],
  [
    "签约 年产10万套智能家居项目 2亿元 省外",
    { kind: "signing", project: "年产10万套智能家居项目", money: cny(200_000_000), source: "省外" },
  ],
  [
    "签约 1300亩现代农业产业园项目 3亿元",
    { kind: "signing", project: "1300亩现代农业产业园项目", money: cny(300_000_000) },
  ],
  [
    "在谈 年产5万吨再生铝项目 计划投资2亿元 新材料 省外",
    {
      kind: "negotiation",
      project: "年产5万吨再生铝项目",
      money: cny(200_000_000),
      industry: NEW_MATERIAL,
      source: "省外",
    },
  ],
  [
    "签约 年产30万吨饲料加工项目 1亿2千万元 绿色食品 市外",
    {
      kind: "signing",
      project: "年产30万吨饲料加工项目",
      money: cny(120_000_000),
      industry: ["绿色食品", true],
      source: "市外",
    },
  ],
  [
    "签约 协议投资5亿元的年产20万吨饲料项目 省外",
    {
      kind: "signing",
      project: "年产20万吨饲料项目",
      money: cny(500_000_000),
      industry: ["绿色食品", true],
      source: "省外",
    },
  ],
  [
    "签约 年产10万吨 功能膜项目 5.2亿元",
    { kind: "signing", project: FILM, money: cny(520_000_000), industry: NEW_MATERIAL },
  ],
  ["开工 3.5万吨功能膜项目", { kind: "started", project: "3.5万吨功能膜项目", industry: NEW_MATERIAL }],

  // ---- dates ----
  ["投产 年产10万吨功能膜项目 今天", { kind: "producing", on: "2026-03-10", project: FILM, industry: NEW_MATERIAL }],
  ["落地 年产10万吨功能膜项目 前天", { kind: "landed", on: "2026-03-08", project: FILM, industry: NEW_MATERIAL }],
  ["入库 年产10万吨功能膜项目 3.5", { kind: "registered", on: "2026-03-05", project: FILM, industry: NEW_MATERIAL }],
  [
    "签约 功能膜项目 5亿 2026-03-05",
    { kind: "signing", on: "2026-03-05", project: "功能膜项目", money: cny(500_000_000), industry: NEW_MATERIAL },
  ],
  [
    "签约 3月9日 年产10万吨功能膜项目 5.2亿元",
    { kind: "signing", on: "2026-03-09", project: FILM, money: cny(520_000_000), industry: NEW_MATERIAL },
  ],
  [
    "走出去 上周五 赴杭州拜访吉利汽车",
    { kind: "visitOut", on: "2026-03-06", place: "杭州", counterpart: "吉利汽车", industry: EQUIPMENT },
  ],
  [
    "走出去 3月8日至9日 赴深圳参加中国国际高新技术成果交易会",
    { kind: "visitOut", on: "2026-03-08", place: "深圳", counterpart: "中国国际高新技术成果交易会" },
  ],
  ["开工 今天上午 功能膜项目", { kind: "started", on: "2026-03-10", project: "功能膜项目", industry: NEW_MATERIAL }],
  ["开工 功能膜项目今天开工", { kind: "started", on: "2026-03-10", project: "功能膜项目", industry: NEW_MATERIAL }],
  [
    "到位 功能膜项目 500万美元 3月6日",
    {
      kind: "fundsArrived",
      on: "2026-03-06",
      project: "功能膜项目",
      money: usd(5_000_000),
      industry: NEW_MATERIAL,
      source: "境外",
    },
  ],
  ["请进来 3.8 苏州客商来访", { kind: "visitIn", on: "2026-03-08", place: "苏州", counterpart: "苏州客商" }],
  ["落地 2026年3月2日 功能膜项目", { kind: "landed", on: "2026-03-02", project: "功能膜项目", industry: NEW_MATERIAL }],

  // ---- quoted names are taken as written ----
  [
    "签约 「年产5万吨 新能源电池项目」 3亿元 省外",
    { kind: "signing", project: "年产5万吨 新能源电池项目", money: cny(300_000_000), industry: EV, source: "省外" },
  ],
  [
    "签约 “智慧物流园 二期”项目 1.2亿",
    { kind: "signing", project: "智慧物流园 二期", money: cny(120_000_000), industry: ["商贸物流", false] },
  ],
  [
    "签约 《乡村振兴示范园》 8000万 文旅",
    { kind: "signing", project: "乡村振兴示范园", money: cny(80_000_000), industry: ["文旅", false] },
  ],
  [
    "签约 「5亿只口罩项目」 1.2亿 生物医药",
    { kind: "signing", project: "5亿只口罩项目", money: cny(120_000_000), industry: ["生命健康", true] },
  ],
  ["开工 「年产5万吨 新能源电池项目」", { kind: "started", project: "年产5万吨 新能源电池项目", industry: EV }],
  [
    "到位 “3.5亿元产业基金项目” 5000万",
    { kind: "fundsArrived", project: "3.5亿元产业基金项目", money: cny(50_000_000) },
  ],

  // ---- 走出去 ----
  ["走出去 赴合肥对接京东方科技集团", { kind: "visitOut", place: "合肥", counterpart: "京东方科技集团" }],
  [
    "走出去 对接上海电气集团 洽谈装备制造项目",
    { kind: "visitOut", place: "上海", counterpart: "上海电气集团", industry: EQUIPMENT },
  ],
  [
    "走出去 赴苏州与协鑫集团洽谈光伏项目",
    { kind: "visitOut", place: "苏州", counterpart: "协鑫集团", industry: ["节能环保", true] },
  ],
  [
    "走出去 前往成都对接通威股份 光伏",
    { kind: "visitOut", place: "成都", counterpart: "通威股份", industry: ["节能环保", true] },
  ],
  ["走出去 县长带队赴深圳招商", { kind: "visitOut", place: "深圳" }],
  [
    "走出去 赴广州参加粤港澳大湾区招商推介会并拜访广汽集团",
    { kind: "visitOut", place: "广州", counterpart: "粤港澳大湾区招商推介会" },
  ],
  [
    "走出去 赴苏州拜访协鑫集团、天合光能，洽谈光伏项目",
    { kind: "visitOut", place: "苏州", counterpart: "协鑫集团、天合光能", industry: ["节能环保", true] },
  ],
  [
    "走出去 赴北京参加2026中国国际服务贸易交易会",
    { kind: "visitOut", place: "北京", counterpart: "2026中国国际服务贸易交易会" },
  ],
  [
    "走出去 昨天 赴宁波走访舜宇光学 洽谈光电项目 电子信息",
    { kind: "visitOut", on: "2026-03-09", place: "宁波", counterpart: "舜宇光学", industry: ["电子信息", true] },
  ],
  [
    "走出去 赴上海参加「2026长三角 招商推介会」",
    { kind: "visitOut", place: "上海", counterpart: "2026长三角 招商推介会" },
  ],
  [
    "走出去 赴无锡拜访了海澜集团就服装项目进行洽谈",
    { kind: "visitOut", place: "无锡", counterpart: "海澜集团", industry: ["纺织", true] },
  ],

  // ---- 请进来 ----
  [
    "请进来 浙江吉利控股集团副总裁王某莅临考察",
    { kind: "visitIn", place: "浙江", counterpart: "浙江吉利控股集团副总裁王某" },
  ],
  ["请进来 接待江苏恒力集团考察团一行", { kind: "visitIn", place: "江苏", counterpart: "江苏恒力集团考察团一行" }],
  [
    "请进来 3月6日 上海某新材料企业来我县考察 新材料",
    { kind: "visitIn", on: "2026-03-06", place: "上海", counterpart: "上海某新材料企业", industry: NEW_MATERIAL },
  ],
  [
    "请进来 香港某投资公司一行3人莅临开发区考察",
    { kind: "visitIn", place: "香港", counterpart: "香港某投资公司一行3人" },
  ],
  ["请进来 接待比亚迪汽车考察团", { kind: "visitIn", counterpart: "比亚迪汽车考察团", industry: EQUIPMENT }],
  [
    "请进来 台湾某电子企业总经理来访，洽谈芯片封装项目",
    { kind: "visitIn", place: "台湾", counterpart: "台湾某电子企业总经理", industry: ["电子信息", true] },
  ],
  ["请进来 比亚迪一行到我区考察新能源汽车项目", { kind: "visitIn", counterpart: "比亚迪一行", industry: EV }],
  [
    "请进来 接待香港客商洽谈文旅项目",
    { kind: "visitIn", place: "香港", counterpart: "香港客商", industry: ["文旅", false] },
  ],
  [
    "请进来 香港恒基集团李总来我镇考察文旅项目 境外",
    { kind: "visitIn", place: "香港", counterpart: "香港恒基集团李总", industry: ["文旅", false], source: "境外" },
  ],

  // ---- 在谈 / 签约 / 到位 / milestones ----
  [
    "签约 与宁波某集团签订年产10万吨功能膜项目投资协议 5.2亿元",
    { kind: "signing", project: FILM, money: cny(520_000_000), industry: NEW_MATERIAL, counterpart: "宁波某集团" },
  ],
  [
    "签约 成功签约年产10万吨功能膜项目 5.2亿元",
    { kind: "signing", project: FILM, money: cny(520_000_000), industry: NEW_MATERIAL },
  ],
  [
    "签约 万达广场项目 10亿 现代服务业",
    { kind: "signing", project: "万达广场项目", money: cny(1_000_000_000), industry: ["现代服务业", false] },
  ],
  [
    "签约 汽车零部件项目 5000万 装备制造",
    { kind: "signing", project: "汽车零部件项目", money: cny(50_000_000), industry: EQUIPMENT },
  ],
  ["签约 汽车零部件 5000万", { kind: "signing", project: "汽车零部件", money: cny(50_000_000), industry: EQUIPMENT }],
  [
    "签约 新材料产业园项目 5亿",
    { kind: "signing", project: "新材料产业园项目", money: cny(500_000_000), industry: NEW_MATERIAL },
  ],
  ["签约 新材料项目 5亿", { kind: "signing", project: "新材料项目", money: cny(500_000_000), industry: NEW_MATERIAL }],
  [
    "签约 高端医疗器械生产项目 计划投资1.8亿元 生物医药 市外",
    {
      kind: "signing",
      project: "高端医疗器械生产项目",
      money: cny(180_000_000),
      industry: ["生命健康", true],
      source: "市外",
    },
  ],
  [
    "签约 年产20万台新能源汽车电驱系统项目 协议投资12亿元 省外",
    {
      kind: "signing",
      project: "年产20万台新能源汽车电驱系统项目",
      money: cny(1_200_000_000),
      industry: EV,
      source: "省外",
    },
  ],
  [
    "在谈 总投资10亿元的新能源汽车零部件产业园项目 新能源汽车 省外",
    {
      kind: "negotiation",
      project: "新能源汽车零部件产业园项目",
      money: cny(1_000_000_000),
      industry: EV,
      source: "省外",
    },
  ],
  ["在谈 生物医药产业园项目", { kind: "negotiation", project: "生物医药产业园项目", industry: ["生命健康", true] }],
  [
    "在谈 乡村民宿集群项目 计划投资8000万 文旅",
    { kind: "negotiation", project: "乡村民宿集群项目", money: cny(80_000_000), industry: ["文旅", false] },
  ],
  ["落地 年产10万吨功能膜项目已完成供地", { kind: "landed", project: FILM, industry: NEW_MATERIAL }],
  ["开工 功能膜项目（二期）", { kind: "started", project: "功能膜项目(二期)", industry: NEW_MATERIAL }],
  [
    "在谈 与中国建材集团洽谈新材料产业基地项目 30亿 省外",
    {
      kind: "negotiation",
      project: "新材料产业基地项目",
      money: cny(3_000_000_000),
      industry: NEW_MATERIAL,
      source: "省外",
      counterpart: "中国建材集团",
    },
  ],
  ["投产 功能膜项目一期正式投产", { kind: "producing", project: "功能膜项目一期", industry: NEW_MATERIAL }],
  [
    "到位 功能膜项目 本月到位3000万",
    { kind: "fundsArrived", project: "功能膜项目", money: cny(30_000_000), industry: NEW_MATERIAL },
  ],
  [
    "到位 功能膜项目 3000万 省外资金",
    { kind: "fundsArrived", project: "功能膜项目", money: cny(30_000_000), industry: NEW_MATERIAL, source: "省外" },
  ],
  [
    "到位资金 冷链物流园项目 1200万元 3月2日",
    {
      kind: "fundsArrived",
      on: "2026-03-02",
      project: "冷链物流园项目",
      money: cny(12_000_000),
      industry: ["商贸物流", false],
    },
  ],

  // ---- messy phone typing ----
  [
    "签约：年产10万吨功能膜项目，5.2亿元，新材料，省外。",
    { kind: "signing", project: FILM, money: cny(520_000_000), industry: NEW_MATERIAL, source: "省外" },
  ],
  [
    "到位资金：功能膜项目，3000万元。",
    { kind: "fundsArrived", project: "功能膜项目", money: cny(30_000_000), industry: NEW_MATERIAL },
  ],
  [
    "@招商助手 签约 年产10万吨功能膜项目 5.2亿元",
    { kind: "signing", project: FILM, money: cny(520_000_000), industry: NEW_MATERIAL },
  ],
  [
    "/签约 年产10万吨功能膜项目 5.2亿元",
    { kind: "signing", project: FILM, money: cny(520_000_000), industry: NEW_MATERIAL },
  ],
  ["@招商助手 /开工 功能膜项目", { kind: "started", project: "功能膜项目", industry: NEW_MATERIAL }],
  [
    "签约\u3000年产10万吨功能膜项目\u3000\u30005.2亿元",
    { kind: "signing", project: FILM, money: cny(520_000_000), industry: NEW_MATERIAL },
  ],
  [
    "签约 年产10万吨功能膜项目5.2亿元新材料省外",
    { kind: "signing", project: FILM, money: cny(520_000_000), industry: NEW_MATERIAL, source: "省外" },
  ],
  [
    "签约 年产10万吨功能膜项目 5.2亿元 新材料 省外 @招商助手",
    { kind: "signing", project: FILM, money: cny(520_000_000), industry: NEW_MATERIAL, source: "省外" },
  ],
  [
    "  签约   年产10万吨功能膜项目    5.2亿元   。",
    { kind: "signing", project: FILM, money: cny(520_000_000), industry: NEW_MATERIAL },
  ],
  [
    "＠招商助手\u2005签约 年产１０万吨功能膜项目 ５．２亿元",
    { kind: "signing", project: FILM, money: cny(520_000_000), industry: NEW_MATERIAL },
  ],
  ["@招商助手：走出去，赴上海拜访华谊集团！", { kind: "visitOut", place: "上海", counterpart: "华谊集团" }],
  [
    "签约-年产10万吨功能膜项目-5.2亿元",
    { kind: "signing", project: FILM, money: cny(520_000_000), industry: NEW_MATERIAL },
  ],
];

describe("parseReportBody: report lines (today 2026-03-10)", () => {
  it("has a realistic table of at least 80 lines", () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(80);
  });

  it.each(TABLE)("%s", (line, row) => {
    const { kind, outcome } = parseLine(line);
    expect(kind).toBe(row.kind);
    expect(outcome).toEqual({ ok: true, fields: expected(row) });
  });
});

describe("parseReportBody: lines that cannot be recorded", () => {
  it.each([
    ["签约 年产10万吨功能膜项目", "投资额"],
    ["签约 年产10万吨功能膜项目 新材料 省外", "投资额"],
    ["签约 功能膜项目 年产值10亿元", "投资额"],
    ["到位 年产10万吨功能膜项目", "到位金额"],
    ["到位资金 功能膜项目 昨天", "到位金额"],
    ["签约", "项目名称"],
    ["签约 5.2亿元 省外", "项目名称"],
    ["到位 3000万", "项目名称"],
    ["开工", "项目名称"],
    ["开工 昨天", "项目名称"],
    ["走出去", "去了哪里"],
    ["走出去 昨天", "去了哪里"],
    ["请进来", "是谁来考察"],
    ["请进来 前天", "是谁来考察"],
  ])("%s → problem mentions %s", (line, word) => {
    const { outcome } = parseLine(line);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problem).toContain(word);
  });
});

describe("parseReportBody: robustness", () => {
  it("never throws and always answers, even on long junk", () => {
    const junk = [
      "",
      " ",
      "::::",
      "项目项目项目",
      "(((((",
      "「",
      "投资".repeat(400),
      "5亿".repeat(300),
      "赴".repeat(900),
    ];
    for (const kind of KEYWORDS.map(([, k]) => k)) {
      for (const body of junk) {
        const outcome = parseReportBody(kind, body, { today: TODAY, industries });
        expect(typeof outcome.ok).toBe("boolean");
      }
    }
  });

  it("uses a custom industry table", () => {
    const table = createIndustryTable([{ tag: "数字经济", keywords: ["算力", "大数据"] }], []);
    const outcome = parseReportBody("signing", "算力中心项目 3亿元", { today: TODAY, industries: table });
    expect(outcome).toMatchObject({ ok: true, fields: { industry: "数字经济", manufacturing: false } });
  });
});

describe("parseReportBody: doubts (best reading, but ask)", () => {
  it.each([
    ["签约 功能膜项目 5亿 3000万", "总投资", 500_000_000],
    ["到位 功能膜项目 3000万 2000万", "到位金额", 30_000_000],
  ])("%s → doubt about %s", (line, word, value) => {
    const { outcome } = parseLine(line);
    expect(outcome).toMatchObject({ ok: true, fields: { money: { currency: "CNY", value } } });
    if (outcome.ok) expect(outcome.doubt).toContain(word);
  });

  it("a labelled amount beside a bare one is no doubt", () => {
    const { outcome } = parseLine("签约 功能膜项目 总投资5亿 3000万");
    expect(outcome).toMatchObject({ ok: true, fields: { money: { value: 500_000_000 } } });
    if (outcome.ok) expect(outcome.doubt).toBeUndefined();
  });
});
