// The DingTalk JSON POST (replies, robot pushes, the Stream gateway) and its shared deadline.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeadlineError } from "../../../src/channels/shared/deadline.ts";
import { postJson } from "../../../src/channels/dingtalk/post-json.ts";

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/silent") return; // never answers
    let body = "";
    req.on("data", (c: Buffer) => (body += c));
    req.on("end", () => res.end(JSON.stringify({ errcode: 0, echo: JSON.parse(body) })));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe("postJson", () => {
  it("posts JSON and returns the status and the text of the answer", async () => {
    const answer = await postJson(globalThis.fetch, `${base}/ok`, { msgtype: "text" }, 1_000);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ errcode: 0, echo: { msgtype: "text" } });
  });

  it("gives up on a silent server after the timeout, and not much later", async () => {
    const started = Date.now();
    const attempts = [
      postJson(globalThis.fetch, `${base}/silent`, {}, 200),
      postJson(globalThis.fetch, `${base}/silent`, {}, 200),
    ];
    for (const attempt of attempts) await expect(attempt).rejects.toBeInstanceOf(DeadlineError);
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(195);
    expect(took).toBeLessThan(1_000);
  });

  it("does not abort a post that starts after an earlier slot's deadline passed", async () => {
    await expect(postJson(globalThis.fetch, `${base}/silent`, {}, 100)).rejects.toBeInstanceOf(DeadlineError);
    const answer = await postJson(globalThis.fetch, `${base}/ok`, { n: 1 }, 100);
    expect(answer.status).toBe(200);
  });
});
