// The official dingtalk-stream DWClient, wrapped where version 2.1.5 does not fit a service
// (protocol §2.4): the gateway URL is hard-coded there, so getEndpoint() is replaced by a call
// to the configured base URL through the injected fetch; its own reconnect (a fixed 1 s loop)
// is switched off so the caller can back off; the socket is opened here so that its close is
// reported, nothing is printed with console.*, and a malformed frame cannot throw out of the
// WebSocket's event handler. Frame dispatch, the ping answer and the ack envelope stay the SDK's.
import { DWClient, type DWClientDownStream } from "dingtalk-stream";
import WebSocket from "ws";
import { postJson } from "./post-json.ts";

export const GATEWAY_PATH = "/v1.0/gateway/connections/open";
const GATEWAY_TIMEOUT_MS = 10_000;
const HANDSHAKE_TIMEOUT_MS = 10_000;

export interface GatewayClientOptions {
  appKey: string;
  appSecret: string;
  /** https://api.dingtalk.com in production. */
  apiBase: string;
  fetch: typeof fetch;
  ua: string;
  /** The current socket closed (by either side, or after an error). */
  onClose(socket: WebSocket, code: number, reason: string): void;
  /** A SYSTEM "disconnect" frame: the server closes this connection ~10 s later (§2.3). */
  onDisconnectRequested(reason: string): void;
  onBadFrame(error: Error): void;
}

/** What DWClient keeps private but a wrapper has to reach (TypeScript privacy only). */
interface DWClientInternals {
  socket?: WebSocket;
  dw_url?: string;
}

export class GatewayClient extends DWClient {
  readonly #options: GatewayClientOptions;

  constructor(options: GatewayClientOptions) {
    super({
      clientId: options.appKey,
      clientSecret: options.appSecret,
      ua: options.ua,
      keepAlive: false,
      debug: false,
    });
    this.#options = options;
    this.config.autoReconnect = false;
    // Only the robot topic: the SDK's default EVENT "*" subscription would auto-ack events we never read.
    this.config.subscriptions = [];
  }

  get currentSocket(): WebSocket | undefined {
    return (this as unknown as DWClientInternals).socket;
  }

  /** §2.2: POST …/connections/open → { endpoint, ticket }; the ticket is good for one connection, 90 s. */
  override async getEndpoint(): Promise<this> {
    const { appKey, appSecret, apiBase, ua } = this.#options;
    const body = { clientId: appKey, clientSecret: appSecret, subscriptions: this.config.subscriptions, ua };
    // Without Accept the gateway answers XML ([S15]).
    const { status, text } = await postJson(
      this.#options.fetch,
      `${apiBase}${GATEWAY_PATH}`,
      body,
      GATEWAY_TIMEOUT_MS,
      {
        accept: "application/json",
      },
    );
    let answer: { endpoint?: unknown; ticket?: unknown; code?: unknown } = {};
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      // reported below
    }
    if (status < 200 || status >= 300)
      throw new Error(`gateway answered HTTP ${status}${answer.code ? ` ${String(answer.code)}` : ""}`);
    if (typeof answer.endpoint !== "string" || typeof answer.ticket !== "string") {
      throw new Error("gateway answer has no endpoint or ticket");
    }
    (this as unknown as DWClientInternals).dw_url = `${answer.endpoint}?ticket=${encodeURIComponent(answer.ticket)}`;
    return this;
  }

  /** Opens the socket of the last getEndpoint(); resolves once it is open. */
  override _connect(): Promise<void> {
    const internals = this as unknown as DWClientInternals;
    const url = internals.dw_url;
    if (!url) return Promise.reject(new Error("no endpoint: call getEndpoint() first"));
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { handshakeTimeout: HANDSHAKE_TIMEOUT_MS });
      internals.socket = socket;
      socket.once("open", () => {
        this.connected = true;
        resolve();
      });
      socket.on("message", (data) => this.onDownStream(data.toString()));
      socket.on("error", (error) => {
        reject(error);
        socket.terminate();
      });
      socket.once("close", (code, reason) => {
        this.connected = false;
        this.registered = false;
        reject(new Error(`closed with code ${code}`));
        this.#options.onClose(socket, code, reason.toString());
      });
    });
  }

  override onDownStream(data: string): void {
    try {
      super.onDownStream(data);
    } catch (error) {
      this.#options.onBadFrame(error as Error);
    }
  }

  override onSystem(frame: DWClientDownStream): void {
    super.onSystem(frame);
    if (frame.headers.topic === "disconnect") this.#options.onDisconnectRequested(reasonOf(frame.data));
  }
}

function reasonOf(data: string): string {
  try {
    return String((JSON.parse(data) as { reason?: unknown }).reason ?? "");
  } catch {
    return "";
  }
}
