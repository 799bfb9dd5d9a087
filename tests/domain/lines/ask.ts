// Lines the bot must ask about (its best reading, nothing stored) and lines it must refuse.
import { type AskRow, wan, yi } from "./row.ts";

/** ok with a doubt: [line, a word the doubt contains, what the best reading holds]. */
export const DOUBT_ROWS: readonly AskRow[] = [
  ["签约 功能膜项目 5亿 3000万", "两个金额", { money: yi(5) }],
  ["签约 功能膜项目 3000万 5亿 省外", "两个金额", { money: wan(3000) }],
  ["签约 功能膜项目 8000万 2000万 新材料", "两个金额"],
  ["在谈 功能膜项目 5亿 8亿", "两个金额"],
  ["到位 功能膜项目 3000万 2000万", "两个金额", { money: wan(3000) }],
  ["签约 功能膜项目 计划投资5亿 投资3亿", "两个金额"],
  ["签约 功能膜项目 总投资3-5亿", "范围"],
  ["在谈 功能膜项目 计划投资5000万-1亿", "范围"],
  ["签约 功能膜项目 一期投资2亿", "一期", { money: yi(2) }],
  ["签约 功能膜项目 首期投资8000万", "一期", { money: wan(8000) }],
  ["到位 功能膜项目 累计到位1.2亿", "累计", { money: yi(1.2) }],
  ["到位 功能膜项目 总投资5亿", "总投资", { money: yi(5) }],
  ["签约 光伏项目合作方很满意 3亿", "合作方很满意", { project: "光伏项目" }],
  ["开工 功能膜项目隔壁 昨天", "隔壁", { project: "功能膜项目" }],
];

/** Lines the detector reads but must ask about (confident false): [line, kind]. */
export const UNSURE_KIND_ROWS: ReadonlyArray<readonly [string, string]> = [
  ["今天去苏州见了两家企业", "visitOut"],
  ["昨天接待了深圳客商", "visitIn"],
  ["赴上海与华谊集团洽谈签约事宜", "visitOut"],
  ["功能膜项目签约并开工", "started"],
  ["年产5万吨再生铜项目 总投资6亿元", "signing"],
  ["功能膜项目计划签约 5亿", "negotiation"],
  ["宁波客商一行来城西考察", "visitIn"],
];

/** ok false: [line, a word the refusal contains]. */
export const REFUSAL_ROWS: readonly AskRow[] = [
  // a minus sign is never dropped
  ["签约 功能膜项目 -3000万", "负数"],
  ["签约 功能膜项目 计划投资-1亿", "负数"],
  ["到位 功能膜项目 -500万", "负数"],
  ["到位 功能膜项目 负3000万", "负数"],
  ["签约 功能膜项目 总投资：-2亿元", "负数"],
  ["在谈 功能膜项目 投资额-8000万", "负数"],
  // only the registered capital: ask for the total
  ["签约 功能膜项目 注册资本5000万", "总投资"],
  ["签约 功能膜项目 注册资金1亿元 新材料", "总投资"],
  // no amount, or only output/tax
  ["签约 年产10万吨功能膜项目", "投资额"],
  ["签约 功能膜项目 年产值10亿元", "投资额"],
  ["签约 功能膜项目 年纳税2000万", "投资额"],
  ["签约 功能膜项目 投资强度300万元/亩", "投资额"],
  ["到位 年产10万吨功能膜项目", "到位金额"],
  // no project name
  ["签约 5.2亿元 省外", "项目名称"],
  ["签约 与华谊集团签约 5亿", "项目名称"],
  ["签约 总投资5亿元 新材料 省外", "项目名称"],
  ["到位 3000万", "项目名称"],
  ["开工 昨天", "项目名称"],
  ["签约", "项目名称"],
  // impossible dates
  ["签约 功能膜项目 5亿 6月31日", "6月只有30天"],
  ["签约 功能膜项目 5亿 2月30日", "2月只有28天"],
  ["开工 功能膜项目 2026-02-30", "2月只有28天"],
  ["开工 功能膜项目 13月5日", "没有13月"],
  ["到位 功能膜项目 3000万 四月三十一日", "4月只有30天"],
  ["开工 功能膜项目 本月31号", "6月只有30天"],
  // dates that name no day: never today
  ["开工 功能膜项目 近日", "近日"],
  ["签约 功能膜项目 5亿 上周", "上周"],
  ["到位 功能膜项目 3000万 上个月", "上个月"],
  ["走出去 前几天赴上海拜访华谊集团", "前几天"],
  ["请进来 月初 宁波客商来访", "月初"],
  ["开工 功能膜项目 日前", "日前"],
  ["投产 功能膜项目 上旬", "上旬"],
  ["走出去 6月赴上海拜访华谊集团", "6月"],
  ["签约 功能膜项目 5亿 三月份", "三月份"],
  ["开工 功能膜项目 上半年", "上半年"],
  // visits without whom or where
  ["走出去", "去了哪里"],
  ["走出去 昨天", "去了哪里"],
  ["请进来 前天", "是谁来考察"],
];

/** Plans are not the report's date: these lines are read (dated today), not refused. */
export const PLAN_ROWS: readonly string[] = [
  "签约 功能膜项目 5亿 预计12月投产",
  "签约 功能膜项目 5亿 明年3月开工",
  "签约 功能膜项目 5亿 力争年底建成投产",
  "签约 功能膜项目 5亿 6个月建成",
  "在谈 功能膜项目 5亿 计划下半年签约",
];
