// 落地 / 开工 / 投产 / 入库 lines: the project and the day, nothing else.
import type { Row } from "./row.ts";

const NM = "新材料";
const FILM = "年产10万吨功能膜项目";

export const MILESTONE_ROWS: readonly Row[] = [
  ["开工 年产10万吨功能膜项目", { kind: "started", project: FILM, industry: NM }],
  ["开工 功能膜项目 昨天", { kind: "started", on: "06-19", project: "功能膜项目", industry: NM }],
  ["开工 今天上午 功能膜项目", { kind: "started", on: "06-20", project: "功能膜项目", industry: NM }],
  ["开工 功能膜项目今天开工", { kind: "started", on: "06-20", project: "功能膜项目", industry: NM }],
  ["开工 功能膜项目（二期）", { kind: "started", project: "功能膜项目(二期)", industry: NM }],
  ["开工 光伏二期项目2", { kind: "started", project: "光伏二期项目2", industry: "节能环保" }],
  ["开工 光伏二期项目3 6月18日", { kind: "started", on: "06-18", project: "光伏二期项目3", industry: "节能环保" }],
  ["开工 下午的饲料项目开工仪式", { kind: "started", project: "饲料项目", industry: "绿色食品" }],
  ["开工 建设年产10万吨功能膜项目", { kind: "started", project: FILM, industry: NM }],
  ["开工 这个功能膜项目 5号", { kind: "started", on: "06-05", project: "功能膜项目", industry: NM }],
  ["开工 功能膜项目 上周五", { kind: "started", on: "06-12", project: "功能膜项目", industry: NM }],
  ["开工 功能膜项目 上礼拜二", { kind: "started", on: "06-09", project: "功能膜项目", industry: NM }],
  ["开工 功能膜项目 六月十六号", { kind: "started", on: "06-16", project: "功能膜项目", industry: NM }],
  ["开工 功能膜项目 6/12", { kind: "started", on: "06-12", project: "功能膜项目", industry: NM }],
  ["开工 功能膜项目 5-26", { kind: "started", on: "05-26", project: "功能膜项目", industry: NM }],
  ["开工 功能膜项目 本月3日", { kind: "started", on: "06-03", project: "功能膜项目", industry: NM }],
  ["开工 功能膜项目 上个月28号", { kind: "started", on: "05-28", project: "功能膜项目", industry: NM }],
  ["开工 功能膜项目 大前天", { kind: "started", on: "06-17", project: "功能膜项目", industry: NM }],
  ["开工 功能膜项目 本周一", { kind: "started", on: "06-15", project: "功能膜项目", industry: NM }],
  ["开工 功能膜项目 2026.6.8", { kind: "started", on: "06-08", project: "功能膜项目", industry: NM }],
  [
    "开工 「年产5万吨 新能源电池项目」",
    { kind: "started", project: "年产5万吨 新能源电池项目", industry: "新能源汽车" },
  ],
  ["开工 汽车座椅骨架项目", { kind: "started", project: "汽车座椅骨架项目", industry: "高端装备" }],
  ["开工 标准厂房项目A区", { kind: "started", project: "标准厂房项目A区" }],
  ["开工 3.5万吨功能膜项目", { kind: "started", project: "3.5万吨功能膜项目", industry: NM }],
  ["@招商助手 /开工 功能膜项目", { kind: "started", project: "功能膜项目", industry: NM }],
  ["落地 年产10万吨功能膜项目", { kind: "landed", project: FILM, industry: NM }],
  ["落地 功能膜项目 昨儿个", { kind: "landed", on: "06-19", project: "功能膜项目", industry: NM }],
  ["投产 功能膜项目 今儿", { kind: "producing", on: "06-20", project: "功能膜项目", industry: NM }],
  ["开工 功能膜项目 昨晚", { kind: "started", on: "06-19", project: "功能膜项目", industry: NM }],
  ["落地 年产10万吨功能膜项目已完成供地", { kind: "landed", project: FILM, industry: NM }],
  ["落地 功能膜项目 前天", { kind: "landed", on: "06-18", project: "功能膜项目", industry: NM }],
  ["落地 2026年6月2日 功能膜项目", { kind: "landed", on: "06-02", project: "功能膜项目", industry: NM }],
  ["落地 有机茶精深加工项目", { kind: "landed", project: "有机茶精深加工项目", industry: "绿色食品" }],
  [
    "落地 智能仓储物流装备项目 6月10日",
    { kind: "landed", on: "06-10", project: "智能仓储物流装备项目", industry: "高端装备" },
  ],
  ["落地 项目名称：食品包装材料项目", { kind: "landed", project: "食品包装材料项目", industry: NM }],
  ["投产 年产10万吨功能膜项目", { kind: "producing", project: FILM, industry: NM }],
  ["投产 功能膜项目一期正式投产", { kind: "producing", project: "功能膜项目一期", industry: NM }],
  [
    "投产 智能车厢制造项目 上周五",
    { kind: "producing", on: "06-12", project: "智能车厢制造项目", industry: "高端装备" },
  ],
  ["投产 年产10万吨功能膜项目 今天", { kind: "producing", on: "06-20", project: FILM, industry: NM }],
  ["投产 汽车冲压件项目 6.18", { kind: "producing", on: "06-18", project: "汽车冲压件项目", industry: "高端装备" }],
  ["投产 光伏二期项目2 昨日", { kind: "producing", on: "06-19", project: "光伏二期项目2", industry: "节能环保" }],
  ["投产 一个汽车压铸件项目", { kind: "producing", project: "汽车压铸件项目", industry: "高端装备" }],
  ["入库 年产10万吨功能膜项目", { kind: "registered", project: FILM, industry: NM }],
  ["入库 年产10万吨功能膜项目 6.5", { kind: "registered", on: "06-05", project: FILM, industry: NM }],
  ["入库 功能膜项目 本月3日", { kind: "registered", on: "06-03", project: "功能膜项目", industry: NM }],
  ["入库 冷链物流园项目 28号", { kind: "registered", on: "05-28", project: "冷链物流园项目", industry: "商贸物流" }],
  ["入库 医疗器械项目 6月1号", { kind: "registered", on: "06-01", project: "医疗器械项目", industry: "生命健康" }],
  [
    "入库 纺织印染项目（二期） 昨天",
    { kind: "registered", on: "06-19", project: "纺织印染项目(二期)", industry: "纺织" },
  ],
  // "N号" glued between 项目 and the event is the day, not part of the name; a day still ahead is last month's
  ["开工 功能膜项目5号开工", { kind: "started", on: "06-05", project: "功能膜项目", industry: NM }],
  ["开工 功能膜项目25号开工", { kind: "started", on: "05-25", project: "功能膜项目", industry: NM }],
  ["投产 饲料项目18号正式投产", { kind: "producing", on: "06-18", project: "饲料项目", industry: "绿色食品" }],
  // a colon right after the name is punctuation, not a "项目:" label
  ["开工 功能膜项目：昨天", { kind: "started", on: "06-19", project: "功能膜项目", industry: NM }],
  // …but an identifier after 项目 with no event after it stays in the name
  ["开工 光伏项目3号", { kind: "started", project: "光伏项目3号", industry: "节能环保" }],
];
