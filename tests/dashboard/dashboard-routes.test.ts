// GET /dash over HTTP: the page through a valid link, and 403 with nothing shown otherwise.
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createDashboardLinks } from "../../src/dashboard/dashboard-link.ts";
import { createDashboardRoutes, DASHBOARD_CSP } from "../../src/dashboard/dashboard-routes.ts";
import { forgetStandings } from "../../src/insights/standings.ts";
import { createServer } from "../../src/server.ts";
import { createSeededBot, silentLog, type TestBot } from "../helpers/test-bot.ts";

const secret = "0123456789abcdef0123456789abcdef";
const now = new Date("2026-03-16T10:00:00+08:00");
const links = createDashboardLinks({ secret, baseUrl: "http://placeholder" });
let bot: TestBot;
let close: () => void = () => {};
afterEach(async () => {
  close();
  await bot.close();
});

async function serve(routeSecret = secret) {
  const app = createServer({
    log: silentLog,
    redisReachable: async () => true,
    routers: [createDashboardRoutes({ secret: routeSecret, store: bot.store, log: silentLog, now: () => now })],
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  close = () => server.close();
  const { port } = server.address() as AddressInfo;
  return (path: string) => fetch(`http://127.0.0.1:${port}${path}`);
}
const pathOf = (url: string) => url.slice("http://placeholder".length);

async function seed() {
  bot = await createSeededBot("2026-03-02T10:00:00+08:00");
  forgetStandings();
  await bot.say("目标 城西镇 签约6 签约金额15亿 到位资金5亿", { from: "admin" });
  await bot.say("目标 晋熙镇 签约5 到位资金3亿", { from: "admin" });
  bot.setNow("2026-03-10T10:00:00+08:00");
  await bot.say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外", { from: "u1" });
  await bot.say("签约 「<script>alert(1)</script>」项目 2亿 新材料 省外", { from: "u3" });
  await bot.say("到位 功能膜项目 1.2亿", { from: "u1" });
  await bot.say("开工 功能膜项目", { from: "u1" });
  bot.setNow("2026-03-16T10:00:00+08:00");
}

describe("GET /dash", () => {
  it("shows the county's figures, ranking, progress and 亿元以上 list through a valid link, escaped, under a strict CSP", async () => {
    await seed();
    const get = await serve();
    const res = await get(pathOf(links.link({ kind: "county" }, now).url));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toBe(DASHBOARD_CSP);
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    expect(html).toContain('<b data-figure="signing">2</b>');
    expect(html).toContain('<b data-figure="funds">1.20亿元</b>');
    expect(html).toContain('<b data-figure="stages">0 · 1 · 0 · 0</b>');
    expect(html).toContain("年产10万吨功能膜项目</span> <b>5.20亿元</b>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toMatch(/<script>(?!<\/script>)/); // no inline script: the only scripts are JSON data and /dash/assets
    expect(html).toContain('<script src="/dash/assets/echarts.min.js"></script>');
    expect(html).toContain('data-chart="funds-completion"');
  });

  it("shows one unit only through a unit link", async () => {
    await seed();
    const get = await serve();
    const jinxi = (await bot.store.directory.listUnits()).find((u) => u.name === "晋熙镇")!;
    const html = await (await get(pathOf(links.link({ kind: "unit", unitId: jinxi.id }, now).url))).text();
    expect(html).toContain("<h1>晋熙镇招商引资看板</h1>");
    expect(html).not.toContain("城西镇");
    expect(html).not.toContain("功能膜");
  });

  it("answers 403 with nothing shown for no link, a forged, altered or expired one, or after the secret changed", async () => {
    await seed();
    const good = pathOf(links.link({ kind: "unit", unitId: "1" }, now).url);
    const expired = pathOf(links.link({ kind: "county" }, new Date(now.getTime() - 15 * 86400_000)).url);
    const get = await serve();
    for (const path of [
      "/dash",
      `/dash?s=county&e=9999999999&sig=${"A".repeat(43)}`,
      good.replace("unit%3A1", "county"),
      expired,
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(403);
      const body = await res.text();
      expect(body).not.toContain("城西镇");
      expect(body).toContain("看板");
    }
    expect((await get(good)).status).toBe(200);
    close();
    const rotated = await serve("a-brand-new-secret-of-32-chars!!");
    expect((await rotated(good)).status).toBe(403);
  });

  it("serves ECharts' browser build and its own assets from the app", async () => {
    bot = await createSeededBot();
    const get = await serve();
    const echarts = await get("/dash/assets/echarts.min.js");
    expect(echarts.status).toBe(200);
    expect(echarts.headers.get("content-type")).toContain("javascript");
    expect((await echarts.text()).length).toBeGreaterThan(500_000);
    expect((await get("/dash/assets/dash.js")).status).toBe(200);
    expect((await get("/dash/assets/../../main.ts")).status).toBe(404);
  });
});
