// A loopback stand-in for DingTalk's Stream gateway (protocol §2.2–§2.3): POST
// /v1.0/gateway/connections/open hands out one-use tickets; /connect accepts a WebSocket per
// ticket; the test pushes frames and reads what the client sends back.
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

export interface GatewayConnection {
  ticket: string;
  socket: WebSocket;
  /** Parsed messages the client sent, in order. */
  received: Array<Record<string, any>>;
  send(frame: unknown): void;
  /** The first message (already received or future) that matches. */
  next(match: (message: Record<string, any>) => boolean): Promise<Record<string, any>>;
  closed: Promise<void>;
}

export interface FakeGateway {
  base: string;
  /** Bodies of connections/open requests. */
  openRequests: Array<Record<string, any>>;
  /** Forced answers for the next connections/open requests. */
  openAnswers: Array<{ status: number; body: unknown }>;
  connections: GatewayConnection[];
  /** Resolves once the n-th connection (1-based) is open. */
  connection(n: number): Promise<GatewayConnection>;
  close(): Promise<void>;
}

/** autoPong false: a gateway that has stopped answering WebSocket pings. */
export async function startFakeGateway(options: { autoPong?: boolean } = {}): Promise<FakeGateway> {
  const tickets = new Set<string>();
  const waiting: Array<{ n: number; resolve: (c: GatewayConnection) => void }> = [];
  const http: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method !== "POST" || req.url !== "/v1.0/gateway/connections/open") {
      res.writeHead(404).end();
      return;
    }
    fake.openRequests.push(JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, any>);
    const forced = fake.openAnswers.shift();
    const ticket = randomUUID();
    tickets.add(ticket);
    const answer = forced ?? { status: 200, body: { endpoint: `ws://127.0.0.1:${port}/connect`, ticket } };
    res.writeHead(answer.status, { "content-type": "application/json" }).end(JSON.stringify(answer.body));
  });
  const wss = new WebSocketServer({
    server: http,
    path: "/connect",
    autoPong: options.autoPong ?? true,
    // §2.2: a ticket is good for one connection.
    verifyClient: ({ req }, done) => {
      const ticket = new URL(req.url ?? "/", "http://x").searchParams.get("ticket") ?? "";
      done(tickets.delete(ticket), 403);
    },
  });
  wss.on("connection", (socket, req) => {
    const received: Array<Record<string, any>> = [];
    const listeners: Array<{ match: (m: Record<string, any>) => boolean; resolve: (m: Record<string, any>) => void }> =
      [];
    socket.on("message", (data) => {
      const message = JSON.parse(data.toString()) as Record<string, any>;
      received.push(message);
      for (const l of [...listeners]) {
        if (l.match(message)) {
          listeners.splice(listeners.indexOf(l), 1);
          l.resolve(message);
        }
      }
    });
    const connection: GatewayConnection = {
      ticket: new URL(req.url ?? "/", "http://x").searchParams.get("ticket") ?? "",
      socket,
      received,
      send: (frame) => socket.send(JSON.stringify(frame)),
      next: (match) =>
        new Promise((resolve) => {
          const found = received.find(match);
          if (found) resolve(found);
          else listeners.push({ match, resolve });
        }),
      closed: new Promise((resolve) => socket.once("close", () => resolve())),
    };
    fake.connections.push(connection);
    for (const w of [...waiting]) {
      if (fake.connections.length >= w.n) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(fake.connections[w.n - 1]!);
      }
    }
  });
  http.listen(0, "127.0.0.1");
  await new Promise((r) => http.once("listening", r));
  const { port } = http.address() as AddressInfo;
  const fake: FakeGateway = {
    base: `http://127.0.0.1:${port}`,
    openRequests: [],
    openAnswers: [],
    connections: [],
    connection: (n) =>
      new Promise((resolve) => {
        const have = fake.connections[n - 1];
        if (have) resolve(have);
        else waiting.push({ n, resolve });
      }),
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise((r) => wss.close(r));
      http.closeAllConnections();
      await new Promise((r) => http.close(r));
    },
  };
  return fake;
}
