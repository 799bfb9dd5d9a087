// The Koa app: routes and /healthz. listen() happens in main.ts.
import type { Server } from "node:http";
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
  /** What else must hold for the service to be healthy (src/health.ts): reasons when not. */
  problems?: () => Promise<string[]>;
  /** Extra facts for /healthz: the push outbox, channel connections. */
  details?: () => Promise<Record<string, unknown>>;
}

export function createServer(deps: ServerDeps): Koa {
  const app = new Koa();
  const router = new Router();
  router.get("/healthz", async (ctx) => {
    // A Redis that is down makes commands wait for a reconnect: answer within a second anyway.
    const within = <T>(work: Promise<T>, fallback: T) =>
      Promise.race([work, new Promise<T>((resolve) => setTimeout(resolve, HEALTH_TIMEOUT_MS, fallback).unref())]);
    const redis = await within(
      deps.redisReachable().catch(() => false),
      false,
    );
    const problems =
      redis && deps.problems
        ? await within(deps.problems(), [`checks did not finish within ${HEALTH_TIMEOUT_MS} ms`])
        : [];
    const details =
      redis && deps.details
        ? await within(
            deps.details().catch(() => ({})),
            {},
          )
        : {};
    const ok = redis && problems.length === 0;
    ctx.status = ok ? 200 : 503;
    ctx.body = {
      status: ok ? "ok" : "degraded",
      redis: redis ? "up" : "down",
      ...(problems.length > 0 ? { problems } : {}),
      ...details,
    };
  });
  app.use(async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      // A client that went away mid-request is not our failure, and nobody reads the answer.
      if (clientWentAway(err, ctx.req))
        deps.log.info({ path: ctx.path, reason: (err as Error).message }, "client went away");
      else deps.log.error({ err, path: ctx.path }, "request failed");
      ctx.status = 500;
      ctx.body = "";
    }
  });
  // Errors Koa sees outside the middleware (a socket torn down mid-request, mostly): through our
  // logger at the right level instead of Koa's console.error.
  app.on("error", (err: unknown, ctx?: Koa.Context) => {
    if (!ctx || clientWentAway(err, ctx.req)) deps.log.info({ reason: (err as Error)?.message }, "client went away");
    else deps.log.error({ err, path: ctx.path }, "request failed");
  });
  const routers = [router, ...(deps.routers ?? [])];
  app.use(methodNotAllowed(routers));
  for (const r of routers) app.use(r.routes());
  return app;
}

// ── HTTP plumbing (issue 16, point 8) ────────────────────────────────────────────────────

/** A whole request (headers and body) gets this long; Node's default is five minutes. */
const REQUEST_TIMEOUT_MS = 15_000;
const HEADERS_TIMEOUT_MS = 10_000;

/** Bounds on the listening server: call once on what app.listen() returned. */
export function applyHttpLimits(server: Server): void {
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
}

/**
 * On a path one of our routes serves, any other method gets 405 with Allow (OPTIONS gets 204
 * with Allow), whatever the method — the router's own allowedMethods() answers 501 to the
 * methods it does not know. Other paths fall through to 404.
 */
function methodNotAllowed(routers: Router[]): Koa.Middleware {
  const layers = routers.flatMap((r) => r.stack).filter((layer) => layer.methods.length > 0);
  return async (ctx, next) => {
    const allowed = new Set<string>();
    for (const layer of layers) if (layer.match(ctx.path)) for (const m of layer.methods) allowed.add(m);
    if (allowed.size === 0 || allowed.has(ctx.method)) return next();
    ctx.set("Allow", [...allowed].join(", "));
    if (ctx.method === "OPTIONS") ctx.status = 204;
    else {
      ctx.status = 405;
      ctx.body = "";
    }
  };
}

function clientWentAway(err: unknown, req: { destroyed: boolean }): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return (
    req.destroyed ||
    code === "ECONNRESET" ||
    code === "ECONNABORTED" ||
    code === "EPIPE" ||
    code === "ERR_STREAM_PREMATURE_CLOSE" ||
    code === "HPE_INVALID_EOF_STATE"
  );
}
