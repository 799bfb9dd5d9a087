// The 通报's talent metrics (issue 15): shown in chat and as 单位进度 columns only when the county
// has a talent target or figure, so a 通报 without talent data is exactly as before.
import { describe, expect, it } from "vitest";
import { BULLETIN_METRICS, buildBulletin, bulletinMetrics } from "../../src/domain/bulletin.ts";
import { monthPeriod } from "../../src/domain/bulletin-period.ts";
import { formatBulletin } from "../../src/domain/format-bulletin.ts";
import { DEFAULT_RANKING_RULES } from "../../src/domain/ranking.ts";
import type { Targets } from "../../src/domain/targets.ts";
import { emptyTotals, type Totals } from "../../src/domain/totals.ts";

const period = monthPeriod("2026-03-01", "2026-04-05");
const totals = (t: Partial<Totals>): Totals => ({ ...emptyTotals(), ...t });
const unit = (name: string, targets: Targets, cumulative: Partial<Totals>) => ({
  unitId: name,
  name,
  targets,
  period: totals(cumulative),
  cumulative: totals(cumulative),
  previousCumulative: null,
  lastYear: null,
});

describe("通报 talent metrics", () => {
  it("leaves them out without talent targets or figures", () => {
    const b = buildBulletin(
      period,
      [unit("城西镇", { fundsArrived: 5e8 }, { fundsYuan: 1e8, reports: 3 })],
      DEFAULT_RANKING_RULES,
      0.25,
    );
    expect(bulletinMetrics(b)).toEqual([...BULLETIN_METRICS]);
    expect(formatBulletin(b).markdown).not.toMatch(/引才|人才|团队/);
  });

  it("adds the ones the county has a target or a figure for, with people counted in 人", () => {
    const b = buildBulletin(
      period,
      [
        unit("城西镇", { talentPeople: 50 }, { talentPeople: 5, talentHighPeople: 2, reports: 2 }),
        unit("晋熙镇", {}, { talentRecruit: 1, reports: 1 }),
      ],
      DEFAULT_RANKING_RULES,
      0.25,
    );
    expect(bulletinMetrics(b).map((m) => m.label)).toEqual([
      ...BULLETIN_METRICS.map((m) => m.label),
      "引才",
      "高层次人才",
    ]);
    const text = formatBulletin(b).markdown;
    expect(text).toContain("- **引才**：本期 5人 · 累计 5人 · 目标 50人 · 完成率 10.0% · 欠 15.0 点");
    expect(text).toContain("- **高层次人才**：本期 2人 · 累计 2人");
    expect(text).not.toContain("创新团队");
  });
});
