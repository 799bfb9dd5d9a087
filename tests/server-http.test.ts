// The HTTP plumbing every route shares (issue 16, point 8): 405 with Allow for a method a route
// does not take, a client that aborts an upload is not an error, slow bodies are cut off in seconds.
import { once } from "node:events";
import { createServer as createHttpServer, request, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import Router from "@koa/router";
import { afterEach, describe, expect, it } from "vitest";
import { readRawBody } from "../src/channels/shared/raw-body.ts";
import { applyHttpLimits, createServer } from "../src/server.ts";
import { captureLog } from "./channels/wecom/log-capture.ts";

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function listen(server: Server): Promise<number> {
  servers.push(server);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return (server.address() as AddressInfo).port;
}

function send(port: number, method: string, path: string): Promise<{ status: number; allow: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path }, (res) => {
      res.resume();
      resolve({ status: res.statusCode!, allow: res.headers.allow });
    });
    req.on("error", reject);
    req.end();
  });
}

function appWithCallback(log = captureLog().log, onRead: (reason: string) => void = () => undefined) {
  const router = new Router();
  router.get("/cb", (ctx) => void (ctx.body = "get"));
  router.post("/cb", async (ctx) => {
    const body = await readRawBody(ctx.req, { maxBytes: 1024 });
    if (!body.ok) log.info({ reason: body.reason }, "body not read");
    ctx.body = body.ok ? body.text : body.reason;
    onRead(body.ok ? "ok" : body.reason);
  });
  return createServer({ log, redisReachable: async () => true, routers: [router] });
}

describe("methods", () => {
  it("answers 405 with Allow for a method our route does not take, and OPTIONS with Allow", async () => {
    const port = await listen(createHttpServer(appWithCallback().callback()));
    for (const method of ["PUT", "DELETE", "PATCH", "PROPFIND", "MKCOL"]) {
      const res = await send(port, method, "/cb?x=1");
      expect(res.status, method).toBe(405);
      expect(res.allow?.split(/, ?/).sort()).toEqual(["GET", "HEAD", "POST"]);
    }
    expect(await send(port, "OPTIONS", "/cb")).toMatchObject({ status: 204 });
    expect((await send(port, "PUT", "/healthz")).status).toBe(405);
    expect((await send(port, "GET", "/cb")).status).toBe(200);
    expect((await send(port, "PROPFIND", "/nowhere")).status).toBe(404);
  });
});

describe("bodies", () => {
  it("logs a client that aborts its upload below error level", async () => {
    const logs = captureLog();
    let read!: (reason: string) => void;
    const done = new Promise<string>((r) => (read = r));
    const http = createHttpServer(appWithCallback(logs.log, read).callback());
    const port = await listen(http);
    const socket = connect(port, "127.0.0.1");
    await once(socket, "connect");
    socket.write("POST /cb HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n0123456789");
    await once(http, "request");
    socket.destroy();
    expect(await done).toBe("aborted");
    expect(logs.at("error")).toEqual([]);
  });

  it("cuts a slow body off at the deadline", async () => {
    const server = createHttpServer(async (req, res) => {
      const body = await readRawBody(req, { maxBytes: 1024, timeoutMs: 200 });
      res.end(body.ok ? "ok" : body.reason);
    });
    const port = await listen(server);
    const socket = connect(port, "127.0.0.1");
    await once(socket, "connect");
    const started = Date.now();
    socket.write("POST /cb HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n01234");
    const [answer] = (await once(socket, "data")) as [Buffer];
    expect(answer.toString()).toContain("timeout");
    expect(Date.now() - started).toBeLessThan(2000);
    socket.destroy();
  });

  it("bounds the whole request and its headers on the service's server", () => {
    const server = createHttpServer();
    applyHttpLimits(server);
    expect(server.requestTimeout).toBeGreaterThan(0);
    expect(server.requestTimeout).toBeLessThanOrEqual(30_000);
    expect(server.headersTimeout).toBeLessThanOrEqual(server.requestTimeout);
  });
});
