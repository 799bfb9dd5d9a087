// A local stand-in for WeCom's HTTP endpoints, enforcing what the protocol reference says:
//   POST /cgi-bin/webhook/send?key=K          body shapes and byte limits (§6.2), 20/min per key → 45009 (§6.6)
//   POST /cgi-bin/webhook/upload_media?key=K  multipart part "media", 5 B – 20 MB (§6.5)
//   POST /cgi-bin/aibot/response?response_code=C  markdown ≤ 20,480 bytes, single use (§1.7)
// Errcodes the documentation does not give (over-long content, a reused response_url) are
// made up here and named as such.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Made up: the real code for over-long content is not documented (§6.7). */
export const TOO_LONG_ERRCODE = 40058;
/** Made up: what a reused or unknown response_url answers is not documented (§1.7). */
export const RESPONSE_URL_USED_ERRCODE = 600001;

export interface Recorded {
  path: string;
  query: Record<string, string>;
  body: unknown;
  answer: unknown;
}

type Scripted = { errcode: number; errmsg: string } | "http500" | "drop" | "garbage";

export interface FakeWecom {
  base: string;
  webhookUrl(key: string): string;
  responseUrl(code: string): string;
  /** Every request, in order. */
  requests: Recorded[];
  /** Bodies accepted (errcode 0) for a webhook key. */
  accepted(key: string): Record<string, unknown>[];
  /** Markdown content accepted per response_code. */
  replies: Map<string, string>;
  uploads: Map<string, { filename: string; bytes: Buffer }>;
  /** The next requests answer these, in order, whatever they carry. */
  script(...answers: Scripted[]): void;
  /** Moves the fake's clock (the 20/min window) forward. */
  advance(ms: number): void;
  close(): Promise<void>;
}

const json = (res: ServerResponse, body: unknown) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};
const bytes = (s: unknown) => (typeof s === "string" ? Buffer.byteLength(s) : Infinity);

export async function startFakeWecom(options: { keys?: string[] } = {}): Promise<FakeWecom> {
  const keys = new Set(options.keys ?? ["key-leaders", "key-work"]);
  const requests: Recorded[] = [];
  const accepted = new Map<string, Record<string, unknown>[]>();
  const replies = new Map<string, string>();
  const usedCodes = new Set<string>();
  const uploads = new Map<string, { filename: string; bytes: Buffer }>();
  const scripted: Scripted[] = [];
  const windows = new Map<string, { start: number; count: number }>();
  let clock = 0;

  function send(key: string, body: Record<string, unknown>): { errcode: number; errmsg: string } {
    if (!keys.has(key)) return { errcode: 93000, errmsg: "invalid webhook url" };
    const w = windows.get(key);
    if (!w || clock - w.start >= 60_000) windows.set(key, { start: clock, count: 0 });
    const win = windows.get(key)!;
    if (win.count >= 20) return { errcode: 45009, errmsg: "api freq out of limit" };
    const problem = checkBody(body);
    if (problem) return problem;
    win.count++;
    accepted.set(key, [...(accepted.get(key) ?? []), body]);
    return { errcode: 0, errmsg: "ok" };
  }

  function checkBody(body: Record<string, unknown>): { errcode: number; errmsg: string } | null {
    const part = body[String(body.msgtype)] as Record<string, unknown> | undefined;
    if (!part) return { errcode: 40008, errmsg: "invalid message type" };
    switch (body.msgtype) {
      case "text":
      case "markdown": {
        const limit = body.msgtype === "text" ? 2048 : 4096;
        if (part.content === "") return { errcode: 44004, errmsg: "empty content" };
        if (bytes(part.content) > limit) return { errcode: TOO_LONG_ERRCODE, errmsg: `content exceeds ${limit} bytes` };
        return null;
      }
      case "image": {
        const raw = Buffer.from(String(part.base64), "base64");
        const md5 = createHash("md5").update(raw).digest("hex");
        if (md5 !== part.md5 || raw.length > 2 * 1024 * 1024) return { errcode: 40058, errmsg: "invalid image" };
        return null;
      }
      case "file":
        return uploads.has(String(part.media_id)) ? null : { errcode: 40007, errmsg: "invalid media_id" };
      default:
        return { errcode: 40008, errmsg: "invalid message type" };
    }
  }

  function upload(key: string, req: IncomingMessage, raw: Buffer) {
    if (!keys.has(key)) return { errcode: 93000, errmsg: "invalid webhook url" };
    const boundary = /boundary=(.+)$/.exec(req.headers["content-type"] ?? "")?.[1];
    const text = raw.toString("latin1");
    const head =
      /Content-Disposition: form-data; name="media"; filename="([^"]*)"; filelength=(\d+)\r\n[^\r]*\r\n\r\n/.exec(text);
    if (!boundary || !head) return { errcode: 40058, errmsg: "no media part" };
    const start = head.index + head[0].length;
    const end = text.indexOf(`\r\n--${boundary}--`, start);
    const file = raw.subarray(start, end);
    if (file.length !== Number(head[2]) || file.length < 5 || file.length > 20 * 1024 * 1024) {
      return { errcode: 40058, errmsg: "invalid file size" };
    }
    const mediaId = `media-${uploads.size + 1}`;
    uploads.set(mediaId, { filename: Buffer.from(head[1]!, "latin1").toString("utf8"), bytes: file });
    return { errcode: 0, errmsg: "ok", type: "file", media_id: mediaId, created_at: "1732000000" };
  }

  function respond(code: string, body: Record<string, unknown>) {
    if (usedCodes.has(code)) return { errcode: RESPONSE_URL_USED_ERRCODE, errmsg: "response_code already used" };
    const content = (body.markdown as { content?: unknown } | undefined)?.content;
    if (body.msgtype !== "markdown" || typeof content !== "string")
      return { errcode: 40008, errmsg: "invalid message type" };
    if (bytes(content) > 20_480) return { errcode: TOO_LONG_ERRCODE, errmsg: "content exceeds 20480 bytes" };
    usedCodes.add(code);
    replies.set(code, content);
    return { errcode: 0, errmsg: "ok" };
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url ?? "/", "http://fake");
      const query = Object.fromEntries(url.searchParams);
      const next = scripted.shift();
      if (next === "drop") return void req.socket.destroy();
      if (next === "http500") return void res.writeHead(500).end("internal error");
      if (next === "garbage") return void res.writeHead(200).end("<html>proxy login</html>");
      let body: unknown = null;
      let answer: unknown;
      if (next) answer = next;
      else if (url.pathname === "/cgi-bin/webhook/upload_media") answer = upload(query.key ?? "", req, raw);
      else {
        try {
          body = JSON.parse(raw.toString("utf8"));
        } catch {
          answer = { errcode: 40058, errmsg: "body is not JSON" };
        }
        if (!answer && url.pathname === "/cgi-bin/webhook/send")
          answer = send(query.key ?? "", body as Record<string, unknown>);
        else if (!answer && url.pathname === "/cgi-bin/aibot/response")
          answer = respond(query.response_code ?? "", body as Record<string, unknown>);
        else answer ??= { errcode: 404, errmsg: "unknown path" };
      }
      requests.push({ path: url.pathname, query, body, answer });
      json(res, answer);
    });
  });
  server.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    webhookUrl: (key) => `${base}/cgi-bin/webhook/send?key=${key}`,
    responseUrl: (code) => `${base}/cgi-bin/aibot/response?response_code=${code}`,
    requests,
    accepted: (key) => accepted.get(key) ?? [],
    replies,
    uploads,
    script: (...answers) => void scripted.push(...answers),
    advance: (ms) => {
      clock += ms;
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}
