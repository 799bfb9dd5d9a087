// The server half of npm run bench:wecom, started by wecom.ts in its own process:
// the service's Koa app with the WeCom robot callback (real dispatcher and store on the
// bench's redis-server) plus a bare route, on a loopback port it prints as "READY <port>".
import type { AddressInfo } from "node:net";
import Router from "@koa/router";
import { pino } from "pino";
import { createBenchDispatcher } from "./bench-dispatcher.ts";
import { createWecomCrypto } from "../../src/channels/wecom/crypto.ts";
import { buildWecomChannel } from "../../src/channels/wecom/index.ts";
import { createInFlight } from "../../src/channels/shared/in-flight.ts";
import { createResponseUrlClient } from "../../src/channels/wecom/response-url-client.ts";
import { createRobotRoutes } from "../../src/channels/wecom/routes.ts";
import { CoalescingRedis } from "../../src/redis-client.ts";
import { createServer } from "../../src/server.ts";
import { createStore } from "../../src/store/store.ts";
import { BENCH_KEY, BENCH_ORG, BENCH_TOKEN, BENCH_UNITS } from "./wecom-bench-config.ts";

// The same client and options as the service's private redis-server (src/redis.ts).
const redis = new CoalescingRedis({ host: "127.0.0.1", port: Number(process.argv[2]), maxRetriesPerRequest: 2 });
const store = createStore(redis, { org: BENCH_ORG, defaults: { selfJoin: true } });
for (let u = 0; u < BENCH_UNITS; u++) {
  const { unit } = await store.directory.addUnit(`单位${u}`);
  await store.directory.bindMember(`user${u}`, unit.id);
}
const log = pino({ level: "silent" });
const now = () => new Date();
const dispatch = createBenchDispatcher(store, now);
const channel = buildWecomChannel(
  {
    robotCallback: { token: BENCH_TOKEN, encodingAesKey: BENCH_KEY },
    appCallback: null,
    longConnection: null,
    webhooks: new Map(),
    chats: new Map(),
    apiBase: "http://127.0.0.1:9",
    botNames: ["招商助手"],
  },
  {
    dispatch,
    log,
    now,
    claimOnce: (key, ttl) => store.claimOnce(key, ttl),
    claimFirst: (key, v, ttl) => store.claimFirst(key, v, ttl),
    releaseOnce: (key) => store.releaseOnce(key),
    fetch: globalThis.fetch,
  },
)!;

// The WeCom layer alone: the same route with a dispatch that stores nothing (verify + decrypt +
// parse + replay guard + 200), to tell the channel's cost from the dispatcher's and the store's.
const channelOnly = createRobotRoutes({
  dispatch: async () => ({ ok: true, replies: [], record: null, duplicate: false }),
  claimFirst: (key, v, ttl) => store.claimFirst(key, v, ttl),
  releaseOnce: (key) => store.releaseOnce(key),
  log,
  now,
  crypto: createWecomCrypto({ token: BENCH_TOKEN, encodingAesKey: BENCH_KEY, receiveId: "" }),
  responseUrl: createResponseUrlClient({ fetch: globalThis.fetch, log }),
  inFlight: createInFlight(),
  path: "/bench/channel-only",
});

// The bare route reads the body as the callback does, and answers an empty 200.
const bare = new Router();
bare.post("/bench/bare", async (ctx) => {
  for await (const _ of ctx.req);
  ctx.status = 200;
  ctx.body = "";
});
// For reference: the bare route plus the two Redis round trips a stored callback makes (a
// SET NX like the replay guard, then a second write), each to a key of its own.
let seq = 0;
bare.post("/bench/bare-redis", async (ctx) => {
  for await (const _ of ctx.req);
  const n = seq++;
  await redis.set(`bench:once:${n}`, "1", "EX", 60, "NX");
  await redis.set(`bench:write:${n}`, "1", "EX", 60);
  ctx.status = 200;
  ctx.body = "";
});
const app = createServer({ log, redisReachable: () => store.ping(), routers: [...channel.routers, channelOnly, bare] });
const server = app.listen(0, "127.0.0.1", () => {
  process.stdout.write(`READY ${(server.address() as AddressInfo).port}\n`);
});
const shutdown = () => {
  server.close();
  server.closeAllConnections();
  void redis.quit().finally(() => process.exit(0));
};
process.once("SIGTERM", shutdown);
process.stdin.once("end", shutdown).resume(); // the load generator is gone
