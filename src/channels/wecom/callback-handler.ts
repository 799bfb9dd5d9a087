// The HTTP callback pipeline shared by the robot (JSON) and the self-built app (XML):
//   GET  URL verification: signature over echostr, answer the decrypted text (§1.2, §2.2)
//   POST signature → decrypt → parse → replay guard → dispatch (report stored) → 200
// Status codes: 401 unauthenticated (no side effect), 400 malformed, 409 replayed,
// 413 too large, 503 when Redis is unavailable so WeCom retries (§2.6: non-200 is retried).
import Router from "@koa/router";
import type { Context } from "koa";
import type { Logger } from "pino";
import type { ChannelReply, Dispatch } from "../../bot/dispatcher.ts";
import { nextTurn } from "../shared/next-turn.ts";
import type { WecomCrypto } from "./crypto.ts";
import { WecomCryptoError } from "./crypto.ts";
import { MalformedPayloadError, type ParsedCallback } from "./parse.ts";
import { createHash } from "node:crypto";
import { RAW_BODY_STATUS, readRawBody } from "../shared/raw-body.ts";

/**
 * Callback bodies are a few KB of ciphertext (an 8.8 KB message is about 12 KB of base64);
 * anything larger is not WeCom. Tight, because the body is read before its signature is known.
 */
export const MAX_BODY_BYTES = 64 * 1024;
/**
 * §1.8: nonces do not repeat within 2 h, so (timestamp, nonce) identifies a request. Requests
 * whose timestamp is more than a day off are refused, and pairs are remembered for twice that,
 * so a pair can never be accepted twice. A day tolerates a badly set server clock.
 */
/** What a URL verification's echostr decrypts to: a short token, never JSON or XML. */
const VERIFICATION_ECHO = /^[0-9A-Za-z_-]{1,64}$/;
const TIMESTAMP_WINDOW_S = 24 * 3600;
const REPLAY_TTL_S = 2 * TIMESTAMP_WINDOW_S;

export interface CallbackDeps {
  dispatch: Dispatch;
  claimFirst(key: string, value: string, ttlSeconds: number): Promise<string | null>;
  releaseOnce(key: string): Promise<void>;
  log: Logger;
  now: () => Date;
}

export interface CallbackAnswer {
  reply: ChannelReply;
  /** Dispatch resolved: the 200's body, or undefined for an empty 200. */
  done(): { type: string; body: string } | undefined;
  /** Dispatch threw: nothing must be sent. */
  failed(): void;
}

export interface CallbackSpec {
  /** "robot" or "app": the replay key's namespace and the log's. */
  name: string;
  crypto: WecomCrypto;
  /** The ciphertext inside a POST body; throws MalformedPayloadError. */
  encryptedOf(body: string): string;
  parse(plaintext: string, receivedAt: Date): ParsedCallback;
  open(message: Extract<ParsedCallback, { kind: "message" }>, request: { nonce: string }): CallbackAnswer;
}

type Handler = (ctx: Context) => Promise<void>;

/** GET (URL verification) and POST (messages) on `path`. */
export function createCallbackRouter(path: string, spec: CallbackSpec, deps: CallbackDeps): Router {
  const log = deps.log.child({ callback: spec.name });
  const refuse = (ctx: Context, status: number, reason: string, level: "info" | "warn" | "error" = "warn") => {
    // The body never goes to the log: it may be a forged or someone else's payload.
    log[level]({ status, reason, ip: ctx.ip }, "callback refused");
    ctx.status = status;
    ctx.body = "";
  };

  const verify: Handler = async (ctx) => {
    const q = signed(ctx, "echostr");
    if (typeof q === "string") return refuse(ctx, q === "echostr" ? 400 : 401, `missing ${q}`);
    if (!spec.crypto.verify(q.signature, q.timestamp, q.nonce, q.value)) return refuse(ctx, 401, "wrong signature");
    try {
      const plaintext = spec.crypto.decrypt(q.value);
      // A verification carries a short random string (digits in every sample). Anything else —
      // a captured message ciphertext replayed here with its own signature — is not decrypted
      // for the asker.
      if (!VERIFICATION_ECHO.test(plaintext)) return refuse(ctx, 400, "echostr is not a verification string");
      // §1.2: exactly the decrypted message, no quotes, no newline, within 1 s.
      ctx.status = 200;
      ctx.type = "text/plain";
      ctx.body = plaintext;
      log.info("URL verified");
    } catch (error) {
      refuse(ctx, 400, decryptFailure(error), "error");
    }
  };

  const receive: Handler = async (ctx) => {
    const q = signed(ctx);
    if (typeof q === "string") return refuse(ctx, 401, `missing ${q}`);
    const body = await readRawBody(ctx.req, { maxBytes: MAX_BODY_BYTES });
    if (!body.ok) {
      ctx.set("Connection", "close");
      // A client that went away is not our error: below warn, since nobody reads the answer.
      return refuse(
        ctx,
        RAW_BODY_STATUS[body.reason],
        `body ${body.reason}`,
        body.reason === "aborted" ? "info" : "warn",
      );
    }
    // Callbacks that arrived in this turn are handled together (see next-turn.ts).
    await nextTurn();
    let encrypted: string;
    try {
      encrypted = spec.encryptedOf(body.text);
    } catch (error) {
      return refuse(ctx, 400, (error as Error).message);
    }
    if (!spec.crypto.verify(q.signature, q.timestamp, q.nonce, encrypted)) return refuse(ctx, 401, "wrong signature");
    const sentAt = Number(q.timestamp);
    const now = deps.now();
    if (!/^\d{1,12}$/.test(q.timestamp) || Math.abs(now.getTime() / 1000 - sentAt) > TIMESTAMP_WINDOW_S) {
      return refuse(ctx, 409, "timestamp is more than a day off (replayed request or a wrong server clock)");
    }

    let parsed: ParsedCallback;
    try {
      parsed = spec.parse(spec.crypto.decrypt(encrypted), new Date(sentAt * 1000));
    } catch (error) {
      // The signature was valid, so WeCom sent this: our key or our parser is wrong.
      if (error instanceof WecomCryptoError) return refuse(ctx, 400, decryptFailure(error), "error");
      if (error instanceof MalformedPayloadError) return refuse(ctx, 400, error.message, "error");
      throw error;
    }

    // (timestamp, nonce) is bound to the first ciphertext that carried it. The same request again
    // is either a replay or WeCom's retry of an attempt that failed (503): it goes on to dispatch,
    // which stores and answers a message once, so a failed attempt never locks its retry out,
    // even when Redis was too far gone to release the claim (issue 16, point 7).
    const replayKey = `wecom:${spec.name}:${q.timestamp}:${q.nonce}`;
    const fingerprint = createHash("sha256").update(encrypted).digest("base64");
    let first: string | null;
    try {
      first = await deps.claimFirst(replayKey, fingerprint, REPLAY_TTL_S);
    } catch (error) {
      log.error({ err: error }, "replay guard unavailable (Redis?): answering 503 so WeCom retries");
      return refuse(ctx, 503, "store unavailable", "error");
    }
    if (first !== null && first !== fingerprint) return refuse(ctx, 409, "(timestamp, nonce) reused for another body");
    const again = first !== null;

    if (parsed.kind === "ignored") {
      if (again) return refuse(ctx, 409, "replayed (timestamp, nonce)");
      log.debug({ reason: parsed.reason }, "callback acknowledged and ignored");
      ctx.status = 200;
      ctx.body = "";
      return;
    }

    const { id: msgid, conversation } = parsed.message;
    log.debug({ msgid, conversation: conversation.id, kind: conversation.kind }, "message received");
    const answer = spec.open(parsed, { nonce: q.nonce });
    try {
      const result = await deps.dispatch(parsed.message, answer.reply);
      if (again && result.duplicate) {
        answer.failed();
        return refuse(ctx, 409, "replayed (timestamp, nonce)");
      }
    } catch (error) {
      answer.failed();
      // Best effort: the fingerprint already lets WeCom's identical retry in.
      await deps.releaseOnce(replayKey).catch(() => undefined);
      // Never 200 for a report that was not stored: WeCom retries on any other status.
      log.error({ err: error, msgid }, "dispatch failed: answering 503 so WeCom retries");
      ctx.status = 503;
      ctx.body = "";
      return;
    }
    const reply = answer.done();
    ctx.status = 200;
    if (reply) {
      ctx.type = reply.type;
      ctx.body = reply.body;
    } else {
      ctx.body = "";
    }
  };

  const router = new Router();
  router.get(path, verify);
  router.post(path, receive);
  return router;
}

interface Signed {
  signature: string;
  timestamp: string;
  nonce: string;
  value: string;
}

/** The signed query parameters, URL-decoded (§1.2), or the name of the first missing one. */
function signed(ctx: Context, valueParam?: string): Signed | string {
  // URLSearchParams rather than ctx.query: same decoding, a fraction of the cost per callback.
  const query = new URLSearchParams(ctx.querystring);
  const get = (name: string) => query.get(name) || undefined;
  const signature = get("msg_signature");
  const timestamp = get("timestamp");
  const nonce = get("nonce");
  if (!signature) return "msg_signature";
  if (!timestamp) return "timestamp";
  if (!nonce) return "nonce";
  const value = valueParam ? get(valueParam) : "";
  if (value === undefined) return valueParam!;
  return { signature, timestamp, nonce, value };
}

function decryptFailure(error: unknown): string {
  if (!(error instanceof WecomCryptoError)) throw error;
  return `cannot decrypt although the signature is valid: ${error.message} (${error.code}); check WECOM_ENCODING_AES_KEY`;
}
