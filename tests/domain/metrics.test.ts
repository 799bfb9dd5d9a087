import { describe, expect, it } from "vitest";
import { bottomCount, countyFundsRate, findLaggards, laggardReasons } from "../../src/domain/laggards.ts";
import {
  completionRate,
  manufacturingShare,
  percent,
  ratio,
  sumTargets,
  targetProgress,
} from "../../src/domain/metrics.ts";
import { daysInYear, monthOf, periodFromWord, timeProgress, weekOf, yearToDate } from "../../src/domain/periods.ts";
import {
  computeRates,
  DEFAULT_RANKING_RULES,
  rankChange,
  rankUnits,
  scoreOf,
  type RankInput,
} from "../../src/domain/ranking.ts";
import { describeRules, parseRateDefinition } from "../../src/domain/ranking-rules-text.ts";
import { emptyTotals, type Totals } from "../../src/domain/totals.ts";

const totals = (t: Partial<Totals>): Totals => ({ ...emptyTotals(), ...t });

describe("序时进度", () => {
  it("is the share of the year elapsed at the end of the day", () => {
    expect(percent(timeProgress("2026-09-30"))).toBe("74.8%"); // domain.md: 30 Sept ≈ 74.8%
    expect(timeProgress("2026-01-01")).toBeCloseTo(1 / 365, 12);
    expect(timeProgress("2026-12-31")).toBe(1);
    expect(percent(timeProgress("2026-03-10"))).toBe("18.9%");
  });

  it("counts 366 days in leap years", () => {
    expect(daysInYear(2028)).toBe(366);
    expect(daysInYear(2100)).toBe(365);
    expect(daysInYear(2000)).toBe(366);
    expect(timeProgress("2028-02-29")).toBeCloseTo(60 / 366, 12);
    expect(timeProgress("2028-12-31")).toBe(1);
  });
});

describe("periods", () => {
  it("names weeks Monday to Sunday with ISO numbers, across New Year too", () => {
    expect(weekOf("2026-11-22")).toEqual({
      kind: "week",
      start: "2026-11-16",
      end: "2026-11-22",
      label: "第47周（11.16–11.22）",
    });
    expect(weekOf("2027-01-01")).toMatchObject({
      start: "2026-12-28",
      end: "2027-01-03",
      label: "第53周（12.28–1.3）",
    });
  });

  it("resolves the words of 明细", () => {
    expect(periodFromWord("上周", "2026-03-10")).toMatchObject({ start: "2026-03-02", end: "2026-03-08" });
    expect(periodFromWord("本月", "2026-02-10")).toMatchObject({
      start: "2026-02-01",
      end: "2026-02-28",
      label: "2026年2月",
    });
    expect(periodFromWord("上月", "2026-01-15")).toMatchObject({ start: "2025-12-01", end: "2025-12-31" });
    expect(monthOf("2028-02-03").end).toBe("2028-02-29");
    expect(periodFromWord("今年", "2026-05-01")).toEqual(yearToDate("2026-05-01"));
    expect(periodFromWord("城西镇", "2026-05-01")).toBeNull();
  });
});

describe("完成率 and targets", () => {
  it("shows the figure without a rate when there is no target", () => {
    expect(completionRate(5, undefined)).toBeNull();
    expect(completionRate(5, 0)).toBeNull();
    expect(targetProgress("visitOut", totals({ visitOut: 5 }), {}, 0.5)).toMatchObject({
      actual: 5,
      completion: null,
      aheadPoints: null,
    });
    expect(percent(null)).toBe("—");
  });

  it("compares against 序时进度: ahead/behind in points and 完成序时进度", () => {
    const p = targetProgress("fundsArrived", totals({ fundsYuan: 110_000_000 }), { fundsArrived: 500_000_000 }, 0.189);
    expect(percent(p.completion)).toBe("22.0%");
    expect(p.aheadPoints).toBeCloseTo(3.1, 6);
    expect(percent(p.ofTimeProgress)).toBe("116.4%");
  });

  it("handles zero denominators and sums targets of units that have them", () => {
    expect(ratio(3, 0)).toBeNull();
    expect(manufacturingShare(totals({}))).toBeNull();
    expect(manufacturingShare(totals({ fundsYuan: 400, fundsMfgYuan: 300 }))).toBe(0.75);
    expect(sumTargets([{ visitOut: 24, fundsArrived: 5 }, { visitOut: 6 }, {}])).toEqual({
      visitOut: 30,
      fundsArrived: 5,
    });
  });
});

describe("五个率 and 赛马", () => {
  const unit = (unitId: string, name: string, t: Partial<Totals>, targets = {}): RankInput => ({
    unitId,
    name,
    totals: totals(t),
    targets,
  });

  it("computes the five rates with the default definitions", () => {
    const rates = computeRates(
      totals({ signing: 3, landed: 2, started: 1, fundsYuan: 200, fundsMfgYuan: 150 }),
      { signingCount: 6, fundsArrived: 800 },
      DEFAULT_RANKING_RULES,
    );
    expect(rates).toEqual({
      signingRate: 0.5,
      landingRate: 2 / 3,
      startRate: 1 / 3,
      fundsRate: 0.25,
      mfgShare: 0.75,
      talentRate: null,
    });
    // 30×0.5 + 15×2/3 + 15×1/3 + 30×0.25 + 10×0.75 = 45 of 100
    expect(scoreOf(rates, DEFAULT_RANKING_RULES)).toBeCloseTo(45, 10);
  });

  it("gives 引才完成率 weight 0 by default, so a unit's talent figures leave its score as it was", () => {
    const base = totals({ signing: 3, landed: 2, started: 1, fundsYuan: 200, fundsMfgYuan: 150 });
    const targets = { signingCount: 6, fundsArrived: 800, talentPeople: 10 };
    const withTalent = { ...base, talentPeople: 10 };
    const rates = computeRates(withTalent, targets, DEFAULT_RANKING_RULES);
    expect(rates.talentRate).toBe(1);
    expect(scoreOf(rates, DEFAULT_RANKING_RULES)).toBe(
      scoreOf(computeRates(base, targets, DEFAULT_RANKING_RULES), DEFAULT_RANKING_RULES),
    );
    // Weight 20: 45 of 100 before → (45 + 20×1) ÷ 120 × 100.
    const weighted = { ...DEFAULT_RANKING_RULES, weights: { ...DEFAULT_RANKING_RULES.weights, talentRate: 20 } };
    expect(scoreOf(rates, weighted)).toBeCloseTo(((45 + 20) / 120) * 100, 10);
  });

  it("scores missing rates as nothing and caps over-fulfilment", () => {
    const rates = computeRates(totals({ signing: 12 }), { signingCount: 6 }, DEFAULT_RANKING_RULES);
    expect(rates).toMatchObject({ signingRate: 2, landingRate: 0, fundsRate: null, mfgShare: null });
    expect(scoreOf(rates, DEFAULT_RANKING_RULES)).toBe(30);
    expect(scoreOf(rates, { ...DEFAULT_RANKING_RULES, rateCap: 1.5 })).toBe(45);
  });

  it("ranks by score, breaks ties by funds, then signing amount, then name, and explains them", () => {
    const ranked = rankUnits(
      [
        unit("1", "晋熙镇", { signing: 1, fundsYuan: 100 }, { signingCount: 2 }),
        unit("2", "城西镇", { signing: 1, fundsYuan: 300 }, { signingCount: 2 }),
        unit("3", "农委", {}),
        unit("4", "开发区", {}),
        unit("5", "东城", { signing: 2 }, { signingCount: 2 }),
      ],
      DEFAULT_RANKING_RULES,
    );
    expect(ranked.map((r) => [r.rank, r.name, r.score.toFixed(1), r.tieNote])).toEqual(
      [
        ["1", "东城", "30.0", null],
        ["2", "城西镇", "15.0", "与晋熙镇同分，到位资金更多排前"],
        ["3", "晋熙镇", "15.0", null],
        ["4", "农委", "0.0", "与开发区同分，按单位名称排前"],
        ["5", "开发区", "0.0", null],
      ].map(([rank, ...rest]) => [Number(rank), ...rest]),
    );
  });

  it("never ranks by reports or messages", () => {
    const busy = unit("1", "甲", { reports: 500, visitOut: 300, visitIn: 200 });
    const quiet = unit("2", "乙", { reports: 1, signing: 1 }, { signingCount: 4 });
    expect(rankUnits([busy, quiet], DEFAULT_RANKING_RULES).map((r) => r.name)).toEqual(["乙", "甲"]);
  });

  it("shows rank changes", () => {
    expect([rankChange(1, 3), rankChange(4, 3), rankChange(2, 2), rankChange(2, undefined)]).toEqual([
      "↑2",
      "↓1",
      "–",
      "新",
    ]);
  });

  it("reads and describes rate definitions in Chinese", () => {
    expect(parseRateDefinition("签约金额/目标签约金额")).toEqual({
      numerator: "signingYuan",
      denominator: { target: "signingAmount" },
    });
    expect(parseRateDefinition("开工/签约个数")).toEqual({ numerator: "started", denominator: { total: "signing" } });
    expect(parseRateDefinition("目标签约金额/签约金额")).toBeNull();
    expect(parseRateDefinition("很多/少")).toBeNull();
    expect(describeRules(DEFAULT_RANKING_RULES)).toContain("· 签约率 = 签约个数/目标签约项目，权重 30");
  });
});

describe("落后单位", () => {
  const rules = DEFAULT_RANKING_RULES;
  it("takes a bottom share, at least one, of two or more units", () => {
    expect([1, 2, 5, 7, 20].map((n) => bottomCount(n, 0.2))).toEqual([0, 1, 1, 1, 4]);
    expect(bottomCount(20, 0)).toBe(0);
  });

  it("gives each reason in plain words", () => {
    const [a, b] = rankUnits(
      [
        {
          unitId: "1",
          name: "城西镇",
          totals: totals({ fundsYuan: 30_000_000, signing: 1 }),
          targets: { fundsArrived: 500_000_000, signingCount: 2 },
        },
        {
          unitId: "2",
          name: "晋熙镇",
          totals: totals({ fundsYuan: 90_000_000 }),
          targets: { fundsArrived: 500_000_000 },
        },
      ],
      rules,
    );
    // County pace: 120m of 1000m = 12.0%; 城西镇 6.0% is behind it by only 6 points.
    expect(countyFundsRate([a!, b!])).toBeCloseTo(0.12, 10);
    const facts = {
      today: "2026-03-10",
      timeProgress: 0.189,
      unitCount: 2,
      countyFunds: 0.12,
      lastEntered: "2026-03-09",
    } as const;
    expect(laggardReasons(a!, facts, rules)).toEqual([]);
    expect(laggardReasons(a!, { ...facts, countyFunds: 0.2 }, rules)).toEqual([
      "到位资金完成率 6.0%，落后序时进度 12.9 个百分点、全县平均（20.0%）14.0 个百分点",
    ]);
    // 18.0% vs 18.9%: behind by less than the 10-point margin; silent 15 days; last of two.
    expect(laggardReasons(b!, { ...facts, lastEntered: "2026-02-23" }, rules)).toEqual([
      "已 15 天没有上报（最近一次 2月23日）",
      "赛马排名第 2/2，处于末位",
    ]);
    expect(laggardReasons(b!, { ...facts, lastEntered: null }, { ...rules, bottomShare: 0 })).toEqual([
      "今年还没有上报",
    ]);
    expect(laggardReasons(b!, { ...facts, lastEntered: "2026-02-25" }, { ...rules, bottomShare: 0 })).toEqual([]);
    expect(laggardReasons(b!, { ...facts, lastEntered: null }, { ...rules, silentDays: 0, bottomShare: 0 })).toEqual(
      [],
    );
    const found = findLaggards([a!, b!], new Map([["1", "2026-03-10"]]), "2026-03-10", 0.189, {
      ...rules,
      bottomShare: 0,
    });
    expect(found.map((l) => [l.name, l.reasons])).toEqual([["晋熙镇", ["今年还没有上报"]]]);
  });
});
