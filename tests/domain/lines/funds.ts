// 到位 lines: the amount that arrived, never the project's total, output or a cumulative figure.
import { type Row, wan, wanUsd, yi } from "./row.ts";

const NM = "新材料";
const GF = "绿色食品";

export const FUNDS_ROWS: readonly Row[] = [
  [
    "到位 年产10万吨功能膜项目 3000万",
    { kind: "fundsArrived", project: "年产10万吨功能膜项目", money: wan(3000), industry: NM },
  ],
  ["到位资金 功能膜项目 1.5个亿", { kind: "fundsArrived", project: "功能膜项目", money: yi(1.5), industry: NM }],
  ["到位 功能膜项目 本月到位3000万", { kind: "fundsArrived", project: "功能膜项目", money: wan(3000), industry: NM }],
  [
    "到位 功能膜项目 总投资5亿元 本月到位3000万元",
    { kind: "fundsArrived", project: "功能膜项目", money: wan(3000), industry: NM },
  ],
  [
    "到位 功能膜项目 本月到位3000万元 累计到位1.2亿元",
    { kind: "fundsArrived", project: "功能膜项目", money: wan(3000), industry: NM },
  ],
  [
    "到位 功能膜项目 累计到位1.2亿元 本次到位3000万元",
    { kind: "fundsArrived", project: "功能膜项目", money: wan(3000), industry: NM },
  ],
  [
    "到位 功能膜项目 3000万 省外资金",
    { kind: "fundsArrived", project: "功能膜项目", money: wan(3000), industry: NM, source: "省外" },
  ],
  [
    "到位 功能膜项目 500万美元",
    { kind: "fundsArrived", project: "功能膜项目", money: wanUsd(500), industry: NM, source: "境外" },
  ],
  [
    "到位 功能膜项目 500万 美元",
    { kind: "fundsArrived", project: "功能膜项目", money: wanUsd(500), industry: NM, source: "境外" },
  ],
  ["到位 功能膜项目 到账3000万元", { kind: "fundsArrived", project: "功能膜项目", money: wan(3000), industry: NM }],
  [
    "到位 功能膜项目 实际到位资金2300万元",
    { kind: "fundsArrived", project: "功能膜项目", money: wan(2300), industry: NM },
  ],
  ["到位 功能膜项目 首期到位500万", { kind: "fundsArrived", project: "功能膜项目", money: wan(500), industry: NM }],
  [
    "到位 冷链物流园项目 1200万元 6月2日",
    { kind: "fundsArrived", on: "06-02", project: "冷链物流园项目", money: wan(1200), industry: "商贸物流" },
  ],
  [
    "到位 冷链物流园项目 1200万元 昨天",
    { kind: "fundsArrived", on: "06-19", project: "冷链物流园项目", money: wan(1200), industry: "商贸物流" },
  ],
  [
    "到位 冷链物流园项目 1200万元 15号",
    { kind: "fundsArrived", on: "06-15", project: "冷链物流园项目", money: wan(1200), industry: "商贸物流" },
  ],
  ["到位 饲料项目 800w", { kind: "fundsArrived", project: "饲料项目", money: wan(800), industry: GF }],
  [
    "到位 饲料项目 800W 上周五",
    { kind: "fundsArrived", on: "06-12", project: "饲料项目", money: wan(800), industry: GF },
  ],
  ["到位 饲料项目 3000 万元", { kind: "fundsArrived", project: "饲料项目", money: wan(3000), industry: GF }],
  ["到位 饲料项目 零点五亿", { kind: "fundsArrived", project: "饲料项目", money: yi(0.5), industry: GF }],
  ["到位 饲料项目 五千万", { kind: "fundsArrived", project: "饲料项目", money: wan(5000), industry: GF }],
  ["到位 饲料项目 两千万元", { kind: "fundsArrived", project: "饲料项目", money: wan(2000), industry: GF }],
  ["到位 饲料项目 一千二百万", { kind: "fundsArrived", project: "饲料项目", money: wan(1200), industry: GF }],
  ["到位 饲料项目 约2000万", { kind: "fundsArrived", project: "饲料项目", money: wan(2000), industry: GF }],
  ["到位 饲料项目 2000多万", { kind: "fundsArrived", project: "饲料项目", money: wan(2000), industry: GF }],
  ["到位 饲料项目 2000万左右", { kind: "fundsArrived", project: "饲料项目", money: wan(2000), industry: GF }],
  ["到位 饲料项目 ８０００万元", { kind: "fundsArrived", project: "饲料项目", money: wan(8000), industry: GF }],
  [
    "到位 饲料项目 8000万元（其中设备投资5000万）",
    { kind: "fundsArrived", project: "饲料项目", money: wan(8000), industry: GF },
  ],
  ["到位 饲料项目 8,000万元", { kind: "fundsArrived", project: "饲料项目", money: wan(8000), industry: GF }],
  ["到位 饲料项目 1亿2", { kind: "fundsArrived", project: "饲料项目", money: yi(1.2), industry: GF }],
  [
    "到位 光伏二期项目2 3000万",
    { kind: "fundsArrived", project: "光伏二期项目2", money: wan(3000), industry: "节能环保" },
  ],
  [
    "到位 「智慧物流园 二期」 1.2亿",
    { kind: "fundsArrived", project: "智慧物流园 二期", money: yi(1.2), industry: "商贸物流" },
  ],
  ["到位 那个光学膜项目 2000万", { kind: "fundsArrived", project: "光学膜项目", money: wan(2000), industry: NM }],
  [
    "到位 项目名称：光学膜项目 到位资金：2000万元",
    { kind: "fundsArrived", project: "光学膜项目", money: wan(2000), industry: NM },
  ],
  ["到位资金：功能膜项目，3000万元。", { kind: "fundsArrived", project: "功能膜项目", money: wan(3000), industry: NM }],
  [
    "到位资金 功能膜项目 3000万 市外",
    { kind: "fundsArrived", project: "功能膜项目", money: wan(3000), industry: NM, source: "市外" },
  ],
  [
    "到位 精密轴承项目 $500万",
    { kind: "fundsArrived", project: "精密轴承项目", money: wanUsd(500), industry: "高端装备", source: "境外" },
  ],
  [
    "到位 精密轴承项目 USD 500万",
    { kind: "fundsArrived", project: "精密轴承项目", money: wanUsd(500), industry: "高端装备", source: "境外" },
  ],
  [
    "到位 精密轴承项目 3000万元人民币",
    { kind: "fundsArrived", project: "精密轴承项目", money: wan(3000), industry: "高端装备" },
  ],
  [
    "到位 精密轴承项目 5.2 亿元 六月十六号",
    { kind: "fundsArrived", on: "06-16", project: "精密轴承项目", money: yi(5.2), industry: "高端装备" },
  ],
  [
    "到位 精密轴承项目 3000万 6/12",
    { kind: "fundsArrived", on: "06-12", project: "精密轴承项目", money: wan(3000), industry: "高端装备" },
  ],
  [
    "到位 精密轴承项目 3000万 5-26",
    { kind: "fundsArrived", on: "05-26", project: "精密轴承项目", money: wan(3000), industry: "高端装备" },
  ],
  [
    "到位 精密轴承项目 3000万 上个月28号",
    { kind: "fundsArrived", on: "05-28", project: "精密轴承项目", money: wan(3000), industry: "高端装备" },
  ],
  [
    "到位 精密轴承项目 3000万 本月3日",
    { kind: "fundsArrived", on: "06-03", project: "精密轴承项目", money: wan(3000), industry: "高端装备" },
  ],
  [
    "到位 精密轴承项目 3000万 上礼拜二",
    { kind: "fundsArrived", on: "06-09", project: "精密轴承项目", money: wan(3000), industry: "高端装备" },
  ],
  [
    "@招商助手 到位 精密轴承项目 3000万",
    { kind: "fundsArrived", project: "精密轴承项目", money: wan(3000), industry: "高端装备" },
  ],
];
