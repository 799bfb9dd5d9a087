import { readdirSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { createSeededBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot | undefined;
afterEach(async () => bot?.close());

describe("帮助 and the command list", () => {
  it("lists every file in commands/ exactly once", async () => {
    const files = readdirSync(new URL("../../commands/", import.meta.url)).filter(
      (f) => f.endsWith(".ts") && f !== "index.ts",
    );
    const names = files.map((f) => f.replace(/\.ts$/, ""));
    for (const name of names) {
      const mod = (await import(`../../commands/${name}.ts`)) as { default: unknown };
      expect(commands, name).toContain(mod.default);
    }
    expect(commands.length).toBe(files.length);
  });

  it("gives no two commands the same trigger", () => {
    const triggers = commands.flatMap((c) => c.triggers.map((t) => t.toLowerCase()));
    expect(new Set(triggers).size).toBe(triggers.length);
  });

  it("answers every example in 帮助 without an error", async () => {
    bot = await createSeededBot("2026-03-10T10:00:00+08:00");
    // The 25 report examples then get numbers #116–#140, so "更正 #122" (a signing), "撤销 #128" and
    // "更正 #135" (the first 引才) name real records.
    await bot.redis.set(bot.store.keys.recordSeq, "115");
    // Report examples first, in list order, so 到位 and milestones find their signed project.
    for (const command of commands) {
      for (const example of command.examples) {
        const said = await bot.say(example, { from: command.group === "admin" ? "admin" : "u1" });
        expect(said.ok, `${example}\n→ ${said.text}`).toBe(true);
        expect(said.text.length).toBeGreaterThan(0);
      }
    }
  });

  it("generates 帮助 from the commands' metadata, hiding admin commands from members", async () => {
    bot = await createSeededBot();
    const member = (await bot.say("帮助")).text;
    for (const c of commands.filter((c) => c.group !== "admin")) {
      expect(member).toContain(c.summary);
      expect(member).toContain(c.examples[0]);
    }
    expect(member).not.toContain("添加单位");
    const admin = (await bot.say("帮助", { from: "admin" })).text;
    expect(admin).toContain("添加单位 城西镇 城西");
    expect((await bot.say("帮助 签约")).text).toContain("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外");
    expect((await bot.say("帮助 跳舞")).ok).toBe(false);
  });
});
