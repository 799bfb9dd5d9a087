import { afterEach, describe, expect, it } from "vitest";
import type { FileReply } from "../../src/bot/types.ts";
import { openWorkbook } from "../xlsx/workbook-helpers.ts";
import { createSeededBot, createTestBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
afterEach(async () => bot.close());

describe("导出台账", () => {
  it("answers an admin with the 台账 file, and says how to get it where files cannot go", async () => {
    bot = await createSeededBot("2026-11-30T10:00:00+08:00");
    await bot.say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外", { from: "u1" });
    const said = await bot.say("导出台账", { from: "admin" });
    expect(said.ok).not.toBe(false);
    const file = said.replies.find((r) => r.kind === "file") as FileReply;
    expect(file.filename).toBe("本县2026年招商引资项目台账（截至11月30日）.xlsx");
    expect(file.fallback).toContain("npm run export -- --format xlsx > 台账.xlsx");
    expect(file.fallback).toContain("签约 1 个 5.20亿元");
    const wb = await openWorkbook(Buffer.from(file.contentBase64, "base64"));
    expect(wb.getWorksheet("项目台账")!.getCell("B4").value).toBe("年产10万吨功能膜项目");
  });

  it("follows QUERY_ACCESS: with own-unit only admins get the county's ledger", async () => {
    bot = await createTestBot({ now: "2026-11-30T10:00:00+08:00", rules: { queryAccess: "own-unit" } });
    const unit = (await bot.store.directory.addUnit("城西镇")).unit;
    await bot.store.directory.bindMember("u1", unit.id);
    const said = await bot.say("导出台账", { from: "u1" });
    expect(said.replies.some((r) => r.kind === "file")).toBe(false);
    expect(said.text).toContain("只有管理员可以查看");
  });
});
