// Industry tags and the keywords that point to them. Both are configuration: a deployment can
// replace the table (INDUSTRY_FILE) and the set of tags that count as 制造业 (MANUFACTURING_TAGS).
import { isSeparator, wordSpans } from "./normalize.ts";

export interface IndustryTable {
  /** Tag → keywords that imply it (the tag itself always matches). */
  tags: ReadonlyArray<{ tag: string; keywords: readonly string[] }>;
  manufacturing: ReadonlySet<string>;
}

export const DEFAULT_INDUSTRIES: IndustryTable["tags"] = [
  { tag: "化工新材料", keywords: ["化工", "精细化工", "涂料", "树脂"] },
  {
    tag: "新材料",
    keywords: [
      "功能膜",
      "光学膜",
      "薄膜",
      "复合材料",
      "石墨烯",
      "碳纤维",
      "高分子",
      "新型材料",
      "生物基",
      "铝材",
      "合金",
      "再生铜",
      "再生铝",
      "再生金属",
      "铜箔",
      "铜材",
      "包装材料",
      "新型建材",
      "玻璃纤维",
      "稀土",
      "磁材",
    ],
  },
  // Parts for ordinary cars (seat frames, stampings, die castings) are 汽车零部件: equipment, not 新能源汽车.
  // "汽车" alone (an industry word, a car plant, a carmaker's name) is that car-and-parts family too:
  // 新能源汽车 needs a word that says new energy (新能源, 电动, 电池, 锂电, 充电桩, 电驱).
  {
    tag: "新能源汽车",
    keywords: ["新能源汽车零部件", "动力电池", "新能源电池", "锂电", "电池", "充电桩", "电驱", "电动汽车", "整车"],
  },
  {
    tag: "高端装备",
    keywords: [
      "装备制造",
      "高端装备",
      "智能装备",
      "智能制造",
      "机械",
      "机器人",
      "数控",
      "机床",
      "车厢",
      "装备",
      "轴承",
      "模具",
      "汽车零部件",
      "汽车配件",
      "汽车",
      "汽配",
      "座椅骨架",
      "座椅",
      "冲压件",
      "冲压",
      "压铸件",
      "压铸",
      "铸造",
      "铸件",
      "锻件",
      "钣金",
      "物流装备",
      "仓储装备",
      "设备制造",
      "液压",
      "阀门",
      "齿轮",
      "减速机",
    ],
  },
  {
    tag: "电子信息",
    keywords: ["半导体", "芯片", "集成电路", "电子", "元器件", "传感器", "光电", "显示", "5G", "通信", "软件"],
  },
  { tag: "生命健康", keywords: ["生物医药", "医药", "医疗器械", "医疗", "大健康", "康养", "制药"] },
  {
    tag: "绿色食品",
    keywords: [
      "农产品深加工",
      "农产品加工",
      "农产品",
      "食品",
      "粮油",
      "茶叶",
      "有机茶",
      "精深加工",
      "中药材",
      "农副产品",
      "饲料",
      "预制菜",
      "肉制品",
      "乳制品",
      "果蔬",
      "米业",
    ],
  },
  { tag: "纺织", keywords: ["纺织", "服装", "服饰", "家纺", "面料", "印染"] },
  { tag: "节能环保", keywords: ["节能", "环保", "固废", "污水处理", "光伏", "风电", "储能", "新能源"] },
  { tag: "商贸物流", keywords: ["物流", "仓储", "商贸", "电商", "电子商务", "供应链", "冷链"] },
  { tag: "文旅", keywords: ["文旅", "旅游", "文化", "民宿", "景区", "度假"] },
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
  /** Span of the word that gave the tag. */
  start: number;
  end: number;
  /** The word stood on its own (a tag the user typed), rather than inside a name. */
  explicit: boolean;
}

interface Index {
  /** Every tag and keyword → its tag. A tag name always means itself; a keyword, its first tag. */
  words: Map<string, string>;
  /** Words by the code of their first UTF-16 unit, longest first, for the left-to-right keyword scan. */
  byFirst: Map<number, Array<{ word: string; tag: string }>>;
  /** 1 for UTF-16 units that start some word: most characters are skipped without a Map lookup. */
  starts: Uint8Array;
}

const INDEXES = new WeakMap<IndustryTable["tags"], Index>();

function indexOf(table: IndustryTable): Index {
  const cached = INDEXES.get(table.tags);
  if (cached) return cached;
  const words = new Map<string, string>();
  for (const { tag } of table.tags) if (!words.has(tag)) words.set(tag, tag);
  for (const { tag, keywords } of table.tags) for (const k of keywords) if (k && !words.has(k)) words.set(k, tag);
  const byFirst = new Map<number, Array<{ word: string; tag: string }>>();
  for (const [word, tag] of words) {
    const list = byFirst.get(word.charCodeAt(0)) ?? [];
    list.push({ word, tag });
    byFirst.set(word.charCodeAt(0), list);
  }
  const starts = new Uint8Array(0x10000);
  for (const [first, list] of byFirst) {
    list.sort((a, b) => b.word.length - a.word.length);
    starts[first] = 1;
  }
  const index = { words, byFirst, starts };
  INDEXES.set(table.tags, index);
  return index;
}

/** "产业"/"行业" after a tag still name the tag: "新材料产业", "纺织行业". */
const TAG_SUFFIXES = ["产业", "行业", "领域", "类"];

/** The tag a whole word names: a tag or keyword, optionally followed by 产业/行业/领域/类. */
export function industryOfWord(word: string, table: IndustryTable): string | null {
  const { words, starts } = indexOf(table);
  // Every tag and keyword (and so every word with a suffix after one) starts with a known unit.
  if (starts[word.charCodeAt(0)] !== 1) return null;
  const hit = words.get(word);
  if (hit !== undefined) return hit;
  for (const suffix of TAG_SUFFIXES) {
    if (word.length > suffix.length && word.endsWith(suffix)) {
      const base = words.get(word.slice(0, -suffix.length));
      if (base !== undefined) return base;
    }
  }
  return null;
}

/**
 * The tag of the first word that holds a keyword: "年产10万吨功能膜项目" → 新材料. Within that word the
 * keyword that ends last wins, because Chinese compounds put the head last: "智能仓储物流装备" is
 * 装备 (equipment), "食品包装材料" is a material, "汽车座椅骨架" a car part.
 */
export function findImpliedIndustry(text: string, table: IndustryTable): IndustryMatch | null {
  const { byFirst, starts } = indexOf(table);
  let best: IndustryMatch | null = null;
  for (let i = 0; i < text.length; i++) {
    if (best !== null && isSeparator(text, i)) {
      if (i >= best.end) break;
      continue;
    }
    const c = text.charCodeAt(i);
    if (starts[c] === 0) continue;
    const list = byFirst.get(c);
    if (!list) continue;
    for (const { word, tag } of list) {
      if (!text.startsWith(word, i)) continue;
      const end = i + word.length;
      if (best === null || end > best.end) best = { tag, start: i, end, explicit: false };
      break;
    }
  }
  return best;
}

/**
 * Finds the industry of a report. A tag or keyword written as its own word ("新材料",
 * "装备制造") wins over a keyword buried in a name ("年产10万吨功能膜项目"), so people can always
 * correct the guess; otherwise the first keyword in the text decides.
 */
export function findIndustry(text: string, table: IndustryTable): IndustryMatch | null {
  for (const { start, end } of wordSpans(text)) {
    const tag = industryOfWord(text.slice(start, end), table);
    if (tag !== null) return { tag, start, end, explicit: true };
  }
  return findImpliedIndustry(text, table);
}
