// Decrypted WeCom payloads → the normalised IncomingMessage. No raw payload goes past here.
// Robot messages (protocol §1.4) are JSON, the same in URL-callback and long-connection mode;
// app messages (§2.4) are flat XML.
import type { IncomingMessage } from "../../bot/types.ts";
import { readXmlFields, XmlFormatError } from "./xml.ts";

export class MalformedPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MalformedPayloadError";
  }
}

export type ParsedCallback =
  | {
      kind: "message";
      message: IncomingMessage;
      /** One-shot reply URL of a robot message (§1.7); null when absent. */
      responseUrl: string | null;
    }
  | { kind: "ignored"; reason: string };

interface RobotPayload {
  msgid?: unknown;
  chatid?: unknown;
  chattype?: unknown;
  from?: { userid?: unknown };
  response_url?: unknown;
  msgtype?: unknown;
  create_time?: unknown;
  text?: { content?: unknown };
  mixed?: { msg_item?: unknown };
  event?: { eventtype?: unknown };
}

const str = (v: unknown): v is string => typeof v === "string" && v.length > 0;

/** A robot callback, as decrypted JSON text or (long connection) an already parsed body. */
export function parseRobotCallback(payload: string | object, options: { receivedAt: Date }): ParsedCallback {
  let body: RobotPayload;
  try {
    body = (typeof payload === "string" ? JSON.parse(payload) : payload) as RobotPayload;
  } catch {
    throw new MalformedPayloadError("plaintext is not JSON");
  }
  if (!body || typeof body !== "object" || !str(body.msgid) || !str(body.msgtype)) {
    throw new MalformedPayloadError("plaintext has no msgid or msgtype");
  }
  if (body.msgtype === "event") return { kind: "ignored", reason: `event ${String(body.event?.eventtype)}` };

  // §1.4: only text and the text items of mixed messages carry what people type. Images,
  // files, videos, voice and stream refreshes are acknowledged and ignored.
  let typed: string | null = null;
  if (body.msgtype === "text" && typeof body.text?.content === "string") typed = body.text.content;
  if (body.msgtype === "mixed" && Array.isArray(body.mixed?.msg_item)) {
    const parts = (body.mixed.msg_item as { msgtype?: unknown; text?: { content?: unknown } }[])
      .filter((item) => item?.msgtype === "text" && typeof item.text?.content === "string")
      .map((item) => item.text!.content as string);
    typed = parts.length > 0 ? parts.join("\n") : null;
  }
  if (typed === null) return { kind: "ignored", reason: `msgtype ${body.msgtype}` };

  const sender = body.from?.userid;
  if (!str(sender)) throw new MalformedPayloadError("message has no from.userid");
  const group = body.chattype === "group";
  if (group && !str(body.chatid)) throw new MalformedPayloadError("group message has no chatid");
  const created = typeof body.create_time === "number" ? new Date(body.create_time * 1000) : options.receivedAt;
  return {
    kind: "message",
    message: {
      id: body.msgid,
      conversation: {
        channel: "wecom",
        id: group ? (body.chatid as string) : sender,
        kind: group ? "group" : "direct",
      },
      sender: { id: sender },
      // text.content includes the robot's @mention ("@RobotA hello", §1.4): the dispatcher
      // removes it, as it does for every channel (one mention remover).
      text: typed.trim(),
      sentAt: created,
    },
    responseUrl: str(body.response_url) ? body.response_url : null,
  };
}

/** A self-built app message (decrypted XML, §2.4). Only text becomes a message. */
export function parseAppMessage(xml: string): ParsedCallback {
  let fields: Map<string, string>;
  try {
    fields = readXmlFields(xml);
  } catch (error) {
    if (error instanceof XmlFormatError) throw new MalformedPayloadError(`plaintext: ${error.message}`);
    throw error;
  }
  const type = fields.get("MsgType");
  if (!type) throw new MalformedPayloadError("plaintext has no MsgType");
  if (type === "event") return { kind: "ignored", reason: `event ${fields.get("Event") ?? "?"}` };
  if (type !== "text") return { kind: "ignored", reason: `MsgType ${type}` };
  const from = fields.get("FromUserName");
  const msgId = fields.get("MsgId");
  const content = fields.get("Content");
  const created = Number(fields.get("CreateTime"));
  if (!from || !msgId || content === undefined || !Number.isFinite(created)) {
    throw new MalformedPayloadError("text message lacks FromUserName, MsgId, Content or CreateTime");
  }
  return {
    kind: "message",
    message: {
      // App MsgIds are integers and robot msgids base64: prefixed so the two can never meet.
      id: `app:${msgId}`,
      conversation: { channel: "wecom", id: `app:${from}`, kind: "direct" },
      sender: { id: from },
      text: content.trim(),
      sentAt: new Date(created * 1000),
    },
    responseUrl: null,
  };
}
