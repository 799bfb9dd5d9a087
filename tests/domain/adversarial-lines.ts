// 1,000-character lines shaped to hurt a parser: long runs of what each scanner looks for
// (openers without closers, digits without units, units without digits, date heads without
// tails, lead words without amounts), and a seeded random soup of all of them.

/** Pieces each scanner reacts to. */
const PIECES = [
  "「",
  "“",
  "《",
  "『",
  '"',
  "(其中",
  "其中",
  "(含",
  "与",
  "洽谈",
  "一行",
  "来我",
  "来",
  "赴",
  "到",
  "拜访",
  "5",
  "5.",
  "3.5",
  "2026年",
  "3月",
  "5日",
  "5号",
  "-",
  "/",
  "至",
  "周",
  "上周",
  "礼拜",
  "上个月",
  "本月",
  "万",
  "亿",
  "5亿",
  "五",
  "零点",
  "点",
  "3000万",
  "多",
  "余",
  "约",
  "w",
  "W",
  "负",
  "-5亿",
  "元",
  "美元",
  "总投资",
  "投资",
  "计划投资",
  "注册资本",
  "年产值",
  "一期",
  "年产",
  "吨",
  "亩",
  "/亩",
  "项目",
  "项目2",
  "项目名称:",
  "项目名:",
  "项目5号",
  "25号开工",
  "ｅ",
  "\u3000",
  "🎉",
  "亿元以上项目:",
  "一个",
  "那个",
  "的",
  "【",
  "】",
  "@",
  " ",
  "上海",
  "浙江",
  "日本",
  "东京",
  "沪",
  "长三角",
  "汽车",
  "座椅骨架",
  "食品",
  "新材料",
  "省外",
  "境外",
  "签约",
  "到位",
  "开工",
  "投产",
  "嗯",
  "今天",
  "近日",
  "上旬",
  "6月31日",
  "六月十六号",
  "签约于",
  "签约时间:",
  "去年",
  "大前年",
  "2025.",
  "2025-5-",
  "已",
];

/** Deterministic 32-bit generator (mulberry32), so a failure can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const fill = (piece: string, length = 1000) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length);

export function adversarialLines(): string[] {
  const lines = PIECES.map((p) => fill(p));
  // Pairs: an opener and what almost closes it, a number and what almost makes it money.
  for (const pair of [
    "「5亿",
    "5.5.",
    "5-5-",
    "3月5",
    "周一至",
    "与X洽",
    "5万5",
    "一二三四五六七八九十",
    "5亿项目",
    "赴上海",
    "项目项目2",
    "零点零点",
    "5 万 ",
    "5w5W",
    "--5亿",
    "@a ",
  ]) {
    lines.push(fill(pair));
  }
  const random = rng(20261201);
  for (let n = 0; n < 40; n++) {
    let line = "";
    while (line.length < 1000) line += PIECES[Math.floor(random() * PIECES.length)]!;
    lines.push(line.slice(0, 1000));
  }
  return lines;
}
