// Three service processes on one Redis, a schedule firing every second, a fake push endpoint:
// each period is sent exactly once; a process killed in the middle of a send loses nothing
// and doubles nothing (an unanswered post is not a delivery; another process takes it over).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { EventEmitter, once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { watchKey } from "../helpers/key-events.ts";
import { redisPort } from "../helpers/test-bot.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
});

/** Resolves when the worker prints `line` on its stdout. */
function printed(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => d.toString().includes(line) && resolve());
    child.once("exit", (code) => reject(new Error(`worker exited early with ${code}`)));
  });
}

function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/schedules/worker-process.ts"], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  return printed(child, "ready").then(() => child);
}

/** Re-checks `check` each time `events` emits `event`; the test's own timeout bounds the wait. */
const until = async (check: () => boolean | Promise<boolean>, events: EventEmitter, event: string) => {
  while (!(await check())) await once(events, event);
};

describe("schedules across replicas", () => {
  it("sends each period once with 3 processes, and survives one killed mid-send", async () => {
    const delivered: string[] = [];
    let held: { pid: number; text: string } | null = null;
    const posts = new EventEmitter();
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = "";
      req.on("data", (d) => (body += d));
      req.on("end", () => {
        const text = (JSON.parse(body) as { text: string }).text;
        if (!held && delivered.length >= 2) {
          held = { pid: Number(req.headers["x-pid"]), text }; // never answered: the sender dies now
          posts.emit("post");
          return;
        }
        delivered.push(text);
        res.end("ok");
        posts.emit("post");
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const org = `mp${randomBytes(4).toString("hex")}`;
    const env = {
      REDIS_PORT: String(redisPort()),
      ORG: org,
      PUSH_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
      LEASE_MS: "1500",
    };
    const workers = await Promise.all([startWorker(env), startWorker(env), startWorker(env)]);

    await until(() => held !== null, posts, "post");
    const victim = workers.find((w) => w.pid === held!.pid)!;
    victim.kill("SIGKILL");
    await until(() => delivered.length >= 6, posts, "post");
    const survivors = workers.filter((w) => w !== victim);
    const stopped = survivors.map((w) => printed(w, "stopped"));
    for (const w of survivors) w.kill("SIGUSR2"); // stop ticking, keep delivering
    await Promise.all(stopped); // a tick already under way has queued what it will

    // Every queued piece, the hung one included (its lease runs out), is delivered by a survivor.
    const redis = new Redis({ port: redisPort() });
    const prefix = `zs:{${org}}:`;
    const jobs = await watchKey(`${prefix}out:jobs`);
    await until(async () => (await redis.hlen(`${prefix}out:jobs`)) === 0, jobs.events, "change");
    await jobs.close();
    for (const w of survivors) w.kill("SIGTERM");
    await Promise.all(
      survivors.map((w) =>
        w.exitCode === null && w.signalCode === null ? new Promise((r) => w.once("exit", r)) : null,
      ),
    );
    const periods = (await redis.keys(`${prefix}out:dedupe:tick:*`)).map((k) =>
      k.slice(`${prefix}out:dedupe:tick:`.length).replace(/:leaders$/, ""),
    );
    await redis.quit();
    server.close();

    const sentPeriods = delivered.map((t) => t.replace(/^tick /, ""));
    expect(new Set(sentPeriods).size).toBe(sentPeriods.length); // nothing doubled
    expect(sentPeriods).toContain(held!.text.replace(/^tick /, "")); // the hung one was taken over
    expect([...sentPeriods].sort()).toEqual([...periods].sort()); // nothing lost: every period queued was sent
    const seconds = [...periods].sort().map((p) => Date.parse(p) / 1000);
    expect(seconds.at(-1)! - seconds[0]! + 1).toBe(seconds.length); // one message per second, no gap
  }, 60_000);
});
