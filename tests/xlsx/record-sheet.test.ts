// 记录明细 is written first (one pass over the records) and still shows as the third tab, with
// each sheet's print titles on its own sheet; a signing replaced by a later signing of the
// same project is marked with the one that replaced it in the end.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NewRecord } from "../../src/domain/record.ts";
import { writeLedgerWorkbook } from "../../src/xlsx/ledger-workbook.ts";
import { createSeededBot, type TestBot } from "../helpers/test-bot.ts";
import { openWorkbook, rowsOf, writeToBuffer } from "./workbook-helpers.ts";

let bot: TestBot;
afterEach(async () => bot.close());
beforeEach(async () => {
  bot = await createSeededBot("2026-10-08T10:00:00+08:00");
});

const signing = (unitId: string, n: number, yuan: number, extra: Partial<NewRecord> = {}): NewRecord => ({
  unitId,
  kind: "signing",
  date: `2026-0${n}-10`,
  project: "功能膜项目",
  amountYuan: yuan,
  amountUsd: null,
  industry: "新材料",
  manufacturing: true,
  source: "省外",
  place: null,
  counterpart: null,
  text: `签约 功能膜项目 第${n}次`,
  reporter: "u1",
  reporterName: null,
  channel: "console",
  messageId: `m${n}`,
  createdAt: "2026-10-08T02:00:00.000Z",
  ...extra,
});

async function exportNow() {
  const data = await writeToBuffer((out) =>
    writeLedgerWorkbook(bot.store, out, { today: "2026-10-08", countyName: "太湖县" }),
  );
  return openWorkbook(data);
}

describe("记录明细 and the tab order", () => {
  it("marks each superseded signing with the signing that replaced it in the end, and takes facts from the latest", async () => {
    const unit = (await bot.store.directory.unitByName("城西镇"))!;
    const first = await bot.store.records.ingest("console:m1", signing(unit.id, 1, 1e8), {
      mode: "new",
      name: "功能膜项目",
    });
    if (first.status !== "created") throw new Error(first.status);
    const project = { mode: "id" as const, id: first.record.projectId! };
    const second = await bot.store.records.ingest("console:m2", signing(unit.id, 2, 2e8), project);
    const third = await bot.store.records.ingest(
      "console:m3",
      signing(unit.id, 3, 3e8, { counterpart: "华谊集团", industry: "高端装备" }),
      project,
    );
    const other = await bot.store.records.ingest("console:m4", signing(unit.id, 4, 5e7, { project: "轴承项目" }), {
      mode: "new",
      name: "轴承项目",
    });
    if (second.status !== "created" || third.status !== "created" || other.status !== "created")
      throw new Error("not stored");

    const wb = await exportNow();
    const records = rowsOf(wb.getWorksheet("记录明细")!, 3);
    const status = new Map(records.map((r) => [r[0], r[17]]));
    expect(status.get(first.record.id)).toBe(`已被 #${third.record.id} 更新`);
    expect(status.get(second.record.id)).toBe(`已被 #${third.record.id} 更新`);
    expect(status.get(third.record.id)).toBe("有效");
    expect(status.get(other.record.id)).toBe("有效");

    const ledger = rowsOf(wb.getWorksheet("项目台账")!, 4);
    const film = ledger.find((r) => r[1] === "功能膜项目")!;
    expect(film[3]).toBe("华谊集团"); // 投资方 from the latest signing
    expect(film[4]).toBe("高端装备");
    expect(film[7]).toBe(30000); // 总投资 of the latest signing, 万元
    expect(film[19]).toBe("签约 功能膜项目 第3次"); // 最近进展
  });

  it("lists the sheets in tab order with the print titles of each on its own sheet", async () => {
    const wb = await exportNow();
    expect(wb.worksheets.map((w) => w.name)).toEqual(["项目台账", "单位进度", "记录明细"]);
    expect(wb.getWorksheet("项目台账")!.pageSetup.printTitlesRow).toBe("3:3");
    expect(wb.getWorksheet("单位进度")!.pageSetup.printTitlesRow).toBe("3:3");
    expect(wb.getWorksheet("记录明细")!.pageSetup.printTitlesRow).toBe("2:2");
    expect(wb.getWorksheet("记录明细")!.getCell("A2").value).toBe("编号");
    expect(wb.getWorksheet("项目台账")!.getCell("A3").value).toBe("序号");
  });
});
