// GET /metrics for Prometheus, behind a bearer token: the labels carry destination and unit
// names, which must not be readable from the internet. Without a token the route does not
// exist (404), so an unconfigured service leaks nothing.
import { createHash, timingSafeEqual } from "node:crypto";
import Router from "@koa/router";
import type { Metrics } from "./metrics.ts";

/** Constant-time comparison of the presented token with the configured one. */
export function tokenMatches(header: string | undefined, token: string): boolean {
  const prefix = "Bearer ";
  if (!header?.startsWith(prefix)) return false;
  // Hashing both sides gives equal lengths, so neither the content nor the length leaks by timing.
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(header.slice(prefix.length).trim()), digest(token));
}

export function createMetricsRouter(metrics: Metrics, token: string | undefined): Router {
  const router = new Router();
  if (!token) return router;
  router.get("/metrics", async (ctx) => {
    if (!tokenMatches(ctx.get("authorization") || undefined, token)) {
      ctx.status = 401;
      ctx.set("WWW-Authenticate", 'Bearer realm="metrics"');
      ctx.body = "";
      return;
    }
    const { contentType, body } = await metrics.render();
    ctx.type = contentType;
    ctx.body = body;
  });
  return router;
}
