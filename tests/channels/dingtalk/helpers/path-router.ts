// One loopback address in front of several fakes, chosen by path prefix. DingTalk serves the
// sessionWebhook and media/upload from one host (oapi) and the Stream gateway and the robot
// OpenAPI from another (api), while each fake here plays one of those services: the router lets
// a test give the channel the two bases it expects.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface PathRouter {
  base: string;
  close(): Promise<void>;
}

/** routes: [path prefix, base of the fake that answers it]; the first match wins. */
export async function startPathRouter(routes: ReadonlyArray<readonly [string, string]>): Promise<PathRouter> {
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const path = req.url ?? "/";
    const route = routes.find(([prefix]) => path.startsWith(prefix));
    if (!route) {
      res.writeHead(404, { "content-type": "application/json" }).end("{}");
      return;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === "string" && !["host", "connection", "content-length"].includes(name)) headers[name] = value;
    const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
    const answer = await fetch(`${route[1]}${path}`, { method: req.method ?? "GET", headers, body });
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  server.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
