// The group webhook (消息推送, formerly 群机器人, protocol §6): POST …/webhook/send?key=KEY.
// The key in the URL is the only credential, so URLs never reach a log or an error message.
// This client sends one thing at a time and reports WeCom's answer; queueing, the 20/min
// limit and retries belong to the outbox.
import { createHash } from "node:crypto";
import { deadline } from "../shared/deadline.ts";
import { errorReason } from "./error-reason.ts";
import { splitByLines, WEBHOOK_MARKDOWN_MAX_BYTES } from "./render.ts";

export interface WebhookAnswer {
  errcode: number;
  errmsg: string;
  /** upload_media only. */
  media_id?: string;
}

/** No usable answer: a network error, a timeout, a non-2xx status or a body that is not WeCom's. */
export class WebhookTransportError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "WebhookTransportError";
  }
}

export interface Mentions {
  /** userids, or "@all" (§6.3). */
  userIds?: readonly string[];
  mobiles?: readonly string[];
}

export interface WebhookClient {
  /** Posts one body as is. */
  post(sendUrl: string, body: object): Promise<WebhookAnswer>;
  /** Text (≤ 2048 bytes) with mentioned_list / mentioned_mobile_list. */
  text(sendUrl: string, content: string, mentions?: Mentions): Promise<WebhookAnswer>;
  /** Markdown; over 4096 bytes it is split at line boundaries and sent in order, stopping at the first failure. */
  markdown(sendUrl: string, content: string): Promise<WebhookAnswer>;
  /** JPG/PNG ≤ 2 MB: base64 plus the md5 of the raw bytes (§6.2). */
  image(sendUrl: string, bytes: Buffer): Promise<WebhookAnswer>;
  /** upload_media (§6.5), then a file message with the media_id. */
  file(sendUrl: string, filename: string, bytes: Buffer): Promise<WebhookAnswer>;
  uploadMedia(sendUrl: string, filename: string, bytes: Buffer, type?: "file" | "voice"): Promise<WebhookAnswer>;
}

export function textBody(content: string, mentions: Mentions = {}) {
  return {
    msgtype: "text" as const,
    text: {
      content,
      ...(mentions.userIds?.length ? { mentioned_list: [...mentions.userIds] } : {}),
      ...(mentions.mobiles?.length ? { mentioned_mobile_list: [...mentions.mobiles] } : {}),
    },
  };
}

export function imageBody(bytes: Buffer) {
  return {
    msgtype: "image" as const,
    image: { base64: bytes.toString("base64"), md5: createHash("md5").update(bytes).digest("hex") },
  };
}

/** …/webhook/send?key=K → …/webhook/upload_media?key=K&type=file (same host and key). */
export function uploadUrlOf(sendUrl: string, type: "file" | "voice"): string {
  const url = new URL(sendUrl);
  url.pathname = url.pathname.replace(/\/send$/, "/upload_media");
  url.searchParams.set("type", type);
  return url.toString();
}

export function createWebhookClient(options: { fetch: typeof fetch; timeoutMs?: number }): WebhookClient {
  const timeoutMs = options.timeoutMs ?? 10_000;

  async function call(url: string, init: { body: string | Buffer; contentType: string }): Promise<WebhookAnswer> {
    let res: Response;
    let text: string;
    try {
      res = await options.fetch(url, {
        method: "POST",
        headers: { "content-type": init.contentType },
        body: typeof init.body === "string" ? init.body : new Blob([new Uint8Array(init.body)]),
        signal: deadline(timeoutMs),
      });
      text = await res.text();
    } catch (error) {
      throw new WebhookTransportError(errorReason(error));
    }
    let json: { errcode?: unknown; errmsg?: unknown; media_id?: unknown };
    try {
      json = JSON.parse(text) as typeof json;
    } catch {
      throw new WebhookTransportError(`HTTP ${res.status} with a body that is not JSON`);
    }
    if (typeof json.errcode !== "number") throw new WebhookTransportError(`HTTP ${res.status} without errcode`);
    return {
      errcode: json.errcode,
      errmsg: String(json.errmsg ?? ""),
      ...(typeof json.media_id === "string" ? { media_id: json.media_id } : {}),
    };
  }

  const client: WebhookClient = {
    post: (sendUrl, body) => call(sendUrl, { body: JSON.stringify(body), contentType: "application/json" }),
    text: (sendUrl, content, mentions) => client.post(sendUrl, textBody(content, mentions)),
    async markdown(sendUrl, content) {
      let answer: WebhookAnswer = { errcode: 0, errmsg: "ok" };
      for (const piece of splitByLines(content, WEBHOOK_MARKDOWN_MAX_BYTES)) {
        answer = await client.post(sendUrl, { msgtype: "markdown", markdown: { content: piece } });
        if (answer.errcode !== 0) break;
      }
      return answer;
    },
    image: (sendUrl, bytes) => client.post(sendUrl, imageBody(bytes)),
    async file(sendUrl, filename, bytes) {
      const uploaded = await client.uploadMedia(sendUrl, filename, bytes, "file");
      if (uploaded.errcode !== 0 || !uploaded.media_id)
        return uploaded.errcode !== 0 ? uploaded : { errcode: -1, errmsg: "upload_media returned no media_id" };
      return client.post(sendUrl, { msgtype: "file", file: { media_id: uploaded.media_id } });
    },
    uploadMedia(sendUrl, filename, bytes, type = "file") {
      // §6.5: multipart/form-data, one part named "media" with filename and filelength.
      const boundary = `----zs${createHash("md5").update(bytes).digest("hex")}`;
      const safeName = filename.replace(/["\r\n]/g, "_");
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="${safeName}"; filelength=${bytes.length}\r\n` +
          "Content-Type: application/octet-stream\r\n\r\n",
        "utf8",
      );
      const body = Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`, "utf8")]);
      return call(uploadUrlOf(sendUrl, type), { body, contentType: `multipart/form-data; boundary=${boundary}` });
    },
  };
  return client;
}
