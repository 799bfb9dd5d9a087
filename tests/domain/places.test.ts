import { describe, expect, it } from "vitest";
import { CITIES, FOREIGN, PROVINCES, findPlace } from "../../src/domain/places.ts";

/** Canonical name and the exact text the span covers. */
function found(text: string): { name: string; written: string } | null {
  const m = findPlace(text);
  return m ? { name: m.name, written: text.slice(m.start, m.end) } : null;
}

describe("findPlace", () => {
  it.each([
    ["赴上海拜访华谊集团,洽谈新材料项目", "上海", "上海"],
    ["走出去 3月5日 深圳 比亚迪 新能源汽车零部件", "深圳", "深圳"],
    ["宁波某集团董事长一行来我镇考察纺织项目", "宁波", "宁波"],
    ["赴苏州市工业园区", "苏州", "苏州市"],
    ["到苏州市", "苏州", "苏州市"],
    ["赴恩施土家族苗族自治州", "恩施", "恩施土家族苗族自治州"],
    ["赴延边朝鲜族自治州考察", "延边", "延边朝鲜族自治州"],
    ["赴大理白族自治州", "大理", "大理白族自治州"],
    ["前往恩施州对接", "恩施", "恩施州"],
    ["赴锡林郭勒盟", "锡林郭勒", "锡林郭勒盟"],
    ["赴广西壮族自治区南宁", "南宁", "广西壮族自治区南宁"],
    ["内蒙古自治区客商来访", "内蒙古", "内蒙古自治区"],
    ["赴新疆维吾尔自治区", "新疆", "新疆维吾尔自治区"],
    ["香港特别行政区客商来访", "香港", "香港特别行政区"],
    ["赴江苏省南京市", "南京", "江苏省南京市"],
    ["广东客商来访", "广东", "广东"],
    ["赴北京市", "北京", "北京市"],
    ["赴日本东京", "东京", "日本东京"],
    ["赴 德国 慕尼黑", "慕尼黑", "德国 慕尼黑"],
    ["印尼客商来访", "印度尼西亚", "印尼"],
    ["赴大兴安岭地区", "大兴安岭", "大兴安岭地区"],
  ])("%s → %s (%s)", (text, name, written) => {
    expect(found(text)).toEqual({ name, written });
  });

  it("reports UTF-16 offsets", () => {
    expect(findPlace("赴苏州市工业园区")).toEqual({ name: "苏州", start: 1, end: 4 });
    expect(findPlace("走出去 3月5日 深圳 比亚迪")).toEqual({ name: "深圳", start: 9, end: 11 });
  });

  it("prefers a name right after 赴/到/去/前往/至/在 over an earlier one", () => {
    expect(found("宁波客商陪同赴杭州考察")).toEqual({ name: "杭州", written: "杭州" });
    expect(found("与上海某公司一起前往合肥")).toEqual({ name: "合肥", written: "合肥" });
    expect(found("上海客商在南京洽谈")).toEqual({ name: "南京", written: "南京" });
  });

  it("longest match wins", () => {
    expect(found("赴张家口")).toEqual({ name: "张家口", written: "张家口" });
    expect(found("赴印度尼西亚")).toEqual({ name: "印度尼西亚", written: "印度尼西亚" });
    expect(found("赴海南省")).toEqual({ name: "海南", written: "海南省" });
  });

  it("takes the most specific place: a city after its province or country, a county-level city after its city", () => {
    expect(found("赴浙江杭州拜访")).toEqual({ name: "杭州", written: "浙江杭州" });
    expect(found("赴浙江省杭州市萧山区")).toEqual({ name: "萧山", written: "浙江省杭州市萧山区" });
    expect(found("赴苏州昆山对接")).toEqual({ name: "昆山", written: "苏州昆山" });
    expect(found("赴上海浦东")).toEqual({ name: "浦东", written: "上海浦东" });
    expect(found("赴美国硅谷")).toEqual({ name: "硅谷", written: "美国硅谷" });
  });

  it("knows county-level cities, foreign cities and regions", () => {
    expect(found("赴慈溪拜访方太集团")?.name).toBe("慈溪");
    expect(found("赴义乌市考察")?.name).toBe("义乌");
    expect(found("昆山客商来访")?.name).toBe("昆山");
    expect(found("赴东京参加展会")?.name).toBe("东京");
    expect(found("赴法兰克福参加车展")?.name).toBe("法兰克福");
    expect(found("赴长三角招商")?.name).toBe("长三角");
    expect(found("赴珠三角对接企业")?.name).toBe("珠三角");
    expect(found("赴粤港澳大湾区开展招商")?.name).toBe("粤港澳大湾区");
    expect(found("赴大湾区招商")?.name).toBe("粤港澳大湾区");
  });

  it("reads one-character short names only right after a travel verb", () => {
    expect(found("赴沪拜访华谊集团")).toEqual({ name: "上海", written: "沪" });
    expect(found("赴甬对接均胜电子")).toEqual({ name: "宁波", written: "甬" });
    expect(found("去深 洽谈")).toEqual({ name: "深圳", written: "深" });
    expect(found("在沪参加推介会")).toEqual({ name: "上海", written: "沪" });
    expect(findPlace("深入企业走访")).toBeNull();
    expect(findPlace("到深夜")).toBeNull();
    expect(findPlace("沪上企业")).toBeNull();
    expect(findPlace("高密度聚乙烯")).toBeNull();
  });

  it("returns null when there is no known place", () => {
    expect(findPlace("与某企业负责人洽谈合作事宜")).toBeNull();
    expect(findPlace("")).toBeNull();
  });

  it("skips common words that contain a place name", () => {
    expect(findPlace("发展朝阳产业")).toBeNull();
    expect(findPlace("午餐吃三明治")).toBeNull();
    expect(findPlace("大理石项目洽谈")).toBeNull();
    expect(findPlace("欢迎来宾")).toBeNull();
    expect(findPlace("在来宾的陪同下参观")).toBeNull();
    expect(findPlace("阿里巴巴来访")).toBeNull();
    expect(findPlace("精英国际公司来访")).toBeNull();
    expect(findPlace("位于中山路88号")).toBeNull();
    expect(findPlace("中山大学专家来访")).toBeNull();
    expect(findPlace("德州仪器来访")).toBeNull();
    expect(findPlace("项目位于黄河南岸")).toBeNull();
    expect(findPlace("举办盛大庆典")).toBeNull();
  });

  it("keeps the name when a suffix or a travel verb makes it clear", () => {
    expect(found("赴来宾市")).toEqual({ name: "来宾", written: "来宾市" });
    expect(found("赴来宾考察")).toEqual({ name: "来宾", written: "来宾" });
    expect(found("赴阿里地区")).toEqual({ name: "阿里", written: "阿里地区" });
    expect(found("赴中山市")).toEqual({ name: "中山", written: "中山市" });
    expect(found("赴深圳路演")).toEqual({ name: "深圳", written: "深圳" });
  });

  it("does not read 市场 as a 市 suffix", () => {
    expect(found("调研上海市场")).toEqual({ name: "上海", written: "上海" });
  });
});

describe("place data", () => {
  it("has the 34 provincial-level divisions", () => {
    expect(PROVINCES.length).toBe(34);
    expect(new Set(PROVINCES).size).toBe(34);
    for (const p of ["北京", "天津", "上海", "重庆", "河北", "内蒙古", "黑龙江", "香港", "澳门", "台湾"]) {
      expect(PROVINCES).toContain(p);
    }
  });

  it("has all prefecture-level divisions, short names without suffixes", () => {
    expect(CITIES.length).toBeGreaterThanOrEqual(330);
    expect(CITIES.length).toBeLessThanOrEqual(340);
    expect(new Set(CITIES).size).toBe(CITIES.length);
    for (const c of ["苏州", "宁波", "深圳", "恩施", "延边", "大理", "锡林郭勒", "阿克苏", "三沙", "儋州", "海东"]) {
      expect(CITIES).toContain(c);
    }
    for (const c of CITIES) expect(c).not.toMatch(/(市|省|地区|自治州|盟)$/);
  });

  it("has a modest list of foreign countries", () => {
    for (const f of ["日本", "韩国", "新加坡", "德国", "美国", "以色列", "阿联酋", "沙特", "俄罗斯"]) {
      expect(FOREIGN).toContain(f);
    }
  });

  it("every listed name is found on its own", () => {
    for (const name of [...PROVINCES, ...CITIES, ...FOREIGN]) {
      // STRICT names (来宾, 阿里, 兴安) need a travel verb; "赴" gives it to all of them.
      expect(findPlace(`赴${name}考察`)?.name).toBe(name);
    }
  });
});
