import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeLedgerWorkbook } from "../../src/xlsx/ledger-workbook.ts";
import { createSeededBot, type TestBot } from "../helpers/test-bot.ts";
import { openWorkbook, rowsOf, writeToBuffer } from "./workbook-helpers.ts";

let bot: TestBot;
afterEach(async () => bot.close());

beforeEach(async () => {
  bot = await createSeededBot("2026-10-08T10:00:00+08:00");
  await bot.say("目标 城西镇 走出去24 请进来24 签约6 亿元以上2 签约金额15亿 到位资金5亿", { from: "admin" });
  await bot.say("目标 晋熙镇 走出去20 签约5 签约金额10亿 到位资金3亿", { from: "admin" });
  await bot.say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外", { from: "u1" });
  await bot.say("到位 功能膜项目 1.2亿", { from: "u1" });
  await bot.say("开工 功能膜项目", { from: "u1" });
  await bot.say("签约 智能车厢制造项目 3000万 装备制造", { from: "u2" });
  await bot.say("签约 高端轴承项目 3亿 高端装备 省外", { from: "u3" });
  await bot.say("到位 高端轴承项目 500万美元", { from: "u3" });
  await bot.say("签约 物流园项目 2亿 商贸物流 市外", { from: "u3" });
  await bot.say("撤销", { from: "u3" });
  bot.setNow("2026-11-30T10:00:00+08:00");
  await bot.say("到位 功能膜项目 3000万", { from: "u1" });
});

async function exportNow() {
  const data = await writeToBuffer((out) =>
    writeLedgerWorkbook(bot.store, out, { today: "2026-11-30", countyName: "太湖县" }),
  );
  return openWorkbook(data);
}

describe("the 台账 workbook", () => {
  it("has the three sheets, a merged title, a frozen header and A4 landscape print setup", async () => {
    const wb = await exportNow();
    expect(wb.worksheets.map((w) => w.name)).toEqual(["项目台账", "单位进度", "记录明细"]);
    const ws = wb.getWorksheet("项目台账")!;
    expect(ws.getCell("A1").value).toBe("太湖县2026年招商引资项目台账（截至11月30日）");
    expect(ws.model.merges).toContain("A1:U1");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape" });
    expect(rowsOf(ws, 3)[0]).toEqual([
      "序号",
      "项目名称",
      "责任单位",
      "投资方",
      "产业类别",
      "是否制造业",
      "项目来源地",
      "总投资（万元）",
      "总投资（万美元）",
      "亿元以上",
      "当前阶段",
      "签约日期",
      "落地日期",
      "开工日期",
      "投产日期",
      "入库日期",
      "本月到位（万元）",
      "累计到位（万元）",
      "累计到位（万美元）",
      "最近进展",
      "备注",
    ]);
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(20);
  });

  it("groups projects by unit with subtotals and a total that match the store", async () => {
    const ws = (await exportNow()).getWorksheet("项目台账")!;
    const rows = rowsOf(ws, 4);
    const names = rows.map((r) => r[1]);
    expect(names).toEqual([
      "年产10万吨功能膜项目",
      "智能车厢制造项目",
      "小计（2个项目）",
      "高端轴承项目",
      "小计（1个项目）",
      "合计（3个项目）",
    ]);
    const film = rows[0]!;
    expect(film[2]).toBe("城西镇");
    expect(film[6]).toBe("省外");
    expect(film[7]).toBe(52000);
    expect(film[9]).toBe("是");
    expect(film[10]).toBe("开工");
    expect((film[11] as Date).toISOString().slice(0, 10)).toBe("2026-10-08");
    expect(film[16]).toBe(3000); // 本月 (November) only
    expect(film[17]).toBe(15000);
    expect(rows[3]![18]).toBe(500); // 500万美元 in its own column
    const chengxi = await bot.yearTotals("城西镇");
    const jinxi = await bot.yearTotals("晋熙镇");
    expect(rows[2]![17]).toBe(chengxi.fundsYuan / 10_000);
    expect(rows[2]![7]).toBe(chengxi.signingYuan / 10_000);
    const total = rows[5]!;
    expect(total[7]).toBe((chengxi.signingYuan + jinxi.signingYuan) / 10_000);
    expect(total[17]).toBe((chengxi.fundsYuan + jinxi.fundsYuan) / 10_000);
    expect(total[18]).toBe((chengxi.fundsUsd + jinxi.fundsUsd) / 10_000);
  });

  it("writes money right-aligned with two decimals and dates as dates", async () => {
    const ws = (await exportNow()).getWorksheet("项目台账")!;
    const money = ws.getCell("H4");
    expect(money.numFmt).toBe("#,##0.00");
    expect(money.alignment?.horizontal).toBe("right");
    expect(ws.getCell("L4").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("B4").alignment?.horizontal).toBe("left");
  });

  it("puts the 通报 table in 单位进度 and every record, revoked ones marked, in 记录明细", async () => {
    const wb = await exportNow();
    const progress = wb.getWorksheet("单位进度")!;
    expect(progress.getCell("A1").value).toBe("太湖县2026年1-11月招商引资工作通报");
    const rows = rowsOf(progress, 4);
    expect(rows[0]!.slice(0, 3)).toEqual([1, "新", "城西镇"]);
    // 到位资金: target 50000万元, cumulative 15000万元, 完成率 30%.
    expect(rows[0]!.slice(4, 7)).toEqual([50000, 15000, 0.3]);
    const county = rows.find((r) => r[2] === "全县")!;
    expect(county[5]).toBe(15000);
    const records = rowsOf(wb.getWorksheet("记录明细")!, 3);
    const all: unknown[] = [];
    for await (const r of bot.store.records.allRecords()) all.push(r.id);
    expect(records.map((r) => r[0])).toEqual(all);
    expect(records.find((r) => r[4] === "物流园项目")![17]).toBe("已撤销");
    expect(records.filter((r) => r[17] === "有效")).toHaveLength(all.length - 1);
  });
});
