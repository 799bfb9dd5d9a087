// The real service as a child process (npm start's entry) with DingTalk in HTTP mode and a real
// Redis: SIGTERM while a callback waits on Redis. The callback gets its answer and its write,
// new connections are refused at once, and the process exits 0; a second SIGTERM or the
// timeout ends it with 1.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freePort } from "../../src/redis.ts";
import { createStore } from "../../src/store/store.ts";
import { startFakeOapi, type FakeOapi } from "../channels/dingtalk/helpers/fake-oapi.ts";
import { fixture, signHeader } from "../channels/dingtalk/helpers/support.ts";
import { startRedisServer, type RedisServerHandle } from "../helpers/redis-server.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const SECRET = "graceful-stop-secret-0123456789";

interface Service {
  child: ChildProcess;
  port: number;
  org: string;
  stderr(): string;
  exited: Promise<{ code: number | null; ms: number }>;
  signalledAt: number;
}

let fake: FakeOapi;
// Its own redis-server: CLIENT PAUSE must not hold up the other test files' writes.
let redisServer: RedisServerHandle;
let admin: Redis;
const redisPort = () => redisServer.port;
let service: Service | undefined;

beforeEach(async () => {
  fake = await startFakeOapi(Date.now);
  redisServer = await startRedisServer();
  admin = new Redis({ port: redisPort(), host: "127.0.0.1" });
});
afterEach(async () => {
  await admin.call("CLIENT", "UNPAUSE");
  if (service && service.child.exitCode === null && service.child.signalCode === null) service.child.kill("SIGKILL");
  await service?.exited;
  service = undefined;
  await admin.quit();
  await redisServer.stop();
  await fake.close();
});

async function startService(env: Record<string, string> = {}): Promise<Service> {
  const port = await freePort();
  const org = `gs${randomBytes(4).toString("hex")}`;
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "serve"], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      REDIS_URL: `redis://127.0.0.1:${redisPort()}`,
      BOT_ORG: org,
      PORT: String(port),
      BOT_ADMINS: "u1",
      DINGTALK_APP_KEY: "dinggracefulstop",
      DINGTALK_APP_SECRET: SECRET,
      DINGTALK_OAPI_BASE: fake.base,
      LOG_LEVEL: "info",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  const s: Service = {
    child,
    port,
    org,
    stderr: () => stderr,
    signalledAt: 0,
    exited: new Promise((resolve) => child.once("exit", (code) => resolve({ code, ms: Date.now() - s.signalledAt }))),
  };
  const listening = new Promise<void>((resolve, reject) => {
    child.stderr!.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
      if (stderr.includes('"msg":"listening"')) resolve();
    });
    child.once("exit", () => reject(new Error(`service exited before listening:\n${stderr}`)));
  });
  await listening;
  return s;
}

/** A signed DingTalk callback from u1 saying `text`; resolves with the HTTP status. */
async function callback(s: Service, text: string): Promise<number> {
  const timestamp = String(Date.now());
  const session = randomBytes(4).toString("hex");
  const body = {
    ...fixture("group-text"),
    text: { content: ` ${text}` },
    msgId: `msg${randomBytes(6).toString("hex")}==`,
    senderStaffId: "u1",
    createAt: Date.now(),
    sessionWebhook: fake.sessionUrl(session),
    sessionWebhookExpiredTime: Date.now() + 5_400_000,
  };
  const res = await fetch(`http://127.0.0.1:${s.port}/dingtalk/callback`, {
    method: "POST",
    headers: { "content-type": "application/json", timestamp, sign: signHeader(timestamp, SECRET) },
    body: JSON.stringify(body),
  });
  await res.text();
  return res.status;
}

/** Resolves once `condition` holds (checked every 20 ms); fails the test after 10 s. */
async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The callback's write has reached Redis and waits there (CLIENT PAUSE WRITE blocks it). */
const writeWaiting = () =>
  until(async () => /blocked_clients:[1-9]/.test(await admin.info("clients")), "the callback's write to wait in Redis");
/** The service has taken the signal and started stopping. */
const stopping = (s: Service) =>
  until(() => s.stderr().includes("stopping: finishing in-flight work"), "the stop to begin");

function term(s: Service): void {
  s.signalledAt = Date.now();
  s.child.kill("SIGTERM");
}

// Each test starts the service with tsx, which takes several seconds on a loaded machine.
describe("graceful stop (a real child process)", { timeout: 60_000 }, () => {
  it("on SIGTERM refuses new connections, finishes the callback under way, then exits 0", async () => {
    service = await startService();
    await admin.call("CLIENT", "PAUSE", "1500", "WRITE"); // the callback's write waits for Redis
    const inFlight = callback(service, "添加单位 城东镇");
    await writeWaiting();
    term(service);
    await stopping(service);
    await expect(fetch(`http://127.0.0.1:${service.port}/healthz`)).rejects.toThrow();
    expect(await inFlight).toBe(200);
    const { code, ms } = await service.exited;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5000);
    const store = createStore(admin, { org: service.org, defaults: { selfJoin: true } });
    expect((await store.directory.unitByName("城东镇"))?.name).toBe("城东镇");
    expect(fake.sessionPosts.map((p) => JSON.stringify(p.body))).toEqual([
      expect.stringContaining("已添加单位「城东镇」"),
    ]);
    const log = service.stderr();
    expect(log).toContain('"msg":"stopping: finishing in-flight work"');
    expect(log.indexOf('"msg":"stopped"')).toBeGreaterThan(log.indexOf("stopping"));
  });

  it("exits 1 at once on a second SIGTERM", async () => {
    service = await startService();
    await admin.call("CLIENT", "PAUSE", "10000", "WRITE");
    const inFlight = callback(service, "添加单位 城南镇").catch(() => 0);
    await writeWaiting();
    term(service);
    await stopping(service);
    service.child.kill("SIGTERM");
    const { code, ms } = await service.exited;
    expect(code).toBe(1);
    expect(ms).toBeLessThan(3000);
    expect(service.stderr()).toContain("second stop signal");
    await inFlight;
  });

  it("exits 1 when the stop outlasts SHUTDOWN_TIMEOUT_SECONDS", async () => {
    service = await startService({ SHUTDOWN_TIMEOUT_SECONDS: "1" });
    await admin.call("CLIENT", "PAUSE", "10000", "WRITE");
    const inFlight = callback(service, "添加单位 城北镇").catch(() => 0);
    await writeWaiting();
    term(service);
    const { code, ms } = await service.exited;
    expect(code).toBe(1);
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThan(4000);
    expect(service.stderr()).toContain("stop timed out");
    await inFlight;
  });
});
