import { describe, expect, it } from "vitest";
import {
  carriesMoney,
  countsAsVisit,
  createsProject,
  digestList,
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
    expect(kindsWhere(oncePerProject)).toEqual(["签约", "续建", "落地", "开工", "投产", "入库"]);
    expect(kindsWhere(moneyRequired)).toEqual(["签约", "续建", "到位"]);
    expect(kindsWhere(carriesMoney)).toEqual(["在谈", "签约", "续建", "到位"]);
    expect(kindsWhere(countsAsVisit)).toEqual(["走出去", "请进来"]);
    expect(kindsWhere((k) => digestList(k) !== null)).toEqual(["签约", "到位", "落地", "开工", "投产", "入库"]);
    expect(STAGE_ORDER).toEqual(["negotiation", "signing", "landed", "started", "producing", "registered"]);
  });

  it("gives a visit no project and every other kind one", () => {
    for (const kind of REPORT_KINDS) {
      expect(countsAsVisit(kind) !== (createsProject(kind) || needsExistingProject(kind)), kind).toBe(true);
    }
  });
});
