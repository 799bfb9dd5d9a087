// The load generator of the channel benches: N keep-alive HTTP/1.1 connections over raw
// sockets, one request in flight on each (closed loop), requests prepared as bytes. It costs far
// less CPU than node:http's client, which matters when it shares a 2-core machine with the
// server and Redis: the figures then describe the server rather than the load generator.
import { connect } from "node:net";
import { performance } from "node:perf_hooks";

export interface LoadOptions {
  port: number;
  connections: number;
  /** The next request's bytes, or null when there are no more. */
  next: () => Buffer | null;
  /** Stop sending new requests after this many seconds. */
  seconds?: number;
}

export interface LoadResult {
  ok: number;
  failed: number;
  seconds: number;
  /** Per request, in ms, in completion order. */
  latencies: number[];
}

/** A POST with a body, ready to write. */
export function httpPost(path: string, body: string | Buffer, headers: Record<string, string> = {}): Buffer {
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  const extra = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join("");
  return Buffer.concat([
    Buffer.from(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extra}Content-Length: ${bytes.length}\r\n\r\n`),
    bytes,
  ]);
}

export async function load(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  const start = performance.now();
  const deadline = options.seconds === undefined ? Infinity : start + options.seconds * 1000;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const socket = connect(options.port, "127.0.0.1");
      socket.setNoDelay(true);
      let buffer: Buffer = Buffer.alloc(0);
      let sentAt = 0;
      const send = () => {
        const request = performance.now() < deadline ? options.next() : null;
        if (!request) {
          socket.end();
          resolve();
          return;
        }
        sentAt = performance.now();
        socket.write(request);
      };
      socket.once("connect", send);
      socket.on("error", reject);
      socket.on("data", (chunk: Buffer) => {
        buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
        const headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd === -1) return;
        const head = buffer.subarray(0, headEnd).toString("latin1");
        const length = Number(/content-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        if (buffer.length < headEnd + 4 + length) return;
        buffer = buffer.subarray(headEnd + 4 + length);
        latencies.push(performance.now() - sentAt);
        if (head.startsWith("HTTP/1.1 200")) ok++;
        else failed++;
        send();
      });
    });
  await Promise.all(Array.from({ length: options.connections }, one));
  return { ok, failed, seconds: (performance.now() - start) / 1000, latencies };
}
