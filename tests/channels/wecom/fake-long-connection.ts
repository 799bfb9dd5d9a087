// A local stand-in for wss://openws.work.weixin.qq.com (protocol §1.9), speaking the frames
// the official SDK sends: aibot_subscribe (bot_id + secret), ping, aibot_respond_msg,
// aibot_send_msg and the three upload_media steps; each answered with {headers:{req_id}, errcode}.
// It pushes aibot_msg_callback / aibot_event_callback frames like WeCom does.
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

export interface Frame {
  cmd?: string;
  headers: { req_id: string };
  body?: Record<string, unknown>;
  errcode?: number;
  errmsg?: string;
}

export interface FakeLongConnection {
  url: string;
  /** Frames received from the bot, in order (pings included). */
  frames: Frame[];
  /** The n-th (1-based) received frame with this cmd, now or when it arrives. */
  waitFor(cmd: string, nth?: number): Promise<Frame>;
  /** Pushes a message callback to every subscribed connection; returns its req_id. */
  pushMessage(body: Record<string, unknown>): string;
  pushEvent(body: Record<string, unknown>): string;
  /** The next acks for these commands carry this errcode. */
  failNext(cmd: string, errcode: number, errmsg: string): void;
  /** Closes every connection from the server side, as a network failure would. */
  dropConnections(): void;
  close(): Promise<void>;
}

export async function startFakeLongConnection(credentials: {
  botId: string;
  secret: string;
}): Promise<FakeLongConnection> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise((r) => server.once("listening", r));
  const frames: Frame[] = [];
  const waiters: Array<{ cmd: string; nth: number; resolve: (f: Frame) => void }> = [];
  const failures = new Map<string, Array<{ errcode: number; errmsg: string }>>();
  const subscribed = new Set<WebSocket>();
  const uploads = new Map<string, number>();

  const ack = (ws: WebSocket, frame: Frame, extra: Partial<Frame> = {}) => {
    const failure = frame.cmd ? failures.get(frame.cmd)?.shift() : undefined;
    ws.send(
      JSON.stringify({
        headers: { req_id: frame.headers.req_id },
        errcode: 0,
        errmsg: "ok",
        ...extra,
        ...(failure ?? {}),
      }),
    );
  };

  server.on("connection", (ws) => {
    ws.on("close", () => subscribed.delete(ws));
    ws.on("message", (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      frames.push(frame);
      const count = frames.filter((f) => f.cmd === frame.cmd).length;
      for (const w of waiters.filter((x) => x.cmd === frame.cmd && x.nth === count)) w.resolve(frame);
      switch (frame.cmd) {
        case "aibot_subscribe": {
          const ok = frame.body?.bot_id === credentials.botId && frame.body?.secret === credentials.secret;
          if (ok) subscribed.add(ws);
          return ack(ws, frame, ok ? {} : { errcode: 40001, errmsg: "invalid bot_id or secret" });
        }
        case "aibot_upload_media_init": {
          const id = `up-${randomBytes(3).toString("hex")}`;
          uploads.set(id, 0);
          return ack(ws, frame, { body: { upload_id: id } });
        }
        case "aibot_upload_media_chunk":
          return ack(ws, frame);
        case "aibot_upload_media_finish":
          return ack(ws, frame, {
            body: { type: "file", media_id: `lc-media-${String(frame.body?.upload_id)}`, created_at: "1732000000" },
          });
        default:
          return ack(ws, frame); // ping, aibot_respond_msg, aibot_send_msg, …
      }
    });
  });

  const push = (cmd: string, body: Record<string, unknown>) => {
    const reqId = `${cmd}-${randomBytes(4).toString("hex")}`;
    for (const ws of subscribed) ws.send(JSON.stringify({ cmd, headers: { req_id: reqId }, body }));
    return reqId;
  };

  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
    frames,
    waitFor(cmd, nth = 1) {
      const existing = frames.filter((f) => f.cmd === cmd)[nth - 1];
      if (existing) return Promise.resolve(existing);
      return new Promise((resolve) => waiters.push({ cmd, nth, resolve }));
    },
    pushMessage: (body) => push("aibot_msg_callback", body),
    pushEvent: (body) => push("aibot_event_callback", body),
    failNext(cmd, errcode, errmsg) {
      failures.set(cmd, [...(failures.get(cmd) ?? []), { errcode, errmsg }]);
    },
    dropConnections() {
      for (const ws of server.clients) ws.terminate();
    },
    close: () =>
      new Promise((resolve) => {
        for (const ws of server.clients) ws.terminate();
        server.close(() => resolve());
      }),
  };
}
