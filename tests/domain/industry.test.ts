import { describe, expect, it } from "vitest";
import {
  createIndustryTable,
  DEFAULT_INDUSTRIES,
  DEFAULT_MANUFACTURING,
  findImpliedIndustry,
  findIndustry,
  industryOfWord,
} from "../../src/domain/industry.ts";

const table = createIndustryTable();

/** The tag and whether it was typed as its own word. */
function found(text: string, t = table): [string, boolean] | null {
  const m = findIndustry(text, t);
  return m ? [m.tag, m.explicit] : null;
}

describe("findIndustry", () => {
  it.each([
    // a tag or keyword typed as its own word is explicit
    ["年产10万吨功能膜项目 5.2亿元 新材料 省外", ["新材料", true]],
    ["智能车厢制造项目 总投资3000万 装备制造", ["高端装备", true]],
    ["生物医药产业园项目 生物医药", ["生命健康", true]],
    ["农产品深加工", ["绿色食品", true]],
    ["某项目，纺织行业", ["纺织", true]],
    ["新材料产业", ["新材料", true]],
    // an explicit word beats an earlier keyword inside a name
    ["汽车零部件项目 5000万 装备制造", ["高端装备", true]],
    ["功能膜项目 化工新材料", ["化工新材料", true]],
    // keywords imply the tag: the first in the text, the longest at a position
    ["年产10万吨功能膜项目", ["新材料", false]],
    ["汽车零部件产业园项目", ["高端装备", false]],
    ["新能源汽车零部件", ["新能源汽车", true]],
    ["汽车座椅骨架项目", ["高端装备", false]],
    ["汽车冲压件项目", ["高端装备", false]],
    ["汽车压铸件生产项目", ["高端装备", false]],
    ["智能仓储物流装备项目", ["高端装备", false]],
    ["食品包装材料项目", ["新材料", false]],
    ["有机茶精深加工项目", ["绿色食品", false]],
    ["农产品冷链物流园项目", ["商贸物流", false]],
    ["吉利汽车", ["高端装备", false]], // "汽车" alone: the car-and-parts family, not 新能源汽车
    ["电动汽车", ["新能源汽车", true]],
    ["新能源电池项目", ["新能源汽车", false]],
    ["光伏支架项目", ["节能环保", false]],
    ["化工新材料项目", ["化工新材料", false]],
    ["冷链物流园项目", ["商贸物流", false]],
    ["电子商务产业园", ["商贸物流", false]],
    ["数据中心项目", ["现代服务业", false]],
    ["乡村民宿集群项目", ["文旅", false]],
    ["年产20万吨饲料项目", ["绿色食品", false]],
    ["占地1300亩的智能制造产业园项目", ["高端装备", false]],
    // a tag inside a name is not explicit ("新材料产业园项目" is a name, not a tag)
    ["新材料产业园项目", ["新材料", false]],
    ["洽谈新材料项目", ["新材料", false]],
  ] as const)("%s → %j", (text, want) => {
    expect(found(text)).toEqual(want);
  });

  it("finds nothing in a line without industry words", () => {
    expect(found("文明创建项目 5亿")).toBeNull();
    expect(found("")).toBeNull();
  });

  it("reports the span of the word that decided", () => {
    const text = "功能膜项目 装备制造";
    const m = findIndustry(text, table)!;
    expect(text.slice(m.start, m.end)).toBe("装备制造");
    const implied = findImpliedIndustry("年产10万吨功能膜项目", table)!;
    expect("年产10万吨功能膜项目".slice(implied.start, implied.end)).toBe("功能膜");
  });
});

describe("industryOfWord", () => {
  it.each([
    ["新材料", "新材料"],
    ["装备制造", "高端装备"],
    ["高端装备", "高端装备"],
    ["生物医药", "生命健康"],
    ["文旅", "文旅"],
    ["纺织行业", "纺织"],
    ["电子信息产业", "电子信息"],
    ["节能环保领域", "节能环保"],
  ])("%s → %s", (word, tag) => {
    expect(industryOfWord(word, table)).toBe(tag);
  });

  it.each(["新材料产业园", "功能膜项目", "产业", "", "华谊集团"])("%j is no industry word", (word) => {
    expect(industryOfWord(word, table)).toBeNull();
  });
});

describe("manufacturing defaults", () => {
  it.each(["现代服务业", "商贸物流", "文旅"])("%s is not manufacturing", (tag) => {
    expect(table.manufacturing.has(tag)).toBe(false);
  });

  it("every other default tag is manufacturing", () => {
    const others = DEFAULT_INDUSTRIES.map((t) => t.tag).filter((t) => !["现代服务业", "商贸物流", "文旅"].includes(t));
    expect(others.length).toBeGreaterThan(0);
    for (const tag of others) expect(table.manufacturing.has(tag)).toBe(true);
    expect([...table.manufacturing].sort()).toEqual([...DEFAULT_MANUFACTURING].sort());
  });

  it("every domain.md tag is known (directly or as a keyword)", () => {
    const domainTags = [
      "新材料",
      "高端装备",
      "装备制造",
      "新能源汽车",
      "绿色食品",
      "农产品深加工",
      "电子信息",
      "生命健康",
      "生物医药",
      "现代服务业",
      "商贸物流",
      "文旅",
      "纺织",
      "化工新材料",
      "节能环保",
    ];
    for (const word of domainTags) expect(industryOfWord(word, table), word).not.toBeNull();
  });
});

describe("a custom table", () => {
  const custom = createIndustryTable(
    [
      { tag: "数字经济", keywords: ["算力", "大数据", "软件"] },
      { tag: "新能源", keywords: ["光伏", "风电", "储能"] },
      { tag: "文旅", keywords: ["民宿"] },
    ],
    ["新能源"],
  );

  it("uses its own tags and keywords", () => {
    expect(found("算力中心项目", custom)).toEqual(["数字经济", false]);
    expect(found("光伏支架项目", custom)).toEqual(["新能源", false]);
    expect(found("某项目 数字经济", custom)).toEqual(["数字经济", true]);
    expect(found("年产10万吨功能膜项目", custom)).toBeNull();
  });

  it("uses its own manufacturing set", () => {
    expect(custom.manufacturing.has("新能源")).toBe(true);
    expect(custom.manufacturing.has("数字经济")).toBe(false);
  });

  it("a tag name always means that tag, even if an earlier tag lists it as a keyword", () => {
    const t = createIndustryTable([
      { tag: "制造业", keywords: ["纺织"] },
      { tag: "纺织", keywords: [] },
    ]);
    expect(industryOfWord("纺织", t)).toBe("纺织");
  });

  it("a keyword listed under two tags belongs to the first", () => {
    const t = createIndustryTable([
      { tag: "甲", keywords: ["共用词"] },
      { tag: "乙", keywords: ["共用词"] },
    ]);
    expect(found("共用词项目", t)).toEqual(["甲", false]);
  });
});
