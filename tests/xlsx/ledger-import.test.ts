import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createIndustryTable } from "../../src/domain/industry.ts";
import { importLedger } from "../../src/import-ledger.ts";
import { writeLedgerWorkbook } from "../../src/xlsx/ledger-workbook.ts";
import { LEDGER_UNITS, makeLedger } from "../fixtures/ledger/make-ledger.ts";
import { createTestBot, type TestBot } from "../helpers/test-bot.ts";
import { openWorkbook, rowsOf, writeToBuffer } from "./workbook-helpers.ts";

const today = "2026-11-30";
const now = new Date("2026-11-30T10:00:00+08:00");
const options = (dryRun: boolean) => ({ today, now, industries: createIndustryTable(), dryRun });

const bots: TestBot[] = [];
afterEach(async () => {
  await Promise.all(bots.splice(0).map((b) => b.close()));
});

async function botWithUnits(): Promise<TestBot> {
  const bot = await createTestBot({ now: now.toISOString() });
  bots.push(bot);
  for (const name of LEDGER_UNITS) await bot.store.directory.addUnit(name);
  return bot;
}

async function recordCount(bot: TestBot): Promise<number> {
  let n = 0;
  for await (const _ of bot.store.records.allRecords()) n++;
  return n;
}

let bot: TestBot;
beforeEach(async () => {
  bot = await botWithUnits();
});

describe("importing a clerk's 台账", () => {
  it("lists every problem by sheet, row and column and writes nothing when a row is bad", async () => {
    const fixture = await makeLedger({ bad: true });
    const result = await importLedger(bot.store, fixture.buffer, options(false));
    expect(result.ok).toBe(false);
    const [unknown, amount, sourceAndDate, noName] = [...fixture.badRows];
    expect(result.report).toContain(`2026年项目台账 第${unknown}行 C列「责任单位」：没有这个单位「城南新区」`);
    expect(result.report).toContain(`2026年项目台账 第${amount}行 H列「总投资（亿元）」：看不懂的金额「约两个亿左右」`);
    expect(result.report).toContain(`2026年项目台账 第${sourceAndDate}行 G列「项目来源地」：项目来源地应为`);
    expect(result.report).toContain(`第${sourceAndDate}行 I列「项目进度签约时间」：看不懂的日期「2026-13-01」`);
    expect(result.report).toContain(`第${noName}行 B列「项目名称」：缺项目名称`);
    expect(result.report).toContain("未知单位（请先「添加单位」或设别名，不会自动新建）：城南新区");
    expect(result.report).toContain("问题 5 处，未导入任何内容");
    expect(await recordCount(bot)).toBe(0);
    expect(await bot.store.directory.unitByName("城南新区")).toBeNull();
  });

  it("previews without writing, then imports with each stage in its own month, and a second import changes nothing", async () => {
    const fixture = await makeLedger();
    const preview = await importLedger(bot.store, fixture.buffer, options(true));
    expect(preview.ok).toBe(true);
    expect(preview.report).toContain("表头第3–4行，项目 200 行");
    expect(preview.report).toMatch(/项目 200 个/);
    expect(await recordCount(bot)).toBe(0);

    const first = await importLedger(bot.store, fixture.buffer, options(false));
    expect(first.ok, first.report).toBe(true);
    for (const [unit, e] of fixture.expected) {
      const t = await bot.yearTotals(unit);
      expect({
        unit,
        signing: t.signing,
        signingYuan: t.signingYuan,
        bigSigning: t.bigSigning,
        fundsYuan: t.fundsYuan,
        started: t.started,
      }).toEqual({
        unit,
        signing: e.signing,
        signingYuan: e.signingYuan,
        bigSigning: e.bigSigning,
        fundsYuan: e.fundsYuan,
        started: e.started,
      });
    }
    // 补录: signings count in their own months, not the import month.
    const chengxi = (await bot.store.directory.unitByName("城西镇"))!;
    let byMonth = 0;
    for (let m = 1; m <= 11; m++)
      byMonth += (await bot.store.records.monthTotals(chengxi.id, `2026-${String(m).padStart(2, "0")}-01`)).signing;
    expect(byMonth).toBe(fixture.expected.get("城西镇")!.signing);
    expect((await bot.store.records.monthTotals(chengxi.id, "2026-11-01")).signing).toBeLessThan(byMonth);

    const before = await recordCount(bot);
    const again = await importLedger(bot.store, fixture.buffer, options(false));
    expect(again.ok).toBe(true);
    expect(again.created).toBe(0);
    expect(again.report).toContain(`已导入过的记录 ${before} 条，跳过`);
    expect(await recordCount(bot)).toBe(before);
    expect((await bot.yearTotals("城西镇")).signingYuan).toBe(fixture.expected.get("城西镇")!.signingYuan);
  });

  it("changes nothing when the same ledger is imported again after the message-id map has lapsed", async () => {
    const fixture = await makeLedger({ rows: 40 });
    const first = await importLedger(bot.store, fixture.buffer, options(false));
    expect(first.ok, first.report).toBe(true);
    const before = await recordCount(bot);
    const funds = (await bot.yearTotals("城西镇")).fundsYuan;
    // Weeks later the message-id buckets (kept 2 × MESSAGE_DEDUPE_DAYS) are gone.
    const maps = await bot.redis.keys(`${bot.store.keys.messageMap(0).replace(/0$/, "")}*`);
    expect(maps.length).toBeGreaterThan(0);
    await bot.redis.del(...maps);
    const again = await importLedger(bot.store, fixture.buffer, options(false));
    expect(again.ok, again.report).toBe(true);
    expect(again.created).toBe(0);
    expect(await recordCount(bot)).toBe(before);
    expect((await bot.yearTotals("城西镇")).fundsYuan).toBe(funds);
  });

  it("says when funds are only a total and recorded at the import date", async () => {
    const fixture = await makeLedger({ rows: 40 });
    const preview = await importLedger(bot.store, fixture.buffer, options(true));
    expect(preview.report).toMatch(/\d+ 个项目只有累计到位，按导入日 2026-11-30 记为一笔到位/);
    expect(preview.report).toContain("按「累计 − 本月」记在上月末");
  });

  it("round-trips: the exported 台账 imported into a fresh deployment exports the same figures", async () => {
    const fixture = await makeLedger({ rows: 60 });
    expect((await importLedger(bot.store, fixture.buffer, options(false))).ok).toBe(true);
    const exported = await writeToBuffer((out) => writeLedgerWorkbook(bot.store, out, { today, countyName: "XX县" }));
    const fresh = await botWithUnits();
    const again = await importLedger(fresh.store, exported, options(false));
    expect(again.ok, again.report).toBe(true);
    const reexported = await writeToBuffer((out) =>
      writeLedgerWorkbook(fresh.store, out, { today, countyName: "XX县" }),
    );
    const figures = async (data: Buffer) => {
      const rows = rowsOf((await openWorkbook(data)).getWorksheet("项目台账")!, 4);
      // Every column but 最近进展 (the import's own note) must match.
      return rows.map((r) => r.slice(0, 19));
    };
    expect(await figures(reexported)).toEqual(await figures(exported));
    for (const unit of LEDGER_UNITS) expect(await fresh.yearTotals(unit)).toEqual(await bot.yearTotals(unit));
  });
});
