// Lines whose first word is no command keyword: the kind is found after filler, in brackets, in
// the middle of the line, or guessed from what the line plainly reports (then it is asked about).
import { type Row, wan, wanUsd, yi } from "./row.ts";

export const DETECT_ROWS: readonly Row[] = [
  [
    "【签约】年产5万吨再生铜项目 总投资6亿元 新材料 省外",
    { kind: "signing", project: "年产5万吨再生铜项目", money: yi(6), industry: "新材料", source: "省外" },
  ],
  [
    "【签约】 年产5万吨再生铜项目，6亿元",
    { kind: "signing", project: "年产5万吨再生铜项目", money: yi(6), industry: "新材料" },
  ],
  ["[开工] 饲料项目", { kind: "started", project: "饲料项目", industry: "绿色食品" }],
  [
    "【喜报】签约：年产10万吨功能膜项目 5.2亿元",
    { kind: "signing", project: "年产10万吨功能膜项目", money: yi(5.2), industry: "新材料" },
  ],
  ["嗯 签约 功能膜项目 5亿", { kind: "signing", project: "功能膜项目", money: yi(5), industry: "新材料" }],
  ["嗯，到位 功能膜项目 3000万", { kind: "fundsArrived", project: "功能膜项目", money: wan(3000), industry: "新材料" }],
  ["那个 开工 功能膜项目 昨天", { kind: "started", on: "06-19", project: "功能膜项目", industry: "新材料" }],
  ["那个，走出去 赴上海拜访华谊集团", { kind: "visitOut", place: "上海", counterpart: "华谊集团" }],
  ["嗯嗯那个请进来 宁波某集团一行来我镇考察", { kind: "visitIn", place: "宁波", counterpart: "宁波某集团一行" }],
  ["@招商助手 @张三 签约 功能膜项目 5亿", { kind: "signing", project: "功能膜项目", money: yi(5), industry: "新材料" }],
  ["麻烦登记一下 签约 功能膜项目 5亿", { kind: "signing", project: "功能膜项目", money: yi(5), industry: "新材料" }],
  [
    "光学膜项目到位资金2000万元",
    { kind: "fundsArrived", project: "光学膜项目", money: wan(2000), industry: "新材料", confident: false },
  ],
  [
    "光学膜项目资金到位2000万元",
    { kind: "fundsArrived", project: "光学膜项目", money: wan(2000), industry: "新材料", confident: false },
  ],
  [
    "光学膜项目本月到位2000万",
    { kind: "fundsArrived", project: "光学膜项目", money: wan(2000), industry: "新材料", confident: false },
  ],
  [
    "饲料项目今天正式开工🎉",
    { kind: "started", on: "06-20", project: "饲料项目", industry: "绿色食品", confident: false },
  ],
  [
    "饲料项目今天开工了👏👏",
    { kind: "started", on: "06-20", project: "饲料项目", industry: "绿色食品", confident: false },
  ],
  [
    "年产10万吨功能膜项目昨天顺利投产",
    { kind: "producing", on: "06-19", project: "年产10万吨功能膜项目", industry: "新材料", confident: false },
  ],
  ["功能膜项目已入库", { kind: "registered", project: "功能膜项目", industry: "新材料", confident: false }],
  [
    "功能膜项目6月18日正式落地",
    { kind: "landed", on: "06-18", project: "功能膜项目", industry: "新材料", confident: false },
  ],
  [
    "今天成功签约年产5万吨再生铜项目，总投资6亿元",
    {
      kind: "signing",
      on: "06-20",
      project: "年产5万吨再生铜项目",
      money: yi(6),
      industry: "新材料",
      confident: false,
    },
  ],
  [
    "年产5万吨再生铜项目今天签约 总投资6亿",
    {
      kind: "signing",
      on: "06-20",
      project: "年产5万吨再生铜项目",
      money: yi(6),
      industry: "新材料",
      confident: false,
    },
  ],
  [
    "城西镇签约光学膜项目 总投资5亿",
    { kind: "signing", project: "光学膜项目", money: yi(5), industry: "新材料", confident: false },
  ],
  [
    "今天与华谊集团签订光学膜项目投资协议 5亿",
    {
      kind: "signing",
      on: "06-20",
      project: "光学膜项目",
      money: yi(5),
      industry: "新材料",
      counterpart: "华谊集团",
      confident: false,
    },
  ],
  [
    "功能膜项目昨天完成摘牌",
    { kind: "landed", on: "06-19", project: "功能膜项目", industry: "新材料", confident: false },
  ],
  [
    "今天去苏州见了两家企业",
    { kind: "visitOut", on: "06-20", place: "苏州", counterpart: "两家企业", confident: false },
  ],
  [
    "昨天赴上海拜访华谊集团",
    { kind: "visitOut", on: "06-19", place: "上海", counterpart: "华谊集团", confident: false },
  ],
  [
    "上周五去杭州对接了吉利汽车",
    { kind: "visitOut", on: "06-12", place: "杭州", counterpart: "吉利汽车", industry: "高端装备", confident: false },
  ],
  ["昨天接待了深圳客商", { kind: "visitIn", on: "06-19", place: "深圳", counterpart: "深圳客商", confident: false }],
  [
    "宁波某集团董事长一行来城西考察纺织项目",
    { kind: "visitIn", place: "宁波", counterpart: "宁波某集团董事长一行", industry: "纺织", confident: false },
  ],
  [
    "今天上海某新材料企业一行莅临考察",
    {
      kind: "visitIn",
      on: "06-20",
      place: "上海",
      counterpart: "上海某新材料企业一行",
      industry: "新材料",
      confident: false,
    },
  ],
  ["功能膜项目签约并开工", { kind: "started", project: "功能膜项目", industry: "新材料", confident: false }],
  [
    "年产5万吨再生铜项目 总投资6亿元",
    { kind: "signing", project: "年产5万吨再生铜项目", money: yi(6), industry: "新材料", confident: false },
  ],
  ["功能膜项目5号开工", { kind: "started", on: "06-05", project: "功能膜项目", industry: "新材料", confident: false }],
  [
    "功能膜项目25号开工了",
    { kind: "started", on: "05-25", project: "功能膜项目", industry: "新材料", confident: false },
  ],
  // a form label first: the report it is (asked about, the keyword is not first), the label not in the name
  [
    "项目名称：年产5万吨再生铜项目 签约 总投资6亿元 新材料 省外",
    {
      kind: "signing",
      project: "年产5万吨再生铜项目",
      money: yi(6),
      industry: "新材料",
      source: "省外",
      confident: false,
    },
  ],
  [
    "项目名：冷链物流园项目 到位 3000万",
    { kind: "fundsArrived", project: "冷链物流园项目", money: wan(3000), industry: "商贸物流", confident: false },
  ],
  [
    "项目名称:冷链物流园项目，到位资金3000万元",
    { kind: "fundsArrived", project: "冷链物流园项目", money: wan(3000), industry: "商贸物流", confident: false },
  ],
];

/** Voice input: Chinese numerals, no spaces, no punctuation, the keyword sometimes not first. */
export const VOICE_ROWS: readonly Row[] = [
  [
    "签约年产五万吨再生铜项目总投资六亿元新材料省外",
    { kind: "signing", project: "年产五万吨再生铜项目", money: yi(6), industry: "新材料", source: "省外" },
  ],
  [
    "签约智能车厢制造项目总投资三千万元",
    { kind: "signing", project: "智能车厢制造项目", money: wan(3000), industry: "高端装备" },
  ],
  ["签约光学膜项目总投资两亿五千万", { kind: "signing", project: "光学膜项目", money: wan(25000), industry: "新材料" }],
  ["签约光学膜项目投资一点五个亿", { kind: "signing", project: "光学膜项目", money: yi(1.5), industry: "新材料" }],
  [
    "签约农产品深加工项目零点八亿",
    { kind: "signing", project: "农产品深加工项目", money: yi(0.8), industry: "绿色食品" },
  ],
  [
    "签约精密轴承项目一亿二千万元省外",
    { kind: "signing", project: "精密轴承项目", money: wan(12000), industry: "高端装备", source: "省外" },
  ],
  [
    "签约精密轴承项目八百万美元",
    { kind: "signing", project: "精密轴承项目", money: wanUsd(800), industry: "高端装备", source: "境外" },
  ],
  [
    "签约六月十六号光学膜项目两个亿",
    { kind: "signing", on: "06-16", project: "光学膜项目", money: yi(2), industry: "新材料" },
  ],
  [
    "签约昨天光学膜项目总投资三个亿",
    { kind: "signing", on: "06-19", project: "光学膜项目", money: yi(3), industry: "新材料" },
  ],
  ["到位光学膜项目三千万", { kind: "fundsArrived", project: "光学膜项目", money: wan(3000), industry: "新材料" }],
  [
    "到位资金光学膜项目两千五百万元",
    { kind: "fundsArrived", project: "光学膜项目", money: wan(2500), industry: "新材料" },
  ],
  [
    "到位光学膜项目一千万昨天",
    { kind: "fundsArrived", on: "06-19", project: "光学膜项目", money: wan(1000), industry: "新材料" },
  ],
  [
    "到位光学膜项目五百万美元",
    { kind: "fundsArrived", project: "光学膜项目", money: wanUsd(500), industry: "新材料", source: "境外" },
  ],
  [
    "光学膜项目到位资金两千万元",
    { kind: "fundsArrived", project: "光学膜项目", money: wan(2000), industry: "新材料", confident: false },
  ],
  [
    "光学膜项目今天到位三千万",
    {
      kind: "fundsArrived",
      on: "06-20",
      project: "光学膜项目",
      money: wan(3000),
      industry: "新材料",
      confident: false,
    },
  ],
  ["开工光学膜项目今天", { kind: "started", on: "06-20", project: "光学膜项目", industry: "新材料" }],
  ["开工光学膜项目六月十六号", { kind: "started", on: "06-16", project: "光学膜项目", industry: "新材料" }],
  ["投产光学膜项目昨天", { kind: "producing", on: "06-19", project: "光学膜项目", industry: "新材料" }],
  ["入库光学膜项目上周五", { kind: "registered", on: "06-12", project: "光学膜项目", industry: "新材料" }],
  ["落地光学膜项目前天", { kind: "landed", on: "06-18", project: "光学膜项目", industry: "新材料" }],
  ["饲料项目今天开工", { kind: "started", on: "06-20", project: "饲料项目", industry: "绿色食品", confident: false }],
  [
    "走出去赴上海拜访华谊集团洽谈新材料项目",
    { kind: "visitOut", place: "上海", counterpart: "华谊集团", industry: "新材料" },
  ],
  ["走出去昨天赴苏州拜访协鑫集团", { kind: "visitOut", on: "06-19", place: "苏州", counterpart: "协鑫集团" }],
  [
    "走出去六月十六号赴杭州对接吉利汽车",
    { kind: "visitOut", on: "06-16", place: "杭州", counterpart: "吉利汽车", industry: "高端装备" },
  ],
  [
    "走出去上礼拜二去宁波拜访均胜电子",
    { kind: "visitOut", on: "06-09", place: "宁波", counterpart: "均胜电子", industry: "电子信息" },
  ],
  [
    "请进来宁波某集团董事长一行来我镇考察纺织项目",
    { kind: "visitIn", place: "宁波", counterpart: "宁波某集团董事长一行", industry: "纺织" },
  ],
  [
    "请进来昨天深圳华强电子一行来园区考察",
    { kind: "visitIn", on: "06-19", place: "深圳", counterpart: "深圳华强电子一行", industry: "电子信息" },
  ],
  ["请进来上海某企业王总来镇洽谈", { kind: "visitIn", place: "上海", counterpart: "上海某企业王总" }],
  [
    "在谈生物医药产业园项目计划投资五个亿",
    { kind: "negotiation", project: "生物医药产业园项目", money: yi(5), industry: "生命健康" },
  ],
  [
    "在谈储能电站项目计划投资十亿元省外",
    { kind: "negotiation", project: "储能电站项目", money: yi(10), industry: "节能环保", source: "省外" },
  ],
];
