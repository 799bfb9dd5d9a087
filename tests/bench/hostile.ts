// npm run bench:hostile — the service under hostile input, in figures (issue 16):
//  1. worst time of each reader of untrusted text on adversarial inputs (64 KB callback bodies,
//     1,000-character lines): the XML reader, the JSON body, the DingTalk signature check, the
//     mention remover, the markup neutraliser;
//  2. RSS before and after a run of mixed hostile requests (unsigned, forged, replayed, 60 KB
//     bodies, aborted uploads) against both channels' routes on the service's Koa app, with the
//     real dispatcher and store on a private redis-server: does anything grow per request?
// BENCH_REQUESTS=<n> sets the request count (default 20000). Run with --expose-gc for the
// after-GC figure (the npm script does).
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { pino } from "pino";
import { createBenchDispatcher } from "./bench-dispatcher.ts";
import { createDingtalkChannel } from "../../src/channels/dingtalk/index.ts";
import { signature, verifySignature } from "../../src/channels/dingtalk/signature.ts";
import { inertMarkdown } from "../../src/channels/shared/inert-markup.ts";
import { createWecomCrypto } from "../../src/channels/wecom/crypto.ts";
import { buildWecomChannel } from "../../src/channels/wecom/index.ts";
import { readXmlFields } from "../../src/channels/wecom/xml.ts";
import { stripMention } from "../../src/domain/normalize.ts";
import { createServer } from "../../src/server.ts";
import { CoalescingRedis } from "../../src/redis-client.ts";
import { createStore } from "../../src/store/store.ts";
import { startRedisServer } from "../helpers/redis-server.ts";

const KB64 = 64 * 1024;
const fill = (unit: string, head: string, tail: string, size = KB64) =>
  head + unit.repeat(Math.floor((size - head.length - tail.length) / unit.length)) + tail;

function worst(run: () => unknown, inputs: number): number {
  let max = 0;
  for (let i = 0; i < inputs; i++) {
    const started = performance.now();
    try {
      run();
    } catch {
      // refusing is a fine answer; only the time counts
    }
    max = Math.max(max, performance.now() - started);
  }
  return max;
}

const xmlShapes = [
  fill("<![CDATA[]]>", "<xml><x>", "y</xml>"),
  fill("<![CDATA[", "<xml><x>", "</xml>"),
  fill("<a>", "<xml>", "</xml>"),
  fill("</xml> x", "<xml>", ""),
  fill("&#1234567", "<xml><A>", "</A></xml>"),
  fill("a", "<xml><", "></xml>"),
];
const line = (unit: string) => fill(unit, "", "", 1000);
const readers: Array<[string, () => number]> = [
  [
    "wecom/xml.ts readXmlFields, 64 KB × 6 shapes",
    () => Math.max(...xmlShapes.map((s) => worst(() => readXmlFields(s), 5))),
  ],
  ["robot body JSON.parse, 64 KB nesting", () => worst(() => JSON.parse(fill("[", "", "", KB64)), 5)],
  [
    "dingtalk/signature.ts verifySignature, 64 KB sign",
    () => worst(() => verifySignature({ timestamp: "1", sign: "A".repeat(KB64) }, "s", 1), 5),
  ],
  [
    "domain/normalize.ts stripMention, 1,000 chars",
    () => Math.max(...["@", "＠", " ", "@招商助手"].map((u) => worst(() => stripMention(line(u), ["招商助手"]), 5))),
  ],
  [
    "shared/inert-markup.ts inertMarkdown, 64 KB",
    () => Math.max(...["\n#", "[](", "<@", "\u202e"].map((u) => worst(() => inertMarkdown(fill(u, "", "")), 5))),
  ],
];

process.stdout.write("worst time per reader on adversarial input (ms)\n");
for (const [name, run] of readers) process.stdout.write(`  ${name.padEnd(52)} ${run().toFixed(2)}\n`);

// ── RSS under a hostile run ───────────────────────────────────────────────────────────────
const redisServer = await startRedisServer();
const redis = new CoalescingRedis({ host: "127.0.0.1", port: redisServer.port, maxRetriesPerRequest: 2 });
const store = createStore(redis, { org: "hostile", defaults: { selfJoin: true } });
const { unit } = await store.directory.addUnit("城西镇");
for (let i = 0; i < 50; i++) await store.directory.bindMember(`u${i}`, unit.id);
const log = pino({ level: "silent" });
const now = () => new Date();
const dispatch = createBenchDispatcher(store, now);
const deps = {
  dispatch,
  log,
  now,
  claimOnce: (k: string, t: number) => store.claimOnce(k, t),
  claimFirst: (k: string, v: string, t: number) => store.claimFirst(k, v, t),
  releaseOnce: (k: string) => store.releaseOnce(k),
  fetch: (async () => new Response('{"errcode":0,"errmsg":"ok"}')) as typeof fetch,
};
const TOKEN = "hostileToken";
const KEY = "kWm0z4PkhEV7b1ZgRfmS6ExSeGybRzwtMnjmx4i9ctC";
const SECRET = "hostile-secret";
const wecom = buildWecomChannel(
  {
    robotCallback: { token: TOKEN, encodingAesKey: KEY },
    appCallback: { token: TOKEN, encodingAesKey: KEY, corpId: "corp" },
    longConnection: null,
    webhooks: new Map(),
    chats: new Map(),
    apiBase: "http://127.0.0.1:9",
    botNames: ["招商助手"],
  },
  deps,
)!;
const ding = createDingtalkChannel(
  {
    app: { appKey: "k", appSecret: SECRET, mode: "http" },
    webhooks: new Map(),
    oapiBase: "http://127.0.0.1:9",
    apiBase: "http://127.0.0.1:9",
  },
  deps,
)!;
const server = createServer({
  log,
  redisReachable: async () => true,
  routers: [...wecom.routers, ...ding.routers],
}).listen(0, "127.0.0.1");
await new Promise((r) => server.once("listening", r));
const port = (server.address() as AddressInfo).port;
const robot = createWecomCrypto({ token: TOKEN, encodingAesKey: KEY, receiveId: "" });

function send(
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string,
  abort = false,
): Promise<void> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      res.resume();
      res.on("end", resolve);
    });
    req.on("error", () => resolve());
    if (abort) {
      req.write(body.slice(0, 100));
      setImmediate(() => req.destroy());
      setTimeout(resolve, 5);
    } else req.end(body);
  });
}

let seq = 0;
function hostile(i: number): Promise<void> {
  const ts = String(Math.floor(Date.now() / 1000));
  const nonce = `n${i}`;
  switch (i % 6) {
    case 0: // unsigned junk to the robot callback
      return send(
        "POST",
        `/wecom/callback?msg_signature=x&timestamp=${ts}&nonce=${nonce}`,
        {},
        fill("<![CDATA[]]>", "<xml><x>", "y</xml>", 60_000),
      );
    case 1: // a real, signed message with a fresh id (stored, answered)
    case 2: {
      const body = {
        msgid: `m${++seq}`,
        chattype: "single",
        from: { userid: `u${seq % 50}` },
        msgtype: "text",
        text: { content: "走出去 上海 拜访华谊集团" },
        response_url: "http://127.0.0.1:9/r",
      };
      const encrypt = robot.encrypt(JSON.stringify(body));
      return send(
        "POST",
        `/wecom/callback?msg_signature=${robot.sign(ts, nonce, encrypt)}&timestamp=${ts}&nonce=${nonce}`,
        {},
        JSON.stringify({ encrypt }),
      );
    }
    case 3: {
      // DingTalk with a reused (captured) pair and a new body each time
      const t = String(Date.now() - 1000);
      const payload = {
        msgId: `d${i}`,
        msgtype: "text",
        conversationId: "c",
        conversationType: "1",
        senderStaffId: `x${i}`,
        text: { content: "签约 伪造 1亿" },
      };
      return send(
        "POST",
        "/dingtalk/callback",
        { timestamp: "1700000000000", sign: signature("1700000000000", SECRET) + "x" },
        JSON.stringify(payload),
      ).then(() =>
        send(
          "POST",
          "/dingtalk/callback",
          { timestamp: t, sign: signature(t, SECRET) },
          JSON.stringify({ ...payload, msgId: `d${i}-${t}` }),
        ),
      );
    }
    case 4: // an aborted upload
      return send(
        "POST",
        "/dingtalk/callback",
        { timestamp: "1", sign: "x", "content-length": "50000" },
        "x".repeat(1000),
        true,
      );
    default: // methods and paths nobody serves
      return send(i % 2 ? "PROPFIND" : "PUT", i % 3 ? "/wecom/callback" : `/nowhere/${i}`, {}, "");
  }
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
const gc = (globalThis as { gc?: () => void }).gc;
const snapshot = (label: string) => {
  gc?.();
  const m = process.memoryUsage();
  process.stdout.write(
    `  ${label.padEnd(34)} rss ${mb(m.rss)} MB · heap used ${mb(m.heapUsed)} MB · external ${mb(m.external)} MB\n`,
  );
};
const total = Number(process.env.BENCH_REQUESTS ?? 20_000);
process.stdout.write(
  `\nmemory under ${total} hostile requests${gc ? " (after GC)" : " (run with --expose-gc for after-GC figures)"}\n`,
);
for (let i = 0; i < 600; i++) await hostile(i); // warm-up
snapshot("after warm-up");
const started = performance.now();
for (let done = 0; done < total; done += 8)
  await Promise.all(Array.from({ length: 8 }, (_, k) => hostile(600 + done + k)));
await wecom.idle();
snapshot(`after ${total} requests`);
for (let i = 0; i < total; i += 8) await Promise.all(Array.from({ length: 8 }, (_, k) => hostile(600 + total + i + k)));
await wecom.idle();
snapshot(`after ${2 * total} requests`);
process.stdout.write(`  ${((2 * total) / ((performance.now() - started) / 1000)).toFixed(0)} requests/s\n`);
server.close();
server.closeAllConnections();
redis.disconnect();
await redisServer.stop();
