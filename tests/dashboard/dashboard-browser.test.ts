// The dashboard in a real browser (Debian's chromium driven by playwright-core): a seeded
// county through a signed link, the figures on the page checked against the store, the charts
// drawn, a screenshot taken; a forged link refused. Prints the first paint over 1,000 units.
import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDashboardLinks } from "../../src/dashboard/dashboard-link.ts";
import { createDashboardRoutes } from "../../src/dashboard/dashboard-routes.ts";
import { formatYuan } from "../../src/domain/amount.ts";
import { addTotals, emptyTotals } from "../../src/domain/totals.ts";
import { forgetStandings } from "../../src/insights/standings.ts";
import { createServer } from "../../src/server.ts";
import type { RedisStore as Store } from "../../src/store/store.ts";
import { benchRecord, seedUnits } from "../bench/seed.ts";
import { createSeededBot, silentLog } from "../helpers/test-bot.ts";

const secret = "0123456789abcdef0123456789abcdef";
let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}, 60_000);
afterAll(async () => browser?.close());

async function serve(store: Store, now: Date) {
  const app = createServer({
    log: silentLog,
    redisReachable: async () => true,
    routers: [createDashboardRoutes({ secret, store, log: silentLog, now: () => now })],
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { links: createDashboardLinks({ secret, baseUrl: base }), close: () => server.close() };
}

describe("the dashboard in chromium", () => {
  it("shows the store's figures through a signed link, draws the charts, and refuses a forged link", async () => {
    const bot = await createSeededBot("2026-03-02T10:00:00+08:00");
    forgetStandings();
    await bot.say("目标 城西镇 签约6 签约金额15亿 到位资金5亿", { from: "admin" });
    await bot.say("目标 晋熙镇 签约5 签约金额10亿 到位资金3亿", { from: "admin" });
    await bot.say("签约 高端轴承项目 3亿 高端装备 省外", { from: "u3" });
    bot.setNow("2026-03-10T10:00:00+08:00");
    await bot.say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外", { from: "u1" });
    await bot.say("签约 智能车厢制造项目 总投资3000万 装备制造", { from: "u2" });
    await bot.say("到位 功能膜项目 1.2亿", { from: "u1" });
    await bot.say("到位 高端轴承项目 4000万", { from: "u3" });
    await bot.say("开工 功能膜项目", { from: "u1" });
    const now = new Date("2026-03-16T10:00:00+08:00");
    const { links, close } = await serve(bot.store, now);
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
    try {
      const response = await page.goto(links.link({ kind: "county" }, now).url);
      expect(response!.status()).toBe(200);
      await page.waitForSelector("html[data-charts-drawn='5']", { timeout: 30_000 });
      const year = addTotals(await bot.yearTotals("城西镇"), await bot.yearTotals("晋熙镇"));
      const figure = (name: string) => page.locator(`[data-figure="${name}"]`).innerText();
      expect(await figure("signing")).toBe(String(year.signing));
      expect(await figure("signing-yuan")).toBe(formatYuan(year.signingYuan));
      expect(await figure("funds")).toBe(formatYuan(year.fundsYuan));
      expect(await figure("funds-rate")).toBe(`${((year.fundsYuan / 800_000_000) * 100).toFixed(1)}%`);
      expect(await page.locator(".rank tbody tr").count()).toBe(2);
      expect(await page.locator(".big li").count()).toBe(2); // 5.2亿 and 3亿
      // The charts are drawn: each container holds a canvas of its size.
      expect(await page.locator(".chart canvas").count()).toBe(5);
      const dir = mkdtempSync(join(tmpdir(), "zs-dash-"));
      await page.screenshot({ path: join(dir, "first-screen.png") });
      await page.locator('[data-chart="ranking"]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(dir, "charts.png") });
      await page.screenshot({ path: join(dir, "dashboard.png"), fullPage: true });
      console.log(`dashboard screenshots: ${dir}/{first-screen,charts,dashboard}.png`);

      const forged = new URL(links.link({ kind: "unit", unitId: "1" }, now).url);
      forged.searchParams.set("s", "county");
      const refused = await page.goto(forged.toString());
      expect(refused!.status()).toBe(403);
      const text = await page.locator("body").innerText();
      expect(text).not.toContain("城西镇");
      expect(await page.locator("[data-figure]").count()).toBe(0);
    } finally {
      await page.close();
      close();
      await bot.close();
    }
  }, 120_000);

  it("prints the first paint over 1,000 units (not asserted)", async () => {
    const seeded = await seedUnits(1000);
    forgetStandings();
    for (let i = 0; i < 3000; i += 100) {
      await Promise.all(
        Array.from({ length: 100 }, (_, k) =>
          seeded.store.records.ingest(`wecom:seed${i + k}`, benchRecord(i + k), { mode: "none" }),
        ),
      );
    }
    const now = new Date("2026-11-20T10:00:00+08:00");
    const { links, close } = await serve(seeded.store, now);
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      const url = links.link({ kind: "county" }, now).url;
      await page.goto(url); // warms the standings cache, as a second visitor would find it
      await page.goto(url, { waitUntil: "load" });
      const paint = await page.evaluate(() =>
        performance.getEntriesByType("paint").map((e) => `${e.name} ${e.startTime.toFixed(0)} ms`),
      );
      const charts = await page.evaluate(() => performance.now());
      console.log(
        `dashboard over 1,000 units (loopback): ${paint.join(", ")}; load + charts drawn by ${charts.toFixed(0)} ms`,
      );
      expect(await page.locator(".rank tbody tr").count()).toBe(1000);
      const total = (
        await Promise.all(
          ["1", "500", "1000"].map(
            async (id) => (await seeded.store.metrics.totalsMany([id], [{ kind: "year", year: 2026 }]))[0]![0]!,
          ),
        )
      ).reduce(addTotals, emptyTotals());
      expect(total.reports).toBeGreaterThan(0);
    } finally {
      await page.close();
      close();
      await seeded.close();
    }
  }, 180_000);
});
