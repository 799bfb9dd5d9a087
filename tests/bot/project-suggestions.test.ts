// Issue 16, point 8: "你是不是要找" never names projects the sender may not see — nothing for a
// sender who is not bound, only their own unit's under QUERY_ACCESS=own-unit.
import { afterEach, describe, expect, it } from "vitest";
import { createTestBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
afterEach(async () => bot.close());

async function seed(queryAccess: "members" | "own-unit") {
  bot = await createTestBot({ rules: { queryAccess } });
  const { directory } = bot.store;
  const chengxi = (await directory.addUnit("城西镇")).unit;
  const jinxi = (await directory.addUnit("晋熙镇")).unit;
  await directory.bindMember("u1", chengxi.id);
  await directory.bindMember("u3", jinxi.id);
  await bot.say("签约 高端轴承项目 3亿 高端装备 省外", { from: "u3" });
  await bot.say("签约 功能膜轴承项目 2亿 新材料 省外", { from: "u1" });
}

describe("project-name suggestions", () => {
  it("name no project to a sender who is not bound", async () => {
    await seed("members");
    const said = await bot.say("项目 高端轴成", { from: "stranger" });
    expect(said.ok).toBe(false);
    expect(said.text).not.toContain("高端轴承项目");
    expect(said.text).not.toContain("功能膜轴承项目");
  });

  it("name only the sender's own unit's projects under own-unit access", async () => {
    await seed("own-unit");
    const said = await bot.say("项目 高端轴成", { from: "u1" });
    expect(said.text).toContain("没有找到项目「高端轴成」");
    expect(said.text).not.toContain("高端轴承项目");
    // The same typo from the project's own unit is offered the project.
    expect((await bot.say("项目 高端轴成", { from: "u3" })).text).toContain("「高端轴承项目」");
  });

  it("still name every unit's projects to members when members may query everything", async () => {
    await seed("members");
    expect((await bot.say("项目 高端轴成", { from: "u1" })).text).toContain("「高端轴承项目」");
  });
});
