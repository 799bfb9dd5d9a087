// Long-connection mode of the intelligent robot (protocol §1.9): the service opens a WebSocket
// to WeCom, so no public URL is needed. The official SDK (@wecom/aibot-node-sdk) subscribes
// with BotID + Secret, keeps the heartbeat, reconnects with back-off and serialises replies.
// Callbacks carry the same JSON as URL mode (§1.4) without encryption. Replies go back as one
// finished stream (aibot_respond_msg); pushes use aibot_send_msg to chats that have talked to
// the robot (30/min and 1000/h per chat, §1.9).
import { generateReqId, WSAuthFailureError, WSClient, type WsFrame } from "@wecom/aibot-node-sdk";
import type { Logger } from "pino";
import type { Dispatch } from "../../bot/dispatcher.ts";
import { apologyFor } from "../shared/apology.ts";
import { deliverFileReplies } from "./file-replies.ts";
import { parseRobotCallback } from "./parse.ts";
import { replyMarkdown, type WecomPushBody } from "./render.ts";
import type { InFlight } from "../shared/in-flight.ts";
import { createReplySession } from "./reply-session.ts";

/** A send WeCom refused (errcode) or that never got an answer (no errcode). */
export class LongConnectionSendError extends Error {
  constructor(
    reason: string,
    readonly errcode?: number,
    readonly errmsg = "",
  ) {
    super(reason);
    this.name = "LongConnectionSendError";
  }
}

export interface LongConnectionOptions {
  botId: string;
  secret: string;
  /** Default wss://openws.work.weixin.qq.com; private deployments have their own. */
  wsUrl?: string | undefined;
  dispatch: Dispatch;
  log: Logger;
  now: () => Date;
  inFlight: InFlight;
  heartbeatMs?: number;
  reconnectMs?: number;
  /** How long start() waits for the first subscription before returning anyway. */
  startTimeoutMs?: number;
}

export interface LongConnection {
  start(): Promise<void>;
  stop(): Promise<void>;
  health(): Record<string, unknown>;
  /** Proactive send of one push body to a chat (aibot_send_msg); throws LongConnectionSendError. */
  push(chatid: string, body: WecomPushBody): Promise<void>;
}

export function createLongConnection(options: LongConnectionOptions): LongConnection {
  const { log, inFlight } = options;
  const sdkLog = log.child({ part: "aibot-sdk" });
  const line = (message: string, args: unknown[]) =>
    [message, ...args.map((a) => (a instanceof Error ? a.message : String(a)))].join(" ");
  const client = new WSClient({
    botId: options.botId,
    secret: options.secret,
    ...(options.wsUrl ? { wsUrl: options.wsUrl } : {}),
    // Government networks drop connections; never stop trying (the SDK caps the delay at 30 s).
    maxReconnectAttempts: -1,
    heartbeatInterval: options.heartbeatMs ?? 30_000,
    reconnectInterval: options.reconnectMs ?? 1_000,
    logger: {
      debug: (m: string, ...a: unknown[]) => sdkLog.debug(line(m, a)),
      info: (m: string, ...a: unknown[]) => sdkLog.debug(line(m, a)),
      warn: (m: string, ...a: unknown[]) => sdkLog.warn(line(m, a)),
      error: (m: string, ...a: unknown[]) => sdkLog.error(line(m, a)),
    },
  });
  let started = false;
  let authenticated = false;

  client.on("authenticated", () => {
    authenticated = true;
    log.info("long connection subscribed");
  });
  client.on("disconnected", (reason) => {
    authenticated = false;
    log.warn({ reason }, "long connection closed");
  });
  client.on("error", (error) => {
    if (error instanceof WSAuthFailureError)
      log.error("long connection: subscription refused repeatedly, giving up; check WECOM_BOT_ID and WECOM_BOT_SECRET");
    else log.warn({ reason: error.message }, "long connection error");
  });
  client.on("event", (frame) => log.debug({ event: frame.body?.event?.eventtype }, "event acknowledged and ignored"));
  // Tracked, so idle() also waits for messages still being dispatched.
  client.on("message", (frame) =>
    inFlight.track(
      handle(frame).catch((error: unknown) => log.error({ err: error }, "long-connection callback failed")),
    ),
  );

  async function handle(frame: WsFrame) {
    let parsed: ReturnType<typeof parseRobotCallback>;
    try {
      parsed = parseRobotCallback(frame.body ?? {}, { receivedAt: options.now() });
    } catch (error) {
      log.warn({ reason: (error as Error).message }, "long-connection callback refused");
      return;
    }
    if (parsed.kind === "ignored") {
      log.debug({ reason: parsed.reason }, "callback acknowledged and ignored");
      return;
    }
    const { id: msgid, conversation } = parsed.message;
    log.debug({ msgid, conversation: conversation.id, kind: conversation.kind }, "message received");
    const answer = (content: string) =>
      client.replyStream(frame, generateReqId("stream"), content, true).then(
        () => undefined,
        (error: unknown) =>
          log.error({ msgid, reason: sendFailure(error).message }, "reply over the long connection failed"),
      );
    const sendFile = (body: WecomPushBody) => push(conversation.id, body);
    const fileFailed = (error: unknown) =>
      log.warn({ msgid, reason: sendFailure(error).message }, "file reply over the long connection failed");
    const session = createReplySession(
      async (replies) => answer(replyMarkdown(await deliverFileReplies(replies, sendFile, fileFailed))),
      inFlight,
    );
    try {
      await options.dispatch(parsed.message, session.reply);
      session.settle(true);
    } catch (error) {
      session.settle(false);
      log.error({ err: error, msgid }, "dispatch failed on the long connection");
      // Here no HTTP status makes WeCom retry: tell the person, with the reference in the log.
      inFlight.track(answer(apologyFor(error)));
    }
  }

  async function push(chatid: string, body: WecomPushBody): Promise<void> {
    try {
      if (body.msgtype === "markdown")
        await client.sendMessage(chatid, { msgtype: "markdown", markdown: { content: body.markdown.content } });
      else if (body.msgtype === "text")
        await client.sendMessage(chatid, { msgtype: "markdown", markdown: { content: body.text.content } });
      else {
        const [type, filename, base64] =
          body.msgtype === "image"
            ? (["image", imageName(body.image.base64), body.image.base64] as const)
            : (["file", body.file_upload.filename, body.file_upload.base64] as const);
        const uploaded = await client.uploadMedia(Buffer.from(base64, "base64"), { type, filename });
        await client.sendMediaMessage(chatid, type, uploaded.media_id);
      }
    } catch (error) {
      throw sendFailure(error);
    }
  }

  return {
    push,
    async start() {
      if (started) return;
      started = true;
      const ready = new Promise<void>((resolve) => {
        client.once("authenticated", () => resolve());
        client.once("error", () => resolve());
        setTimeout(resolve, options.startTimeoutMs ?? 10_000).unref();
      });
      client.connect();
      await ready;
    },
    async stop() {
      if (started) client.disconnect();
      started = false;
      authenticated = false;
      await inFlight.idle();
    },
    health: () => ({ longConnection: { connected: client.isConnected, subscribed: authenticated } }),
  };
}

/** Only JPG and PNG are rendered as images (render.ts); base64 of a JPEG starts "/9j/". */
const imageName = (base64: string) => (base64.startsWith("/9j/") ? "image.jpg" : "image.png");

/** The SDK rejects with the ack frame ({errcode, errmsg}) or with an Error. */
function sendFailure(error: unknown): LongConnectionSendError {
  if (error instanceof LongConnectionSendError) return error;
  const frame = error as { errcode?: unknown; errmsg?: unknown } | null;
  if (frame && typeof frame === "object" && typeof frame.errcode === "number") {
    const errmsg = String(frame.errmsg ?? "");
    return new LongConnectionSendError(`errcode ${frame.errcode}: ${errmsg}`, frame.errcode, errmsg);
  }
  return new LongConnectionSendError(error instanceof Error ? error.message : String(error));
}
