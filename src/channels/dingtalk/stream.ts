// Stream mode (protocol §2): the service dials out to DingTalk, so no public URL is needed.
// Robot messages arrive as CALLBACK frames; each is acknowledged only after the report is
// stored (the SDK never acks callbacks itself, §2.4). A frame that could not be stored is not
// acknowledged, so DingTalk pushes it again (~60 s, §2.3) and the msgId dedupe keeps it single.
// The connection comes back with exponential backoff, and every state change is logged.
import { TOPIC_ROBOT, type DWClientDownStream } from "dingtalk-stream";
import type { Logger } from "pino";
import WebSocket from "ws";
import { createInFlight } from "../shared/in-flight.ts";
import { GatewayClient } from "./gateway-client.ts";
import type { MessageHandler } from "./message-handler.ts";

export type StreamState = "idle" | "connecting" | "open" | "reconnecting" | "stopped";

export interface DingtalkStreamDeps {
  appKey: string;
  appSecret: string;
  apiBase: string;
  handle: MessageHandler;
  fetch: typeof fetch;
  log: Logger;
  now: () => Date;
  /** Reconnect delays: initialMs · 2^(attempt−1), at most maxMs, ±20 % jitter. */
  backoff?: { initialMs: number; maxMs: number };
  /** WebSocket ping interval; a connection that missed a pong is dropped. 0 turns it off. */
  heartbeatMs?: number;
  random?: () => number;
}

export interface DingtalkStream {
  /** Connects; resolves after the first attempt (open, or failed and scheduled again). */
  start(): Promise<void>;
  /** Finishes the frames in hand, closes, and stops reconnecting. */
  stop(): Promise<void>;
  /** Resolves once every frame received so far is handled (stored and acked, or refused). */
  settled(): Promise<void>;
  health(): { mode: "stream"; state: StreamState; connectedSince: string | null; reconnects: number };
}

const UA = "zhaoshang-bot/0.1 (dingtalk-stream 2.1.5)";
/** How long stop() and a server-requested disconnect wait for frames in hand. */
const DRAIN_MS = 5_000;

export function createDingtalkStream(deps: DingtalkStreamDeps): DingtalkStream {
  const { log } = deps;
  const backoff = deps.backoff ?? { initialMs: 1_000, maxMs: 60_000 };
  const heartbeatMs = deps.heartbeatMs ?? 10_000;
  const random = deps.random ?? Math.random;
  const inFlight = createInFlight();
  let state: StreamState = "idle";
  let attempt = 0;
  let opened = 0;
  let connectedSince: Date | null = null;
  let timer: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  /** Connections the server asked us to leave (SYSTEM disconnect). */
  const leaving = new WeakSet<WebSocket>();

  const setState = (next: StreamState, detail: Record<string, unknown> = {}) => {
    state = next;
    log.info({ state: next, ...detail }, `dingtalk stream ${next}`);
  };

  const client = new GatewayClient({
    appKey: deps.appKey,
    appSecret: deps.appSecret,
    apiBase: deps.apiBase,
    fetch: deps.fetch,
    ua: UA,
    onClose(socket, code, reason) {
      if (socket !== client.currentSocket) return;
      clearInterval(heartbeat);
      connectedSince = null;
      if (state !== "open") return; // stopped, or a connect() in progress handles it
      if (leaving.has(socket)) {
        setState("connecting", { reason: "server asked to reconnect", code });
        void connect();
        return;
      }
      scheduleReconnect(`closed with code ${code}${reason ? ` (${reason})` : ""}`);
    },
    onDisconnectRequested(reason) {
      // The frame came in on the current socket (this runs inside its message event).
      const socket = client.currentSocket;
      if (!socket) return;
      log.info({ reason }, "dingtalk stream: server asked to disconnect");
      leaving.add(socket);
      // §2.3: the server drops the connection ~10 s later; finish the frames in hand, then
      // move to a new connection (a new ticket) at once instead of waiting for that.
      void drain().then(() => socket.close());
    },
    onBadFrame(error) {
      log.warn({ err: error.message }, "dingtalk stream: unreadable frame ignored");
    },
  });

  client.registerCallbackListener(TOPIC_ROBOT, (frame) => {
    const socket = client.currentSocket;
    const work = onRobotFrame(frame, socket);
    inFlight.track(work);
  });

  async function onRobotFrame(frame: DWClientDownStream, socket: WebSocket | undefined): Promise<void> {
    const messageId = frame.headers?.messageId;
    let payload: unknown;
    try {
      payload = JSON.parse(frame.data);
    } catch {
      log.warn({ messageId }, "dingtalk stream: frame data is not JSON; acknowledged and dropped");
      return ack(messageId, socket);
    }
    try {
      const outcome = await deps.handle(payload);
      // A malformed payload will not improve on redelivery: acknowledge it too.
      ack(messageId, socket);
      log.debug({ messageId, outcome: outcome.status }, "dingtalk stream frame handled");
    } catch (err) {
      log.error(
        { err, messageId },
        "dingtalk stream: message not stored; not acknowledged so DingTalk pushes it again",
      );
    }
  }

  /** §2.3 ack: code 200, headers.messageId echoed, data {"response":null}; on the socket it came from. */
  function ack(messageId: string | undefined, socket: WebSocket | undefined): void {
    if (!messageId) return;
    if (!socket || socket !== client.currentSocket || socket.readyState !== WebSocket.OPEN) {
      log.warn({ messageId }, "dingtalk stream: connection gone before the ack; DingTalk will push the message again");
      return;
    }
    try {
      client.socketCallBackResponse(messageId, null);
    } catch (err) {
      log.warn({ err, messageId }, "dingtalk stream: ack not sent");
    }
  }

  // A function, not an inline check: `state` changes while connect() awaits.
  const stopped = () => state === "stopped";

  async function connect(): Promise<void> {
    if (stopped()) return;
    setState("connecting", attempt > 0 ? { attempt } : {});
    try {
      await client.getEndpoint();
      if (stopped()) return;
      await client._connect();
    } catch (error) {
      if (!stopped()) scheduleReconnect((error as Error).message);
      return;
    }
    const socket = client.currentSocket;
    if (stopped()) return socket?.close();
    opened++;
    attempt = 0;
    connectedSince = deps.now();
    setState("open");
    if (socket && heartbeatMs > 0) startHeartbeat(socket);
  }

  function scheduleReconnect(reason: string): void {
    attempt++;
    const base = Math.min(backoff.initialMs * 2 ** (attempt - 1), backoff.maxMs);
    const delay = Math.round(base * (0.8 + 0.4 * random()));
    setState("reconnecting", { attempt, inMs: delay, reason });
    timer = setTimeout(() => void connect(), delay);
    timer.unref();
  }

  function startHeartbeat(socket: WebSocket): void {
    let alive = true;
    socket.on("pong", () => {
      alive = true;
    });
    heartbeat = setInterval(() => {
      if (!alive) {
        log.warn("dingtalk stream: no pong within the heartbeat interval; dropping the connection");
        socket.terminate();
        return;
      }
      alive = false;
      socket.ping();
    }, heartbeatMs);
    heartbeat.unref();
  }

  async function drain(): Promise<void> {
    const bound = new Promise<void>((resolve) => setTimeout(resolve, DRAIN_MS).unref());
    await Promise.race([settled(), bound]);
  }

  async function settled(): Promise<void> {
    await inFlight.idle();
  }

  return {
    start: connect,
    async stop() {
      if (state === "stopped") return;
      const socket = client.currentSocket;
      setState("stopped");
      clearTimeout(timer);
      clearInterval(heartbeat);
      await drain();
      if (socket && socket.readyState !== WebSocket.CLOSED) {
        const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
        socket.close();
        await Promise.race([closed, new Promise<void>((resolve) => setTimeout(resolve, 1_000).unref())]);
        socket.terminate();
      }
    },
    settled,
    health: () => ({
      mode: "stream",
      state,
      connectedSince: connectedSince?.toISOString() ?? null,
      reconnects: Math.max(0, opened - 1),
    }),
  };
}
