// npm run bench:wecom — callbacks per second and p50/p99 latency of the WeCom robot callback's
// full path (verify signature + decrypt + replay guard + dispatch + report stored + empty 200,
// every callback a new msgid) against a bare Koa route on the same server, in the same run; in
// between, the same callback with a dispatch that stores nothing, to show the channel's own
// share. The server runs in a child process, the load generator here (raw keep-alive sockets,
// load.ts); both talk over loopback to a redis-server this bench starts itself. Requests are encrypted and signed before timing
// starts. Callbacks carry no response_url: the measured path ends with the 200 (the reply is
// sent after it and is not part of what WeCom waits for). Server CPU per request comes from
// /proc, so it holds even when other work shares the machine; req/s and latency do not.
// A fourth row, for reference: the bare route plus two Redis round trips (the number the full
// path makes: replay guard, then the report's write), i.e. the floor any stored callback pays.
// BENCH_ONLY=bare|redis|layer|full measures one route alone (e.g. to profile it with BENCH_CPU_PROF).
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { createWecomCrypto } from "../../src/channels/wecom/crypto.ts";
import { createKeys } from "../../src/store/keys.ts";
import { startRedisServer } from "../helpers/redis-server.ts";
import { httpPost, load } from "./load.ts";
import { BENCH_KEY, BENCH_ORG, BENCH_TOKEN, BENCH_UNITS } from "./wecom-bench-config.ts";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20_000);
const WARMUP = 2_000;
const CONCURRENCY = 32;
/** Hard cap on the whole run, whatever happens. */
const RUN_LIMIT_MS = 180_000;

interface Prepared {
  path: string;
  body: string;
}

const redisServer = await startRedisServer();
// The server exits when its stdin closes, so it never outlives this process.
// BENCH_CPU_PROF=<dir> writes a V8 CPU profile of the server process there.
const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
const child = spawn(
  process.execPath,
  [
    ...process.execArgv,
    ...profile,
    fileURLToPath(new URL("./wecom-server.ts", import.meta.url)),
    String(redisServer.port),
  ],
  {
    stdio: ["pipe", "pipe", "inherit"],
  },
);
process.once("exit", () => {
  child.kill("SIGKILL");
  redisServer.process.kill("SIGKILL");
});
const abort = setTimeout(() => {
  console.error(`bench:wecom gave up after ${RUN_LIMIT_MS / 1000} s`);
  process.exit(1);
}, RUN_LIMIT_MS);
abort.unref();
const port = await new Promise<number>((resolve, reject) => {
  child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
  createInterface({ input: child.stdout! }).on("line", (line) => {
    const m = /^READY (\d+)$/.exec(line);
    if (m) resolve(Number(m[1]));
  });
});

const crypto = createWecomCrypto({ token: BENCH_TOKEN, encodingAesKey: BENCH_KEY, receiveId: "" });
function callback(path: string, i: number): Prepared {
  const n = Math.floor(i / BENCH_UNITS);
  const text =
    i % 2 === 0
      ? `@招商助手 走出去 赴上海拜访华谊集团${n}，洽谈新材料项目`
      : `@招商助手 请进来 宁波某集团${n}董事长一行来我镇考察纺织项目`;
  const plaintext = JSON.stringify({
    msgid: `bench-${path.length}-${i}`,
    aibotid: "aibBench",
    chatid: "wrkBenchGroup",
    chattype: "group",
    from: { userid: `user${i % BENCH_UNITS}` },
    msgtype: "text",
    text: { content: text },
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = `${path.length}n${i}`;
  const encrypt = crypto.encrypt(plaintext);
  const query = new URLSearchParams({ msg_signature: crypto.sign(timestamp, nonce, encrypt), timestamp, nonce });
  return { path: `${path}?${query}`, body: JSON.stringify({ encrypt }) };
}

interface Result {
  seconds: number;
  latencies: number[];
  failed: number;
  /** CPU time the server process spent, in ms (Linux /proc; 0 elsewhere): in user space, in the kernel. */
  serverCpuMs: { user: number; sys: number };
}

/** utime and stime of the server process in ms: robust against other load on the machine. */
function serverCpuMs(): { user: number; sys: number } {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    // USER_HZ is 100 on Linux
    return { user: Number(fields[11]) * 10, sys: Number(fields[12]) * 10 };
  } catch {
    return { user: 0, sys: 0 };
  }
}

async function run(
  requests: Prepared[],
  into: Result = { seconds: 0, latencies: [], failed: 0, serverCpuMs: { user: 0, sys: 0 } },
): Promise<Result> {
  let next = 0;
  const bytes = requests.map((r) => httpPost(r.path, r.body, { "Content-Type": "application/json" }));
  const cpu = serverCpuMs();
  const done = await load({ port, connections: CONCURRENCY, next: () => bytes[next++] ?? null });
  into.latencies.push(...done.latencies);
  into.failed += done.failed;
  into.seconds += done.seconds;
  const after = serverCpuMs();
  into.serverCpuMs.user += after.user - cpu.user;
  into.serverCpuMs.sys += after.sys - cpu.sys;
  return into;
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
function report(name: string, r: Result) {
  const perRequest = (ms: number) => ((ms * 1000) / r.latencies.length).toFixed(0).padStart(4);
  const sorted = [...r.latencies].sort((a, b) => a - b);
  const rate = r.latencies.length / r.seconds;
  console.log(
    `${name.padEnd(34)} ${Math.round(rate).toLocaleString("en").padStart(6)} req/s   p50 ${pct(sorted, 50).toFixed(2).padStart(6)} ms   p99 ${pct(sorted, 99).toFixed(2).padStart(6)} ms` +
      `   server CPU ${perRequest(r.serverCpuMs.user + r.serverCpuMs.sys)} µs/req (user ${perRequest(r.serverCpuMs.user)}, kernel ${perRequest(r.serverCpuMs.sys)})` +
      (r.failed ? `   ${r.failed} not 200` : ""),
  );
  return { rate, p99: pct(sorted, 99) };
}

// Rounds alternate the three routes so that anything else running on the machine weighs on
// each of them alike; figures are over all rounds.
const ROUNDS = 5;
const perRound = Math.ceil(REQUESTS / ROUNDS);
const bareRequest: Prepared = { path: "/bench/bare", body: JSON.stringify({ encrypt: "x".repeat(400) }) };
const redisRequest: Prepared = { ...bareRequest, path: "/bench/bare-redis" };
const full = Array.from({ length: WARMUP + REQUESTS }, (_, i) => callback("/wecom/callback", i));
const layer = Array.from({ length: WARMUP + REQUESTS }, (_, i) => callback("/bench/channel-only", i));

const only = process.env.BENCH_ONLY;
if (only) {
  const plain = (p: Prepared) => Array.from({ length: WARMUP + REQUESTS }, () => p);
  const chosen =
    only === "bare" ? plain(bareRequest) : only === "redis" ? plain(redisRequest) : only === "layer" ? layer : full;
  await run(chosen.slice(0, WARMUP));
  report(`${only} alone`, await run(chosen.slice(WARMUP)));
  child.kill("SIGTERM"); // lets a CPU profile be written
  await new Promise((r) => child.once("exit", r));
  process.exit(0);
}
await run(Array.from({ length: WARMUP }, () => bareRequest));
await run(Array.from({ length: WARMUP }, () => redisRequest));
await run(layer.slice(0, WARMUP));
await run(full.slice(0, WARMUP));
const results = {
  bare: undefined as Result | undefined,
  redis: undefined as Result | undefined,
  layer: undefined as Result | undefined,
  full: undefined as Result | undefined,
};
for (let round = 0; round < ROUNDS; round++) {
  const from = WARMUP + round * perRound;
  results.bare = await run(
    Array.from({ length: perRound }, () => bareRequest),
    results.bare,
  );
  results.redis = await run(
    Array.from({ length: perRound }, () => redisRequest),
    results.redis,
  );
  results.layer = await run(layer.slice(from, from + perRound), results.layer);
  results.full = await run(full.slice(from, from + perRound), results.full);
}

const redis = new Redis({ host: "127.0.0.1", port: redisServer.port });
const stored = await redis.xlen(createKeys(BENCH_ORG).records);
console.log(
  `bench:wecom  ${ROUNDS} alternating rounds of ${perRound.toLocaleString("en")} requests per route, ${CONCURRENCY} keep-alive connections; ` +
    "server and load generator (raw sockets) in separate processes; loopback; own redis-server",
);
const b = report("bare Koa route", results.bare!);
const r = report("bare + 2 Redis round trips", results.redis!);
const l = report("WeCom layer, no-op dispatch", results.layer!);
const f = report("full path (verify+decrypt+store)", results.full!);
console.log(
  `records stored ${stored.toLocaleString("en")} of ${full.length.toLocaleString("en")} full-path callbacks (warm-up included)`,
);
console.log(
  `throughput full/bare ${(f.rate / b.rate).toFixed(2)} — goal ≥ 0.50   (WeCom layer/bare ${(l.rate / b.rate).toFixed(2)}, bare + 2 Redis round trips/bare ${(r.rate / b.rate).toFixed(2)}, full/that ${(f.rate / r.rate).toFixed(2)})`,
);
console.log(`full path p99 ${f.p99.toFixed(2)} ms at ${CONCURRENCY} connections — goal ≤ 20 ms`);

await redis.quit();
child.kill("SIGTERM");
await new Promise((r) => child.once("exit", r));
await redisServer.stop();
