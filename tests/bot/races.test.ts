// Issue 11's two races, each a regression test written before its fix.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { createDispatcher, type Dispatch } from "../../src/bot/dispatcher.ts";
import { createStore } from "../../src/store/store.ts";
import { createSeededBot, silentLog, testRules, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
beforeEach(async () => {
  bot = await createSeededBot();
});
afterEach(async () => bot.close());

function replicas(count: number): Dispatch[] {
  return Array.from({ length: count }, () =>
    createDispatcher({
      store: createStore(bot.connect(), { org: bot.org, defaults: { selfJoin: true } }),
      commands,
      rules: testRules(),
      log: silentLog,
      now: () => new Date("2026-03-10T10:00:00+08:00"),
    }),
  );
}

const message = (id: string, from: string, text: string) => ({
  id,
  conversation: { channel: "wecom" as const, id: "g", kind: "group" as const },
  sender: { id: from },
  text,
  sentAt: new Date("2026-03-10T10:00:00+08:00"),
});

describe("once per project, enforced inside the atomic write", () => {
  it("stores one signing for each of 100 projects signed by two colleagues at the same moment", async () => {
    const [a, b] = replicas(2) as [Dispatch, Dispatch];
    for (let i = 0; i < 100; i++) {
      const text = `签约 同时签约${i}号项目 2亿 新材料 省外`;
      await Promise.all([
        a(message(`a${i}`, "u1", text), async () => {}),
        b(message(`b${i}`, "u2", text), async () => {}),
      ]);
    }
    expect(await bot.yearTotals()).toMatchObject({ signing: 100, signingYuan: 20_000_000_000 });
    const unit = (await bot.store.directory.unitByName("城西镇"))!;
    for (const { id } of await bot.store.projects.namesOf(unit.id)) {
      const project = await bot.store.projects.getProject(id);
      expect(
        project!.history.filter((e) => e.kind === "signing"),
        project!.name,
      ).toHaveLength(1);
    }
  });

  it("stores one 开工 when two colleagues report it at the same moment", async () => {
    await bot.say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外");
    const [a, b] = replicas(2) as [Dispatch, Dispatch];
    for (let i = 0; i < 20; i++) {
      const name = `里程碑${i}号项目`;
      await bot.say(`签约 ${name} 2亿 新材料 省外`);
      const replies: string[] = [];
      const collect = async (r: { kind: string; text?: string }) => void replies.push(r.text ?? "");
      await Promise.all([
        a(message(`sa${i}`, "u1", `开工 ${name}`), collect),
        b(message(`sb${i}`, "u2", `开工 ${name}`), collect),
      ]);
      expect(
        replies.filter((t) => t.includes("已登记")),
        replies.join("\n"),
      ).toHaveLength(1);
      expect(
        replies.filter((t) => t.includes("未重复登记")),
        replies.join("\n"),
      ).toHaveLength(1);
    }
    expect((await bot.yearTotals()).started).toBe(20);
  });
});

describe("every answering path claims the message first", () => {
  it("answers a re-delivered report from an unbound sender once", async () => {
    expect((await bot.say("签约 甲项目 2亿", { id: "x-1", from: "stranger" })).replies).toHaveLength(1);
    expect((await bot.say("签约 甲项目 2亿", { id: "x-1", from: "stranger" })).replies).toHaveLength(0);
  });

  it("answers a re-delivered admin command from a member once", async () => {
    expect((await bot.say("添加单位 城东镇", { id: "x-2" })).replies).toHaveLength(1);
    expect((await bot.say("添加单位 城东镇", { id: "x-2" })).replies).toHaveLength(0);
  });

  it("answers a re-delivered refused report once", async () => {
    expect((await bot.say("到位 不存在的项目 3000万", { id: "x-3" })).replies).toHaveLength(1);
    expect((await bot.say("到位 不存在的项目 3000万", { id: "x-3" })).replies).toHaveLength(0);
  });
});
