// HTTP mode (protocol §1): POST /dingtalk/callback from the enterprise-internal robot.
// Order matters: the signature is checked before the body is even read (a refused request
// has no side effects), the report is stored before the 200, and a Redis outage is a 503 so
// that DingTalk delivers the message again.
import type { IncomingMessage as NodeRequest } from "node:http";
import Router from "@koa/router";
import type { Logger } from "pino";
import { nextTurn } from "../../bot/next-turn.ts";
import type { MessageHandler } from "./message-handler.ts";
import { verifySignature } from "./signature.ts";

export const CALLBACK_PATH = "/dingtalk/callback";
/** A text message is at most a few thousand characters; anything far larger is not DingTalk. */
const MAX_BODY_BYTES = 256 * 1024;

export interface DingtalkRoutesDeps {
  appSecret: string;
  handle: MessageHandler;
  log: Logger;
  now: () => Date;
}

class BodyTooLarge extends Error {}

export function createDingtalkRoutes(deps: DingtalkRoutesDeps): Router {
  const { log } = deps;
  const router = new Router();
  router.post(CALLBACK_PATH, async (ctx) => {
    // §1.2: headers `timestamp` (ms) and `sign`; Node lower-cases the names.
    const check = verifySignature(
      { timestamp: ctx.get("timestamp") || undefined, sign: ctx.get("sign") || undefined },
      deps.appSecret,
      deps.now().getTime(),
    );
    if (!check.ok) {
      log.warn({ reason: check.reason, ip: ctx.ip }, "robot callback refused: signature");
      ctx.status = 401;
      ctx.body = "";
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(await readBody(ctx.req, MAX_BODY_BYTES));
    } catch (error) {
      const tooLarge = error instanceof BodyTooLarge;
      log.warn({ reason: tooLarge ? "body too large" : "not JSON" }, "malformed robot callback");
      ctx.status = tooLarge ? 413 : 400;
      ctx.body = "";
      return;
    }
    // Callbacks that arrived in this turn are handled together (see next-turn.ts).
    await nextTurn();
    try {
      const outcome = await deps.handle(payload);
      if (outcome.status === "invalid") {
        ctx.status = 400;
        ctx.body = "";
        return;
      }
    } catch (err) {
      // Nothing was stored (or the write's outcome is unknown and safe to retry): not a 200.
      log.error({ err }, "robot callback not stored; answering 503 so DingTalk retries");
      ctx.status = 503;
      ctx.body = "";
      return;
    }
    // §1.5a: the reply goes through the sessionWebhook; the synchronous answer says nothing.
    ctx.status = 200;
    ctx.body = { msgtype: "empty" };
  });
  return router;
}

/** The raw body, at most `limit` bytes (events rather than an async iterator: it is per request). */
function readBody(req: NodeRequest, limit: number): Promise<string> {
  if (Number(req.headers["content-length"] ?? 0) > limit) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(new BodyTooLarge());
      } else chunks.push(chunk);
    });
    req.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.once("error", reject);
  });
}
