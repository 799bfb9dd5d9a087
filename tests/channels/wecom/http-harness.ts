// Serves a Koa app on a loopback port for route tests.
import type { AddressInfo } from "node:net";
import type Koa from "koa";

export interface Served {
  base: string;
  request(
    path: string,
    init?: { method?: string; body?: string; contentType?: string | null },
  ): Promise<{ status: number; body: string; type: string }>;
  close(): Promise<void>;
}

export async function serve(app: Koa): Promise<Served> {
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    async request(path, init = {}) {
      const headers: Record<string, string> = {};
      const contentType = init.contentType === undefined ? "application/json" : init.contentType;
      if (contentType) headers["content-type"] = contentType;
      const res = await fetch(`${base}${path}`, {
        method: init.method ?? (init.body === undefined ? "GET" : "POST"),
        headers,
        ...(init.body === undefined ? {} : { body: init.body }),
      });
      return { status: res.status, body: await res.text(), type: res.headers.get("content-type") ?? "" };
    },
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections(); // keep-alive sockets would hold close() open
      }),
  };
}
