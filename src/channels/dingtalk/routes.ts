// HTTP mode (protocol §1): POST /dingtalk/callback from the enterprise-internal robot.
// Order matters: the signature is checked before the body is even read (a refused request
// has no side effects), the (timestamp, sign) pair is bound to the first body it carried, the
// report is stored before the 200, and a Redis outage is a 503 so that DingTalk delivers the
// message again.
import { createHash } from "node:crypto";
import Router from "@koa/router";
import type { Logger } from "pino";
import { nextTurn } from "../shared/next-turn.ts";
import { RAW_BODY_STATUS, readRawBody } from "../shared/raw-body.ts";
import type { MessageHandler } from "./message-handler.ts";
import { CALLBACK_WINDOW_MS, verifySignature } from "./signature.ts";

export const CALLBACK_PATH = "/dingtalk/callback";
/** A text message is at most a few thousand characters; anything far larger is not DingTalk. */
export const MAX_BODY_BYTES = 64 * 1024;
/** A pair is valid while its timestamp is within the window either side of our clock. */
const PAIR_TTL_S = Math.ceil((2 * CALLBACK_WINDOW_MS) / 1000) + 60;

export interface DingtalkRoutesDeps {
  appSecret: string;
  handle: MessageHandler;
  /** See ChannelDeps.claimFirst. */
  claimFirst(key: string, value: string, ttlSeconds: number): Promise<string | null>;
  log: Logger;
  now: () => Date;
}

export function createDingtalkRoutes(deps: DingtalkRoutesDeps): Router {
  const { log } = deps;
  const router = new Router();
  router.post(CALLBACK_PATH, async (ctx) => {
    // §1.2: headers `timestamp` (ms) and `sign`; Node lower-cases the names.
    const timestamp = ctx.get("timestamp") || undefined;
    const sign = ctx.get("sign") || undefined;
    const check = verifySignature({ timestamp, sign }, deps.appSecret, deps.now().getTime());
    if (!check.ok) {
      log.warn({ reason: check.reason, ip: ctx.ip }, "robot callback refused: signature");
      ctx.status = 401;
      ctx.body = "";
      return;
    }
    const body = await readRawBody(ctx.req, { maxBytes: MAX_BODY_BYTES });
    if (!body.ok) {
      // A client that went away is not our error; nobody reads this answer.
      log[body.reason === "aborted" ? "info" : "warn"]({ reason: `body ${body.reason}` }, "robot callback not read");
      ctx.set("Connection", "close");
      ctx.status = RAW_BODY_STATUS[body.reason];
      ctx.body = "";
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body.text);
    } catch {
      log.warn({ reason: "not JSON" }, "malformed robot callback");
      ctx.status = 400;
      ctx.body = "";
      return;
    }
    // Callbacks that arrived in this turn are handled together (see next-turn.ts).
    await nextTurn();
    try {
      // DingTalk signs only the timestamp (§1.3): a captured pair could carry any body for an
      // hour. Bind it to the first body (msgId and all) it carried; the same body again is
      // DingTalk's retry and goes on to be deduplicated on msgId; any other is refused.
      const fingerprint = createHash("sha256").update(body.text).digest("base64");
      const first = await deps.claimFirst(`dingtalk:sign:${timestamp}:${sign}`, fingerprint, PAIR_TTL_S);
      if (first !== null && first !== fingerprint) {
        log.warn({ ip: ctx.ip }, "robot callback refused: its signature already carried another message");
        ctx.status = 409;
        ctx.body = "";
        return;
      }
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
