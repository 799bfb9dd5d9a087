// npm run bench:dingtalk — the DingTalk HTTP callback's full path (signature check, parse,
// dispatcher, Lua write to Redis, 200; the markdown reply rendered and handed to a stub fetch)
// against a bare Koa route that only reads the body, in the same server process and the same
// run; a third row runs the channel with the dispatcher stubbed out, to show its own share.
// Three processes on loopback: this one (orchestrator and load generator, load.ts: raw keep-alive
// HTTP/1.1 on N connections, one request in flight each), the server (a child), and a
// non-persistent redis-server the bench starts itself. Bounded: BENCH_SECONDS (default 10,
// at most 60) per target, in 5 alternating rounds, after a 2 s warm-up each. BENCH_CPU_PROF=<dir>
// profiles the server.
import { fork } from "node:child_process";
import { createHmac } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type Router from "@koa/router";
import { Redis } from "ioredis";
import type { Dispatch } from "../../src/bot/dispatcher.ts";
import { httpPost, load } from "./load.ts";

const ORG = "benchdingtalk";
const SECRET = "bench-app-secret-0123456789";
const UNITS = 200;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const SECONDS = Math.min(Math.max(Number(process.env.BENCH_SECONDS ?? 10), 1), 60);
const WARMUP_SECONDS = 2;
const ROUNDS = 5;

if (process.argv[2] === "server") await serve(Number(process.argv[3]));
else await orchestrate();

async function serve(redisPort: number): Promise<void> {
  const [
    { default: KoaRouter },
    { pino },
    { commands },
    { createDispatcher },
    { createIndustryTable },
    { createStore },
    { createDingtalkChannel },
    { createServer },
  ] = await Promise.all([
    import("@koa/router"),
    import("pino"),
    import("../../commands/index.ts"),
    import("../../src/bot/dispatcher.ts"),
    import("../../src/domain/industry.ts"),
    import("../../src/store/store.ts"),
    import("../../src/channels/dingtalk/index.ts"),
    import("../../src/server.ts"),
  ]);
  const log = pino({ level: "silent" });
  // The same client and options as the service's private redis-server (src/redis.ts).
  const { CoalescingRedis } = await import("../../src/redis-client.ts");
  const redis = new CoalescingRedis({ host: "127.0.0.1", port: redisPort, maxRetriesPerRequest: 2 });
  const store = createStore(redis, { org: ORG, defaults: { selfJoin: true } });
  for (let u = 0; u < UNITS; u++) {
    const { unit } = await store.directory.addUnit(`单位${u}`);
    await store.directory.bindMember(`user${u}`, unit.id);
  }
  const now = () => new Date();
  const dispatch = createDispatcher({
    store,
    commands,
    rules: {
      queryAccess: "members",
      industries: createIndustryTable(),
      maxAgeDays: 90,
      amountCeiling: 500_000_000_000,
      configAdmins: [],
    },
    log,
    now,
  });
  // The reply is rendered, serialised and handed to fetch as in production; only the network
  // hop is stubbed, with a minimal answer object instead of an undici Response.
  const answer = { ok: true, status: 200, text: async () => '{"errcode":0,"errmsg":"ok"}' };
  const stubFetch = (async () => answer) as unknown as typeof fetch;
  const channel = createDingtalkChannel(
    {
      app: { appKey: "benchkey", appSecret: SECRET, mode: "http" },
      webhooks: new Map(),
      oapiBase: "http://127.0.0.1:9",
      apiBase: "http://127.0.0.1:9",
    },
    {
      dispatch,
      log,
      now,
      claimOnce: (key, ttl) => store.claimOnce(key, ttl),
      claimFirst: (key, v, ttl) => store.claimFirst(key, v, ttl),
      releaseOnce: (key) => store.releaseOnce(key),
      fetch: stubFetch,
    },
  )!;
  const bare = new KoaRouter();
  bare.post("/bare", async (ctx) => {
    for await (const _chunk of ctx.req) {
      // read the body, as the callback does
    }
    ctx.body = { msgtype: "empty" };
  });
  // The same channel with the dispatcher stubbed out (no Redis): what the channel itself costs.
  const stubDispatch: Dispatch = async (_message, reply) => {
    await reply({ kind: "text", text: "已登记走出去 #1\n单位：单位0" });
    return { ok: true, replies: [], record: null, duplicate: false };
  };
  const stubbed = createDingtalkChannel(
    {
      app: { appKey: "benchkey", appSecret: SECRET, mode: "http" },
      webhooks: new Map(),
      oapiBase: "http://127.0.0.1:9",
      apiBase: "http://127.0.0.1:9",
    },
    {
      dispatch: stubDispatch,
      log,
      now,
      claimOnce: async () => true,
      claimFirst: async () => null,
      releaseOnce: async () => {},
      fetch: stubFetch,
    },
  )!;
  const listen = (routers: Router[]) =>
    new Promise<Server>((resolve) => {
      const server: Server = createServer({ log, redisReachable: () => store.ping(), routers }).listen(
        0,
        "127.0.0.1",
        () => resolve(server),
      );
    });
  const servers = [await listen([...channel.routers, bare]), await listen(stubbed.routers)];
  const [port, stubPort] = servers.map((s) => (s.address() as AddressInfo).port);
  process.send!({ port, stubPort });
  // The orchestrator asks for CPU time around each measured phase.
  process.on("message", () => process.send!({ cpu: process.cpuUsage() }));
  process.once("disconnect", () => {
    for (const server of servers) server.close();
    redis.disconnect();
  });
}

async function orchestrate(): Promise<void> {
  const { startRedisServer } = await import("../helpers/redis-server.ts");
  const { createKeys } = await import("../../src/store/keys.ts");
  const redisServer = await startRedisServer();
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server process there.
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = fork(fileURLToPath(import.meta.url), ["server", String(redisServer.port)], {
    execArgv: [...process.execArgv, ...profile],
    stdio: "inherit",
  });
  const { port, stubPort } = await new Promise<{ port: number; stubPort: number }>((resolve) =>
    child.once("message", (m) => resolve(m as { port: number; stubPort: number })),
  );
  let seq = 0;
  let lastTs = 0;
  const request = (path: string) => {
    seq++;
    // DingTalk signs each callback with its own millisecond, and a (timestamp, sign) pair is
    // bound to its first body: one millisecond per request (it runs ahead of the clock under load,
    // well inside the one-hour window).
    lastTs = Math.max(Date.now(), lastTs + 1);
    const ts = String(lastTs);
    const sign = createHmac("sha256", SECRET).update(`${ts}\n${SECRET}`).digest("base64");
    return httpPost(path, JSON.stringify(payload(seq)), {
      "Content-Type": "application/json; charset=utf-8",
      timestamp: ts,
      sign,
    });
  };
  const drive = (target: number, path: string, seconds: number) =>
    load({ port: target, connections: CONNECTIONS, next: () => request(path), seconds });
  try {
    await drive(port, "/bare", WARMUP_SECONDS);
    await drive(stubPort, "/dingtalk/callback", WARMUP_SECONDS);
    const warmFull = await drive(port, "/dingtalk/callback", WARMUP_SECONDS);
    const cpu = () =>
      new Promise<NodeJS.CpuUsage>((resolve) => {
        child.once("message", (m) => resolve((m as { cpu: NodeJS.CpuUsage }).cpu));
        child.send("cpu");
      });
    // The targets take turns, ROUNDS times each, so that drift and other work on the machine
    // weigh on each of them alike; figures are over all rounds.
    const totals = () => ({ ok: 0, failed: 0, seconds: 0, latencies: [] as number[], cpu: 0, sys: 0 });
    const runs = { bare: totals(), stub: totals(), full: totals() };
    const targets = [
      [runs.bare, port, "/bare"],
      [runs.stub, stubPort, "/dingtalk/callback"],
      [runs.full, port, "/dingtalk/callback"],
    ] as const;
    for (let round = 0; round < ROUNDS; round++) {
      for (const [into, target, path] of targets) {
        const before = await cpu();
        const r = await drive(target, path, SECONDS / ROUNDS);
        const after = await cpu();
        into.ok += r.ok;
        into.failed += r.failed;
        into.seconds += r.seconds;
        into.latencies.push(...r.latencies);
        into.cpu += after.user - before.user + after.system - before.system;
        into.sys += after.system - before.system;
      }
    }
    const summary = (t: ReturnType<typeof totals>) => {
      const n = t.ok + t.failed;
      const latencies = t.latencies.sort((a, b) => a - b);
      const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
      return {
        ok: t.ok,
        failed: t.failed,
        perSecond: n / t.seconds,
        p50: pick(0.5),
        p99: pick(0.99),
        cpuMicros: t.cpu / n,
        sysMicros: t.sys / n,
      };
    };
    const [bare, stub, full] = [summary(runs.bare), summary(runs.stub), summary(runs.full)];
    const redis = new Redis({ host: "127.0.0.1", port: redisServer.port });
    const stored = await redis.xlen(createKeys(ORG).records);
    await redis.quit();
    const line = (name: string, r: ReturnType<typeof summary>) =>
      `${name.padEnd(20)} ${Math.round(r.perSecond).toLocaleString("en").padStart(7)} req/s   p50 ${r.p50.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms   server CPU ${Math.round(r.cpuMicros)} µs/req (kernel ${Math.round(r.sysMicros)})   (${r.ok.toLocaleString("en")} × 200, ${r.failed} other)`;
    const ratio = full.perSecond / bare.perSecond;
    console.log(
      `bench:dingtalk  ${CONNECTIONS} connections, ${SECONDS} s per target in ${ROUNDS} alternating rounds after ${WARMUP_SECONDS} s warm-up, loopback; server, load generator (raw sockets) and redis-server in separate processes`,
    );
    console.log(line("bare Koa route", bare));
    console.log(line("channel, no store", stub));
    console.log(line("dingtalk full path", full));
    console.log(
      `ratio ${(ratio * 100).toFixed(1)}% of bare throughput — goal ≥ 50%   ${ratio >= 0.5 ? "met" : "NOT met"}`,
    );
    console.log(`full-path p99 ${full.p99.toFixed(2)} ms — goal ≤ 20 ms   ${full.p99 <= 20 ? "met" : "NOT met"}`);
    const answered = warmFull.ok + full.ok;
    console.log(
      `records stored ${stored.toLocaleString("en")} for ${answered.toLocaleString("en")} full-path 200s (warm-up included)   ${stored === answered ? "every 200 stored" : "MISMATCH"}`,
    );
  } finally {
    child.disconnect();
    await new Promise((r) => child.once("exit", r));
    await redisServer.stop();
  }
}

/** A robot callback (protocol §1.4) with a unique msgId; reports spread over 200 units. */
function payload(i: number): Record<string, unknown> {
  const u = i % UNITS;
  const n = Math.floor(i / UNITS);
  const slot = n % 10;
  const text =
    slot < 5
      ? `走出去 赴上海拜访华谊集团${n}，洽谈新材料项目`
      : slot < 9
        ? `请进来 宁波某集团${n}董事长一行来我镇考察纺织项目`
        : `签约 年产${n}万吨功能膜项目 5.2亿元 新材料 省外`;
  const now = Date.now();
  return {
    msgtype: "text",
    text: { content: ` ${text}` },
    msgId: `msgBench${process.pid}x${i}==`,
    createAt: now,
    conversationType: "2",
    conversationId: "cidBench0001==",
    conversationTitle: "项目推进群",
    senderId: "$:LWCP_v1:$benchSender",
    senderNick: `专员${u}`,
    senderStaffId: `user${u}`,
    chatbotUserId: "$:LWCP_v1:$benchBot",
    isInAtList: true,
    sessionWebhook: "http://127.0.0.1:9/robot/sendBySession?session=bench",
    sessionWebhookExpiredTime: now + 5_400_000,
  };
}
