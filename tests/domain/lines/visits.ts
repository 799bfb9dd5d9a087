// 走出去 and 请进来 lines: where we went or who came, not what the trip was for.
import type { Row } from "./row.ts";

export const VISIT_OUT_ROWS: readonly Row[] = [
  [
    "走出去 赴上海拜访华谊集团，洽谈新材料项目",
    { kind: "visitOut", place: "上海", counterpart: "华谊集团", industry: "新材料" },
  ],
  [
    "走出去 3月5日 深圳 比亚迪 新能源汽车零部件",
    { kind: "visitOut", on: "03-05", place: "深圳", counterpart: "比亚迪", industry: "新能源汽车" },
  ],
  ["走出去 赴合肥对接京东方科技集团", { kind: "visitOut", place: "合肥", counterpart: "京东方科技集团" }],
  [
    "走出去 赴苏州与协鑫集团洽谈光伏项目",
    { kind: "visitOut", place: "苏州", counterpart: "协鑫集团", industry: "节能环保" },
  ],
  ["走出去 县长带队赴深圳招商", { kind: "visitOut", place: "深圳" }],
  ["走出去 赴日本东京拜访丰田通商", { kind: "visitOut", place: "东京", counterpart: "丰田通商" }],
  ["走出去 赴日本东京参加招商推介会", { kind: "visitOut", place: "东京", counterpart: "招商推介会" }],
  ["走出去 赴浙江杭州拜访吉利汽车", { kind: "visitOut", place: "杭州", counterpart: "吉利汽车", industry: "高端装备" }],
  ["走出去 赴浙江省杭州市拜访海康威视", { kind: "visitOut", place: "杭州", counterpart: "海康威视" }],
  ["走出去 赴江苏苏州对接协鑫集团", { kind: "visitOut", place: "苏州", counterpart: "协鑫集团" }],
  ["走出去 赴慈溪拜访方太集团", { kind: "visitOut", place: "慈溪", counterpart: "方太集团" }],
  ["走出去 赴义乌对接小商品城", { kind: "visitOut", place: "义乌", counterpart: "小商品城" }],
  ["走出去 赴昆山拜访富士康", { kind: "visitOut", place: "昆山", counterpart: "富士康" }],
  ["走出去 赴苏州昆山拜访富士康", { kind: "visitOut", place: "昆山", counterpart: "富士康" }],
  ["走出去 赴晋江拜访安踏集团 纺织", { kind: "visitOut", place: "晋江", counterpart: "安踏集团", industry: "纺织" }],
  ["走出去 赴沪拜访华谊集团", { kind: "visitOut", place: "上海", counterpart: "华谊集团" }],
  ["走出去 赴甬对接均胜电子", { kind: "visitOut", place: "宁波", counterpart: "均胜电子", industry: "电子信息" }],
  ["走出去 赴深拜访华为", { kind: "visitOut", place: "深圳", counterpart: "华为" }],
  ["走出去 在沪参加进博会", { kind: "visitOut", place: "上海", counterpart: "进博会" }],
  ["走出去 赴德国慕尼黑参加宝马供应商大会", { kind: "visitOut", place: "慕尼黑", counterpart: "宝马供应商大会" }],
  ["走出去 赴新加坡拜访淡马锡", { kind: "visitOut", place: "新加坡", counterpart: "淡马锡" }],
  ["走出去 赴韩国首尔拜访三星电子", { kind: "visitOut", place: "首尔", counterpart: "三星电子", industry: "电子信息" }],
  ["走出去 赴迪拜参加中东投资峰会", { kind: "visitOut", place: "迪拜", counterpart: "中东投资峰会" }],
  ["走出去 赴长三角开展招商", { kind: "visitOut", place: "长三角" }],
  ["走出去 赴珠三角对接电子企业", { kind: "visitOut", place: "珠三角", counterpart: "电子企业", industry: "电子信息" }],
  ["走出去 赴粤港澳大湾区招商推介", { kind: "visitOut", place: "粤港澳大湾区" }],
  ["走出去 赴大湾区拜访比亚迪", { kind: "visitOut", place: "粤港澳大湾区", counterpart: "比亚迪" }],
  [
    "走出去 昨天 赴宁波走访舜宇光学 洽谈光电项目 电子信息",
    { kind: "visitOut", on: "06-19", place: "宁波", counterpart: "舜宇光学", industry: "电子信息" },
  ],
  [
    "走出去 上周五 赴杭州拜访吉利汽车",
    { kind: "visitOut", on: "06-12", place: "杭州", counterpart: "吉利汽车", industry: "高端装备" },
  ],
  ["走出去 6月16日至17日 赴深圳参加高交会", { kind: "visitOut", on: "06-16", place: "深圳", counterpart: "高交会" }],
  ["走出去 六月十六号 赴无锡拜访海澜集团", { kind: "visitOut", on: "06-16", place: "无锡", counterpart: "海澜集团" }],
  ["走出去 上礼拜二 赴常州对接天合光能", { kind: "visitOut", on: "06-09", place: "常州", counterpart: "天合光能" }],
  ["走出去 5号 赴南京拜访南钢集团", { kind: "visitOut", on: "06-05", place: "南京", counterpart: "南钢集团" }],
  [
    "走出去 6/12 赴武汉对接东风汽车",
    { kind: "visitOut", on: "06-12", place: "武汉", counterpart: "东风汽车", industry: "高端装备" },
  ],
  ["走出去 5-26 赴成都拜访通威股份", { kind: "visitOut", on: "05-26", place: "成都", counterpart: "通威股份" }],
  ["走出去 本月3日 赴厦门参加投洽会", { kind: "visitOut", on: "06-03", place: "厦门", counterpart: "投洽会" }],
  ["走出去 上个月28号 赴广州拜访广汽集团", { kind: "visitOut", on: "05-28", place: "广州", counterpart: "广汽集团" }],
  [
    "走出去 前往成都对接通威股份 光伏",
    { kind: "visitOut", place: "成都", counterpart: "通威股份", industry: "节能环保" },
  ],
  [
    "走出去 赴北京参加2026中国国际服务贸易交易会",
    { kind: "visitOut", place: "北京", counterpart: "2026中国国际服务贸易交易会" },
  ],
  [
    "走出去 赴无锡拜访了海澜集团就服装项目进行洽谈",
    { kind: "visitOut", place: "无锡", counterpart: "海澜集团", industry: "纺织" },
  ],
  ["走出去 赴青岛拜访海尔集团", { kind: "visitOut", place: "青岛", counterpart: "海尔集团" }],
  ["走出去 赴温州对接正泰集团", { kind: "visitOut", place: "温州", counterpart: "正泰集团" }],
  ["@招商助手：走出去，赴上海拜访华谊集团！", { kind: "visitOut", place: "上海", counterpart: "华谊集团" }],
  [
    "走出去：6.16 赴苏州参加长三角招商推介会",
    { kind: "visitOut", on: "06-16", place: "苏州", counterpart: "长三角招商推介会" },
  ],
  ["走出去 赴上海浦东拜访上汽集团", { kind: "visitOut", place: "浦东", counterpart: "上汽集团" }],
  // no visit verb: the place word and the name beside it
  ["走出去 上海 华谊集团", { kind: "visitOut", place: "上海", counterpart: "华谊集团" }],
  ["走出去 上海，华谊集团", { kind: "visitOut", place: "上海", counterpart: "华谊集团" }],
  ["走出去 上海市 华谊集团 新材料", { kind: "visitOut", place: "上海", counterpart: "华谊集团", industry: "新材料" }],
  ["走出去 6月18日 浙江 杭州 吉利集团", { kind: "visitOut", on: "06-18", place: "杭州", counterpart: "吉利集团" }],
];

export const VISIT_IN_ROWS: readonly Row[] = [
  [
    "请进来 宁波某集团董事长一行来我镇考察纺织项目",
    { kind: "visitIn", place: "宁波", counterpart: "宁波某集团董事长一行", industry: "纺织" },
  ],
  [
    "请进来 宁波某集团董事长一行来城西考察纺织项目",
    { kind: "visitIn", place: "宁波", counterpart: "宁波某集团董事长一行", industry: "纺织" },
  ],
  [
    "请进来 深圳华强电子一行来园区洽谈",
    { kind: "visitIn", place: "深圳", counterpart: "深圳华强电子一行", industry: "电子信息" },
  ],
  [
    "请进来 上海某新材料企业来我区对接",
    { kind: "visitIn", place: "上海", counterpart: "上海某新材料企业", industry: "新材料" },
  ],
  [
    "请进来 杭州某公司总经理一行来镇考察光伏项目",
    { kind: "visitIn", place: "杭州", counterpart: "杭州某公司总经理一行", industry: "节能环保" },
  ],
  ["请进来 江苏恒力集团一行来城东考察", { kind: "visitIn", place: "江苏", counterpart: "江苏恒力集团一行" }],
  ["请进来 比亚迪一行到我区考察新能源汽车项目", { kind: "visitIn", counterpart: "比亚迪一行", industry: "新能源汽车" }],
  [
    "请进来 香港某投资公司一行3人莅临开发区考察",
    { kind: "visitIn", place: "香港", counterpart: "香港某投资公司一行3人" },
  ],
  [
    "请进来 浙江吉利控股集团副总裁王某莅临考察",
    { kind: "visitIn", place: "浙江", counterpart: "浙江吉利控股集团副总裁王某" },
  ],
  ["请进来 接待江苏恒力集团考察团一行", { kind: "visitIn", place: "江苏", counterpart: "江苏恒力集团考察团一行" }],
  ["请进来 接待比亚迪汽车考察团", { kind: "visitIn", counterpart: "比亚迪汽车考察团", industry: "高端装备" }],
  [
    "请进来 台湾某电子企业总经理来访，洽谈芯片封装项目",
    { kind: "visitIn", place: "台湾", counterpart: "台湾某电子企业总经理", industry: "电子信息" },
  ],
  ["请进来 接待香港客商洽谈文旅项目", { kind: "visitIn", place: "香港", counterpart: "香港客商", industry: "文旅" }],
  [
    "请进来 昨天 接待深圳华强电子考察团 电子信息",
    { kind: "visitIn", on: "06-19", place: "深圳", counterpart: "深圳华强电子考察团", industry: "电子信息" },
  ],
  ["请进来 6.18 苏州客商来访", { kind: "visitIn", on: "06-18", place: "苏州", counterpart: "苏州客商" }],
  [
    "请进来 上周五 宁波均胜电子副总来园区对接汽车零部件项目",
    { kind: "visitIn", on: "06-12", place: "宁波", counterpart: "宁波均胜电子副总", industry: "高端装备" },
  ],
  ["请进来 5号 日本某商社一行来县考察", { kind: "visitIn", on: "06-05", place: "日本", counterpart: "日本某商社一行" }],
  ["请进来 上海交通大学李教授团队来镇交流", { kind: "visitIn", place: "上海", counterpart: "上海交通大学李教授团队" }],
  [
    "请进来 广东某食品企业董事长来我镇考察预制菜项目",
    { kind: "visitIn", place: "广东", counterpart: "广东某食品企业董事长", industry: "绿色食品" },
  ],
  ["请进来 中国建材集团一行莅临考察", { kind: "visitIn", counterpart: "中国建材集团一行" }],
  [
    "请进来 安徽某机械企业来访",
    { kind: "visitIn", place: "安徽", counterpart: "安徽某机械企业", industry: "高端装备" },
  ],
  ["请进来 苏州某基金管理人来园区洽谈", { kind: "visitIn", place: "苏州", counterpart: "苏州某基金管理人" }],
  [
    "请进来 德国某汽车零部件企业代表团一行5人到访",
    { kind: "visitIn", place: "德国", counterpart: "德国某汽车零部件企业代表团一行5人", industry: "高端装备" },
  ],
  [
    "请进来 六月十六号 温州商会一行来我县考察",
    { kind: "visitIn", on: "06-16", place: "温州", counterpart: "温州商会一行" },
  ],
  [
    "请进来 义乌某电商企业来园区对接",
    { kind: "visitIn", place: "义乌", counterpart: "义乌某电商企业", industry: "商贸物流" },
  ],
];
