// GET /dash: the read-only dashboard behind a signed, expiring link; its static assets (our
// script and style, and ECharts' browser build served from node_modules — no CDN, since
// deployments run on intranets). Anything but a valid link gets 403 and shows nothing.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Router from "@koa/router";
import type { Logger } from "pino";
import { chinaDate } from "../domain/china-time.ts";
import { loadDashboardData } from "../insights/dashboard-data.ts";
import type { Store } from "../store/types.ts";
import { verifyDashboardLink } from "./dashboard-link.ts";
import { renderDashboardPage } from "./page.ts";

/** Scripts only from this origin, no inline code, no framing, no form posts, no outgoing links' referrer. */
export const DASHBOARD_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const asset = (name: string) => readFileSync(new URL(`./assets/${name}`, import.meta.url));

export interface DashboardRouteDeps {
  secret: string;
  store: Store;
  log: Logger;
  now: () => Date;
}

export function createDashboardRoutes(deps: DashboardRouteDeps): Router {
  const router = new Router();
  const echartsFile = createRequire(import.meta.url).resolve("echarts/dist/echarts.min.js");
  const assets: Record<string, { body: Buffer; type: string }> = {
    "echarts.min.js": { body: readFileSync(echartsFile), type: "text/javascript; charset=utf-8" },
    "dash.js": { body: asset("dash.js"), type: "text/javascript; charset=utf-8" },
    "dash.css": { body: asset("dash.css"), type: "text/css; charset=utf-8" },
  };

  router.use("/dash", async (ctx, next) => {
    ctx.set("Content-Security-Policy", DASHBOARD_CSP);
    ctx.set("X-Content-Type-Options", "nosniff");
    ctx.set("Referrer-Policy", "no-referrer");
    ctx.set("X-Robots-Tag", "noindex");
    await next();
  });

  router.get("/dash", async (ctx) => {
    const scope = verifyDashboardLink(deps.secret, ctx.query, deps.now());
    ctx.set("Cache-Control", "no-store");
    const data = scope ? await loadDashboardData(deps.store, chinaDate(deps.now()), scope) : null;
    if (!data) {
      deps.log.info({ scoped: scope !== null }, "dashboard refused: no valid link");
      ctx.status = 403;
      ctx.type = "text/plain; charset=utf-8";
      ctx.body = "403 链接无效或已过期，请在群里发「看板」获取新链接。";
      return;
    }
    ctx.type = "text/html; charset=utf-8";
    ctx.body = renderDashboardPage(data);
  });

  router.get("/dash/assets/:name", (ctx) => {
    const found = assets[ctx.params.name ?? ""];
    if (!found) {
      ctx.status = 404;
      return;
    }
    ctx.set("Cache-Control", "public, max-age=86400");
    ctx.type = found.type;
    ctx.body = found.body;
  });

  return router;
}
