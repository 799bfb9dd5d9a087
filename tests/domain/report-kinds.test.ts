import { describe, expect, it } from "vitest";
import {
  carriesMoney,
  countsAsVisit,
  createsProject,
  digestList,
  isNamedItem,
  isTalentKind,
  KIND_LABEL,
  moneyRequired,
  needsExistingProject,
  oncePerProject,
  REPORT_KINDS,
  STAGE_ORDER,
} from "../../src/domain/report-kinds.ts";

const kindsWhere = (rule: (k: (typeof REPORT_KINDS)[number]) => boolean) =>
  REPORT_KINDS.filter(rule).map((k) => KIND_LABEL[k]);

describe("the report kinds table", () => {
  it("derives every rule set from the table", () => {
    expect(kindsWhere(createsProject)).toEqual(["在谈", "签约", "续建"]);
    expect(kindsWhere(needsExistingProject)).toEqual(["到位", "落地", "开工", "投产", "入库"]);
    expect(kindsWhere(oncePerProject)).toEqual([
      "签约",
      "续建",
      "落地",
      "开工",
      "投产",
      "入库",
      "人才项目",
      "创新团队",
    ]);
    expect(kindsWhere(isNamedItem)).toEqual(["人才项目", "创新团队"]);
    expect(kindsWhere(isTalentKind)).toEqual(["引才", "人才项目", "创新团队"]);
    expect(kindsWhere(moneyRequired)).toEqual(["签约", "续建", "到位"]);
    expect(kindsWhere(carriesMoney)).toEqual(["在谈", "签约", "续建", "到位"]);
    expect(kindsWhere(countsAsVisit)).toEqual(["走出去", "请进来"]);
    expect(kindsWhere((k) => digestList(k) !== null)).toEqual(["签约", "到位", "落地", "开工", "投产", "入库"]);
    expect(STAGE_ORDER).toEqual(["negotiation", "signing", "landed", "started", "producing", "registered"]);
  });

  it("gives a visit no project and every other investment kind one", () => {
    for (const kind of REPORT_KINDS.filter((k) => !isTalentKind(k))) {
      expect(countsAsVisit(kind) !== (createsProject(kind) || needsExistingProject(kind)), kind).toBe(true);
    }
  });

  it("keeps talent kinds off investment projects, the digest's lists and the stages", () => {
    for (const kind of REPORT_KINDS.filter(isTalentKind)) {
      expect(createsProject(kind) || needsExistingProject(kind) || countsAsVisit(kind), kind).toBe(false);
      expect(digestList(kind), kind).toBeNull();
      expect(STAGE_ORDER as readonly string[]).not.toContain(kind);
      expect(carriesMoney(kind), kind).toBe(false);
    }
  });
});
