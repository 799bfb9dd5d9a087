import { EventEmitter } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { closeHttpServer, whenStopped } from "../src/shutdown.ts";
import { silentLog } from "./helpers/test-bot.ts";

const signals = () => new EventEmitter() as unknown as Pick<NodeJS.Process, "once" | "removeListener"> & EventEmitter;

describe("whenStopped", () => {
  it("runs the steps in order on SIGTERM, past a failing one, and does not exit", async () => {
    const proc = signals();
    const ran: string[] = [];
    const exits: number[] = [];
    const done = whenStopped({
      log: silentLog,
      timeoutMs: 5_000,
      signals: proc,
      exit: (code) => exits.push(code),
      steps: [
        { name: "a", run: async () => ran.push("a") },
        { name: "b", run: async () => Promise.reject(new Error("redis gone")) },
        { name: "c", run: async () => ran.push("c") },
      ],
    });
    expect(ran).toEqual([]);
    proc.emit("SIGTERM", "SIGTERM");
    await done;
    expect(ran).toEqual(["a", "c"]);
    expect(exits).toEqual([]);
    expect(proc.listenerCount("SIGTERM")).toBe(0);
  });

  it("exits 1 on a second signal and on the timeout", async () => {
    const proc = signals();
    const exits: number[] = [];
    let timedOut!: () => void;
    const secondExit = new Promise<void>((resolve) => {
      timedOut = resolve;
    });
    const exit = (c: number) => {
      exits.push(c);
      if (exits.length === 2) timedOut();
    };
    void whenStopped({
      log: silentLog,
      timeoutMs: 50,
      signals: proc,
      exit,
      steps: [{ name: "hang", run: () => new Promise(() => {}) }],
    });
    proc.emit("SIGINT", "SIGINT");
    proc.emit("SIGTERM", "SIGTERM");
    expect(exits).toEqual([1]);
    await secondExit; // the 50 ms timeout ends it too
    expect(exits).toEqual([1, 1]);
  });
});

describe("closeHttpServer", () => {
  it("waits for the request under way and closes idle keep-alive connections", async () => {
    let finish!: () => void;
    let slowArrived!: () => void;
    const arrived = new Promise<void>((resolve) => {
      slowArrived = resolve;
    });
    const server = createServer((_req, res) => {
      if (_req.url === "/slow") {
        finish = () => res.end("done");
        slowArrived();
      } else res.end("quick");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect(await (await fetch(`${base}/quick`)).text()).toBe("quick"); // leaves an idle keep-alive connection
    const slow = fetch(`${base}/slow`).then((r) => r.text());
    await arrived;
    let closed = false;
    const closing = closeHttpServer(server).then(() => (closed = true));
    // Give the close every chance to finish early: it must not, while /slow is still open.
    for (let turn = 0; turn < 20; turn++) await new Promise((r) => setImmediate(r));
    expect(closed).toBe(false);
    finish();
    expect(await slow).toBe("done");
    await closing;
    expect(server.listening).toBe(false);
  });
});
