import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseImportFile } from "../../src/domain/import-file.ts";
import { applyImport } from "../../src/store/import-apply.ts";
import { createSeededBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
beforeEach(async () => {
  bot = await createSeededBot();
});
afterEach(async () => bot.close());

describe("viewer role (领导/观察员)", () => {
  it("lets an admin add a leader who may then query everything but report nothing", async () => {
    const before = await bot.say("总览", { from: "leader1" });
    expect(before.ok).toBe(false);
    expect(before.text).toContain("查询");
    expect(before.text).not.toContain("不能上报");

    expect((await bot.say("领导 添加 leader1", { from: "admin" })).text).toContain("已将 leader1 设为领导（观察员）");
    for (const query of ["总览", "排名", "周报", "/status 城西镇", "明细 城西镇"]) {
      const said = await bot.say(query, { from: "leader1" });
      expect(said.ok, query).toBe(true);
    }
    const report = await bot.say("走出去 赴上海拜访华谊集团", { from: "leader1" });
    expect(report.ok).toBe(false);
    expect(report.text).toContain("领导（观察员）");
    expect(report.record).toBeNull();
    expect((await bot.say("我是谁", { from: "leader1" })).text).toContain("领导（观察员）");
    expect((await bot.say("领导", { from: "admin" })).text).toContain("leader1");

    expect((await bot.say("领导 删除 leader1", { from: "admin" })).text).toContain("已取消 leader1");
    expect((await bot.say("排名", { from: "leader1" })).ok).toBe(false);
  });

  it("keeps QUERY_ACCESS for everyone else and the command for admins only", async () => {
    const refused = await bot.say("领导 添加 u1", { from: "u1" });
    expect(refused.ok).toBe(false);
    expect(refused.text).toContain("只有管理员");
    expect(await bot.store.directory.isViewer("u1")).toBe(false);
    expect((await bot.say("排名", { from: "u1" })).ok).toBe(true);
  });

  it("reads viewers from the import file", async () => {
    const parsed = parseImportFile("units:\n  - name: 开发区\nviewers: [leader2, leader3]\n");
    if (!parsed.ok) throw new Error(parsed.problems.join());
    await applyImport(bot.redis, bot.store.keys, parsed.plan);
    expect(await bot.store.directory.listViewers()).toEqual(["leader2", "leader3"]);
    expect((await bot.say("总览", { from: "leader3" })).ok).toBe(true);
  });
});
