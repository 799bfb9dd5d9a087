// 看板 in chat: a signed link for whoever may query, or how to turn the dashboard on.
import { afterEach, describe, expect, it } from "vitest";
import { createDashboardLinks, verifyDashboardLink } from "../../src/dashboard/dashboard-link.ts";
import { readConfig } from "../../src/config.ts";
import { createTestBot, type TestBot } from "../helpers/test-bot.ts";

const secret = "0123456789abcdef0123456789abcdef";
const dashboard = createDashboardLinks({ secret, baseUrl: "https://zs.example.gov.cn" });
let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});
/** The test bot's pinned clock. */
const botNow = new Date("2026-03-10T10:00:00+08:00");

async function seeded(
  rules: Parameters<typeof createTestBot>[0] extends infer O ? (O extends { rules?: infer R } ? R : never) : never,
) {
  bot = await createTestBot({ rules });
  const { directory } = bot.store;
  const chengxi = (await directory.addUnit("城西镇")).unit;
  await directory.addAlias(chengxi.id, "城西");
  const jinxi = (await directory.addUnit("晋熙镇")).unit;
  await directory.bindMember("u1", chengxi.id);
  return { chengxi, jinxi };
}

const linkIn = (text: string) => new URL(text.slice(text.indexOf("https://")).split("\n")[0]!);

describe("看板", () => {
  it("says how to turn the dashboard on when DASHBOARD_SECRET is not set", async () => {
    await seeded({});
    const said = await bot!.say("看板", { from: "u1" });
    expect(said.text).toContain("DASHBOARD_SECRET");
    expect(said.text).toContain("PUBLIC_BASE_URL");
  });

  it("gives a member the county link, and a unit's link when named", async () => {
    const { jinxi } = await seeded({ dashboard });
    const county = await bot!.say("看板", { from: "u1" });
    expect(county.text).toContain("全县数据看板");
    expect(verifyDashboardLink(secret, Object.fromEntries(linkIn(county.text).searchParams), botNow)).toEqual({
      kind: "county",
    });
    const unit = await bot!.say("看板 晋熙", { from: "u1" });
    expect(unit.text).toContain("晋熙镇数据看板");
    expect(verifyDashboardLink(secret, Object.fromEntries(linkIn(unit.text).searchParams), botNow)).toEqual({
      kind: "unit",
      unitId: jinxi.id,
    });
  });

  it("follows QUERY_ACCESS: strangers are refused, own-unit members get their own unit only", async () => {
    const { chengxi } = await seeded({ dashboard, queryAccess: "own-unit" });
    expect((await bot!.say("看板", { from: "stranger" })).text).not.toContain("https://");
    const own = await bot!.say("看板", { from: "u1" });
    expect(verifyDashboardLink(secret, Object.fromEntries(linkIn(own.text).searchParams), botNow)).toEqual({
      kind: "unit",
      unitId: chengxi.id,
    });
    expect((await bot!.say("看板 晋熙镇", { from: "u1" })).text).toContain("只能查询自己单位");
    const admin = await bot!.say("看板", { from: "admin" });
    expect(verifyDashboardLink(secret, Object.fromEntries(linkIn(admin.text).searchParams), botNow)).toEqual({
      kind: "county",
    });
  });
});

describe("dashboard settings", () => {
  it("needs a long secret and PUBLIC_BASE_URL together, and reads the chart settings", () => {
    expect(() => readConfig({ DASHBOARD_SECRET: "short" })).toThrow(
      /DASHBOARD_SECRET: at least 32[\s\S]*PUBLIC_BASE_URL is required/,
    );
    expect(() => readConfig({ PUBLIC_BASE_URL: "ftp://x" })).toThrow(/PUBLIC_BASE_URL/);
    expect(() => readConfig({ CHARTS: "maybe" })).toThrow(/CHARTS/);
    const config = readConfig({
      DASHBOARD_SECRET: secret,
      PUBLIC_BASE_URL: "https://zs.example.gov.cn/",
      DASHBOARD_LINK_DAYS: "7",
      CHART_FONT_FILE: "/fonts/x.ttf",
    });
    expect(config.dashboard).toMatchObject({
      secret,
      baseUrl: "https://zs.example.gov.cn",
      linkDays: 7,
      charts: { on: true, fontFile: "/fonts/x.ttf" },
    });
    expect(readConfig({}).dashboard.secret).toBeNull();
  });
});
