// The Koa app: routes and /healthz. listen() happens in main.ts.
import Router from "@koa/router";
import Koa from "koa";
import type { Logger } from "pino";

const HEALTH_TIMEOUT_MS = 1000;

export interface ServerDeps {
  log: Logger;
  /** Resolves true when Redis answers. */
  redisReachable: () => Promise<boolean>;
  /** Channel routes (WeCom, DingTalk) mount here. */
  routers?: Router[];
  /** Extra facts for /healthz: the push outbox, channel connections. */
  details?: () => Promise<Record<string, unknown>>;
}

export function createServer(deps: ServerDeps): Koa {
  const app = new Koa();
  const router = new Router();
  router.get("/healthz", async (ctx) => {
    // A Redis that is down makes commands wait for a reconnect: answer within a second anyway.
    const timeout = new Promise<boolean>((resolve) => setTimeout(resolve, HEALTH_TIMEOUT_MS, false).unref());
    const redis = await Promise.race([deps.redisReachable().catch(() => false), timeout]);
    const details = redis && deps.details ? await deps.details().catch(() => ({})) : {};
    ctx.status = redis ? 200 : 503;
    ctx.body = { status: redis ? "ok" : "degraded", redis: redis ? "up" : "down", ...details };
  });
  app.use(async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      deps.log.error({ err, path: ctx.path }, "request failed");
      ctx.status = 500;
      ctx.body = "";
    }
  });
  app.use(router.routes()).use(router.allowedMethods());
  for (const extra of deps.routers ?? []) app.use(extra.routes()).use(extra.allowedMethods());
  return app;
}
