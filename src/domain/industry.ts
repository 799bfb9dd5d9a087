// Industry tags and the keywords that point to them. Both are configuration: a deployment can
// replace the table (INDUSTRY_FILE) and the set of tags that count as 制造业 (MANUFACTURING_TAGS).

export interface IndustryTable {
  /** Tag → keywords that imply it (the tag itself always matches). Order matters: first hit wins. */
  tags: ReadonlyArray<{ tag: string; keywords: readonly string[] }>;
  manufacturing: ReadonlySet<string>;
}

export const DEFAULT_INDUSTRIES: IndustryTable["tags"] = [
  { tag: "化工新材料", keywords: ["化工", "精细化工", "涂料", "树脂"] },
  { tag: "新材料", keywords: ["功能膜", "薄膜", "复合材料", "石墨烯", "碳纤维", "高分子", "新型材料", "铝材", "合金"] },
  { tag: "新能源汽车", keywords: ["汽车零部件", "汽车", "动力电池", "锂电", "充电桩", "电驱"] },
  { tag: "高端装备", keywords: ["装备制造", "高端装备", "智能装备", "机械", "机器人", "数控", "车厢", "装备"] },
  { tag: "电子信息", keywords: ["半导体", "芯片", "集成电路", "电子", "光电", "显示", "5G", "通信", "软件"] },
  { tag: "生命健康", keywords: ["生物医药", "医药", "医疗器械", "医疗", "大健康", "康养", "制药"] },
  { tag: "绿色食品", keywords: ["农产品深加工", "农产品加工", "食品", "粮油", "茶叶", "中药材", "农副产品"] },
  { tag: "纺织", keywords: ["纺织", "服装", "服饰", "家纺", "面料", "印染"] },
  { tag: "节能环保", keywords: ["节能", "环保", "固废", "污水处理", "光伏", "储能", "新能源"] },
  { tag: "商贸物流", keywords: ["物流", "仓储", "商贸", "电商", "冷链"] },
  { tag: "文旅", keywords: ["文旅", "旅游", "文化", "民宿", "景区"] },
  { tag: "现代服务业", keywords: ["服务业", "金融", "总部", "研发中心", "数据中心", "咨询"] },
];

/** Services, trade and tourism are not manufacturing; every other default tag is. */
export const DEFAULT_MANUFACTURING = [
  "化工新材料",
  "新材料",
  "新能源汽车",
  "高端装备",
  "电子信息",
  "生命健康",
  "绿色食品",
  "纺织",
  "节能环保",
];

export function createIndustryTable(
  tags: IndustryTable["tags"] = DEFAULT_INDUSTRIES,
  manufacturing: readonly string[] = DEFAULT_MANUFACTURING,
): IndustryTable {
  return { tags, manufacturing: new Set(manufacturing) };
}

export interface IndustryMatch {
  tag: string;
  /** Span of an explicit tag word standing on its own in the text, so the parser can drop it. */
  start: number;
  end: number;
  explicit: boolean;
}

/**
 * Finds the industry of a report. An explicit tag written as its own word ("新材料") wins over a
 * keyword buried in a name ("年产10万吨功能膜项目"), so people can always correct the guess.
 */
export function findIndustry(text: string, table: IndustryTable): IndustryMatch | null {
  let best: IndustryMatch | null = null;
  for (const { tag } of table.tags) {
    const at = text.indexOf(tag);
    if (at !== -1 && standsAlone(text, at, at + tag.length) && (!best || at < best.start)) {
      best = { tag, start: at, end: at + tag.length, explicit: true };
    }
  }
  if (best) return best;
  let first: IndustryMatch | null = null;
  for (const { tag, keywords } of table.tags) {
    for (const word of [tag, ...keywords]) {
      const at = text.indexOf(word);
      if (at !== -1 && (!first || at < first.start)) first = { tag, start: at, end: at + word.length, explicit: false };
    }
  }
  return first;
}

const SEPARATORS = " ,.;:!?()[]、，。；：！？（）【】\"'“”「」《》";

function standsAlone(text: string, start: number, end: number): boolean {
  const before = start === 0 ? " " : text[start - 1]!;
  const after = end >= text.length ? " " : text[end]!;
  return SEPARATORS.includes(before) && (SEPARATORS.includes(after) || after === "项" || after === "产");
}
