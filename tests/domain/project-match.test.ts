import { describe, expect, it } from "vitest";
import { essenceOf, matchProject, suggestProjects } from "../../src/domain/project-match.ts";

const unit = [
  { id: "p1", name: "年产10万吨饲料加工项目" },
  { id: "p2", name: "年产5000万平方米光学膜生产项目" },
  { id: "p3", name: "光伏二期项目2" },
  { id: "p4", name: "光伏二期项目3" },
  { id: "p5", name: "智能车厢制造项目" },
  { id: "p6", name: "年产5万吨再生铜项目" },
];
const id = (typed: string) => matchProject(typed, unit)?.id ?? null;

describe("matchProject", () => {
  it.each([
    ["年产10万吨饲料加工项目", "p1"],
    ["饲料项目", "p1"],
    ["饲料", "p1"],
    ["饲料加工项目", "p1"],
    ["光学膜项目", "p2"],
    ["光学膜", "p2"],
    ["「光学膜」", "p2"],
    ["光伏二期项目2", "p3"],
    ["光伏二期项目3", "p4"],
    ["车厢项目", "p5"],
    ["再生铜项目", "p6"],
    ["再生铜加工项目", "p6"],
  ])("%s → %s", (typed, expected) => {
    expect(id(typed)).toBe(expected);
  });

  it.each(["光伏二期项目", "光伏项目", "项目", "铜", "功能膜项目", "光伏二期项目23"])(
    "%s → none (ambiguous or unknown)",
    (typed) => {
      expect(id(typed)).toBeNull();
    },
  );

  it("suggests the ambiguous ones", () => {
    expect(
      suggestProjects("光伏二期项目", unit)
        .map((p) => p.id)
        .sort(),
    ).toEqual(["p3", "p4"]);
  });

  it("reduces a name to its essence", () => {
    expect(essenceOf("年产10万吨饲料加工")).toBe("饲料");
    expect(essenceOf("年产5000万平方米光学膜生产")).toBe("光学膜");
    expect(essenceOf("智能车厢制造")).toBe("智能车厢");
  });
});

describe("matchProject: a longer typed name is a new project, not a short one's repeat", () => {
  it("另一个再生铜项目 is not 年产5万吨再生铜项目", () => {
    expect(matchProject("另一个再生铜项目", [{ id: "a", name: "年产5万吨再生铜项目" }])).toBeNull();
    expect(matchProject("重启前的再生铜项目", [{ id: "a", name: "年产5万吨再生铜项目" }])).toBeNull();
  });
});

describe("matchProject: a different capacity is a different project", () => {
  const sites = [{ id: "a", name: "年产9万吨功能膜项目" }];
  it.each(["年产19万吨功能膜项目", "年产1万吨功能膜项目", "年产9千吨功能膜项目", "年产90万吨功能膜加工项目"])(
    "%s does not find 年产9万吨功能膜项目",
    (typed) => {
      expect(matchProject(typed, sites)).toBeNull();
    },
  );
  it.each(["年产9万吨功能膜项目", "功能膜项目", "功能膜", "年产9万吨功能膜生产项目"])("%s finds it", (typed) => {
    expect(matchProject(typed, sites)?.id).toBe("a");
  });
  it("finds each of two capacities by its own", () => {
    const two = [...sites, { id: "b", name: "年产19万吨功能膜项目" }];
    expect(matchProject("年产19万吨功能膜项目", two)?.id).toBe("b");
    expect(matchProject("年产9万吨功能膜项目", two)?.id).toBe("a");
    expect(matchProject("功能膜项目", two)).toBeNull();
  });
});
