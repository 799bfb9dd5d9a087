import { afterEach, describe, expect, it } from "vitest";
import { rankUnits, scoreLabels, DEFAULT_RANKING_RULES } from "../../src/domain/ranking.ts";
import { emptyTotals } from "../../src/domain/totals.ts";
import { createSeededBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const line = (text: string, start: string) => text.split("\n").find((l) => l.startsWith(start));

describe("numbers that mean what their readers think", () => {
  it("counts 在谈 as projects still under negotiation, not 在谈 reports", async () => {
    bot = await createSeededBot();
    await bot!.say("在谈 智能装备产业园项目 3亿 高端装备", { from: "u1" });
    await bot!.say("在谈 智能装备产业园项目 第二轮洽谈", { from: "u1" }); // an update of the same talks
    await bot!.say("在谈 冷链物流项目 1亿 商贸物流", { from: "u3" });
    await bot!.say("在谈 光伏组件项目 2亿 新能源", { from: "u2" });
    await bot!.say("签约 光伏组件项目 2亿 新能源 省外", { from: "u2" }); // has since signed
    const overview = (await bot!.say("总览", { from: "admin" })).text;
    expect(line(overview, "项目：")).toBe("项目：在谈 2 · 签约 1 · 落地 0 · 开工 0 · 投产 0 · 入库 0");
  });

  it("splits 到位资金 by source into parts that add up to the total, USD apart", async () => {
    bot = await createSeededBot();
    // Funds take their project's source.
    await bot!.say("签约 功能膜项目 5亿 新材料 省外", { from: "u1" });
    await bot!.say("到位 功能膜项目 1.2亿", { from: "u1" });
    await bot!.say("签约 轴承项目 1亿 高端装备 市外", { from: "u2" });
    await bot!.say("到位 轴承项目 3000万", { from: "u2" });
    await bot!.say("签约 电子元件项目 1亿 电子信息 境外", { from: "u3" });
    await bot!.say("到位 电子元件项目 2000万", { from: "u3" });
    await bot!.say("签约 物流园项目 1亿 商贸物流", { from: "u3" });
    await bot!.say("到位 物流园项目 800万", { from: "u3" });
    await bot!.say("到位 电子元件项目 50万美元", { from: "u3" });
    const overview = (await bot!.say("总览", { from: "admin" })).text;
    // 1.2亿 + 0.3亿 + 0.2亿 + 0.08亿 = 1.78亿
    expect(line(overview, "到位资金 1.78亿元 =")).toMatch(
      /^到位资金 1\.78亿元 = 省外 1\.20亿元 \+ 市外 3000(\.00)?万元 \+ 境外 2000(\.00)?万元 \+ 未注明来源 800(\.00)?万元；另有 50万美元（美元，不计入上述合计）/,
    );
  });

  it("ranks on exact scores and shows the precision that tells close scores apart", () => {
    const input = (unitId: string, name: string, funds: number) => ({
      unitId,
      name,
      totals: { ...emptyTotals(), fundsYuan: funds },
      targets: { fundsArrived: 3_000_000_000 },
    });
    // 资金到位率 weight 30 of 100: 1,000,000 yuan more is 0.001 points more.
    const ranked = rankUnits(
      [input("1", "甲镇", 1_000_000_000), input("2", "乙镇", 1_001_000_000), input("3", "丙镇", 1_000_000_000)],
      DEFAULT_RANKING_RULES,
    );
    expect(ranked.map((r) => r.name)).toEqual(["乙镇", "丙镇", "甲镇"]);
    expect(ranked[0]!.tieNote).toBeNull();
    expect(ranked[1]!.tieNote).toBe("与甲镇同分，按单位名称排前");
    expect(scoreLabels(ranked.map((r) => r.score))).toEqual(["10.01", "10.00", "10.00"]);
  });

  it("shows 完成序时进度 beside the points gap", async () => {
    bot = await createSeededBot("2026-03-10T10:00:00+08:00");
    await bot!.say("目标 城西镇 走出去10次", { from: "admin" });
    await bot!.say("走出去 赴上海拜访华谊集团", { from: "u1" });
    const status = (await bot!.say("/status", { from: "u1" })).text;
    // 3.10 is day 69 of 365: 18.9%; 1/10 = 10.0%, 10.0 ÷ 18.9 = 52.9%.
    expect(line(status, "走出去 1/10")).toBe("走出去 1/10 完成10.0% ⚠️落后序时8.9点（完成序时进度52.9%）");
  });
});
