// The Koa app: routes and /healthz. listen() happens in main.ts.
import Router from "@koa/router";
import Koa from "koa";
import type { Logger } from "pino";

export interface ServerDeps {
  log: Logger;
  /** Resolves true when Redis answers. */
  redisReachable: () => Promise<boolean>;
  /** Channel routes (WeCom, DingTalk) mount here. */
  routers?: Router[];
}

export function createServer(deps: ServerDeps): Koa {
  const app = new Koa();
  const router = new Router();
  router.get("/healthz", async (ctx) => {
    const redis = await deps.redisReachable().catch(() => false);
    ctx.status = redis ? 200 : 503;
    ctx.body = { status: redis ? "ok" : "degraded", redis: redis ? "up" : "down" };
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
