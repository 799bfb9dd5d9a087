// Callback bodies are read raw: the Content-Type WeCom sends is not documented (protocol §1.3),
// so no body parser's type detection decides whether a callback is read.
import type { IncomingMessage } from "node:http";

/** The body as UTF-8 text, or null when it is longer than maxBytes (the rest is drained unread). */
export function readRawBody(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("error", reject);
    req.once("end", () => resolve(size > maxBytes ? null : Buffer.concat(chunks, size).toString("utf8")));
  });
}
