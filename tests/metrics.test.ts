// /metrics on the real Koa app and a real Redis: the token gate, and what the counters say
// after real messages through the real dispatcher, a real outbox and a Redis that goes away.
import { once } from "node:events";
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PushTransport } from "../src/push/push.ts";
import { createMetrics, type Metrics } from "../src/metrics.ts";
import { createMetricsRouter, tokenMatches } from "../src/metrics-route.ts";
import { createServer } from "../src/server.ts";
import { createOutbox } from "../src/push/outbox.ts";
import { startRedisServer } from "./helpers/redis-server.ts";
import { createSeededBot, silentLog, type TestBot } from "./helpers/test-bot.ts";

const TOKEN = "metrics-token-0123456789";
let bot: TestBot;
let server: Server | undefined;

async function serve(metrics: Metrics, token: string | undefined): Promise<string> {
  const app = createServer({
    log: silentLog,
    redisReachable: () => bot.store.ping(),
    routers: [createMetricsRouter(metrics, token)],
  });
  server = createHttpServer(metrics.timeCallbacks(app.callback()));
  server.listen(0, "127.0.0.1");
  await new Promise((r) => server!.once("listening", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const scrape = async (base: string) => {
  const res = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return res.text();
};

/** The value of one sample line, e.g. `zs_reports_stored_total{kind="signing",channel="wecom"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

beforeEach(async () => {
  bot = await createSeededBot();
});
afterEach(async () => {
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
  await bot.close();
});

describe("/metrics", () => {
  it("does not exist without METRICS_TOKEN and refuses a wrong or missing token", async () => {
    const off = await serve(createMetrics({ processMetrics: false }), undefined);
    expect((await fetch(`${off}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    await new Promise((r) => server!.close(r));
    const on = await serve(createMetrics({ processMetrics: false }), TOKEN);
    expect((await fetch(`${on}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${on}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toBe("");
    expect((await fetch(`${on}/metrics`, { headers: { authorization: `Basic ${TOKEN}` } })).status).toBe(401);
    expect(await scrape(on)).toContain("# TYPE zs_reports_stored_total counter");
    expect(tokenMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(tokenMatches(`Bearer ${TOKEN.slice(0, -1)}`, TOKEN)).toBe(false);
  });

  it("counts stored reports by kind and channel, and outcomes of every message", async () => {
    const metrics = createMetrics({ processMetrics: false });
    const dispatch = metrics.observeDispatch(bot.dispatch);
    const say = (text: string, id: string, channel: "wecom" | "dingtalk", from = "u1") =>
      dispatch(
        { id, conversation: { channel, id: "g", kind: "group" }, sender: { id: from }, text, sentAt: new Date() },
        async () => {},
      );
    await say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外", "a1", "wecom");
    await say("签约 年产10万吨功能膜项目 5.2亿元 新材料 省外", "a1", "wecom"); // re-delivered
    await say("走出去 赴上海拜访华谊集团", "a2", "dingtalk");
    await say("随便说点什么", "a3", "wecom");
    await say("添加单位 东城镇", "a4", "dingtalk", "u9"); // not an admin
    await say("单位列表", "a5", "wecom");
    const text = await scrape(await serve(metrics, TOKEN));
    expect(sample(text, 'zs_reports_stored_total{kind="signing",channel="wecom"}')).toBe(1);
    expect(sample(text, 'zs_reports_stored_total{kind="visitOut",channel="dingtalk"}')).toBe(1);
    expect(sample(text, 'zs_messages_total{channel="wecom",outcome="stored"}')).toBe(1);
    expect(sample(text, 'zs_messages_total{channel="wecom",outcome="duplicate"}')).toBe(1);
    expect(sample(text, 'zs_messages_total{channel="wecom",outcome="refused"}')).toBe(1);
    expect(sample(text, 'zs_messages_total{channel="wecom",outcome="answered"}')).toBe(1);
    expect(sample(text, 'zs_messages_total{channel="dingtalk",outcome="refused"}')).toBe(1);
    expect(sample(text, 'zs_dispatch_duration_seconds_count{channel="wecom"}')).toBe(4);
    expect(sample(text, 'zs_refusals_total{channel="wecom",reason="not-understood"}')).toBe(1);
    expect(sample(text, 'zs_refusals_total{channel="dingtalk",reason="not-admin"}')).toBe(1);
  });

  it("counts refusals by reason and questions by report command", async () => {
    const metrics = createMetrics({ processMetrics: false });
    const dispatch = metrics.observeDispatch(bot.dispatch);
    const say = (text: string, id: string, from = "u1") =>
      dispatch(
        {
          id,
          conversation: { channel: "wecom", id: "g", kind: "group" },
          sender: { id: from },
          text,
          sentAt: new Date(),
        },
        async () => {},
      );
    await say("签约 年产10万吨功能膜项目 新材料", "b1"); // no amount: the signing command refuses
    await say("走出去 赴上海拜访华谊集团", "b2", "stranger"); // not bound
    await say("签约 年产5万吨再生铜项目 3亿 5亿 新材料", "b3"); // two unlabelled amounts: asked
    const text = await scrape(await serve(metrics, TOKEN));
    expect(sample(text, 'zs_refusals_total{channel="wecom",reason="signing"}')).toBe(1);
    expect(sample(text, 'zs_refusals_total{channel="wecom",reason="not-bound"}')).toBe(1);
    expect(sample(text, 'zs_questions_total{channel="wecom",command="signing"}')).toBe(1);
    expect(sample(text, 'zs_messages_total{channel="wecom",outcome="asked"}')).toBe(1);
    expect(sample(text, 'zs_messages_total{channel="wecom",outcome="stored"}')).toBeUndefined();
  });

  it("times callback routes per channel, leaving other paths out", async () => {
    const metrics = createMetrics({ processMetrics: false });
    const base = await serve(metrics, TOKEN);
    await fetch(`${base}/wecom/callback?msg_signature=x`);
    await fetch(`${base}/dingtalk/callback`, { method: "POST", body: "{}" });
    await fetch(`${base}/healthz`);
    const text = await scrape(base);
    expect(sample(text, 'zs_callback_duration_seconds_count{channel="wecom",status="404"}')).toBe(1);
    expect(sample(text, 'zs_callback_duration_seconds_count{channel="dingtalk",status="404"}')).toBe(1);
    expect(text).not.toContain("healthz");
  });

  it("reports the outbox's depth, oldest age and failures by destination, read from Redis at scrape", async () => {
    let clock = Date.parse("2026-03-16T09:00:00+08:00");
    const transport: PushTransport = {
      channel: "wecom",
      hasDestination: () => true,
      render: (m) => [{ text: m.markdown }],
      deliver: async (destination) => (destination === "leaders" ? { ok: false, reason: "errcode -1" } : { ok: true }),
    };
    let outbox: ReturnType<typeof createOutbox>;
    const metrics = createMetrics({
      processMetrics: false,
      outbox: async () => ({ ...(await outbox.stats()), failingByDestination: await outbox.failingByDestination() }),
    });
    outbox = createOutbox(bot.redis, bot.store.keys, {
      transports: [metrics.observeTransport(transport)],
      log: silentLog,
      now: () => clock,
    });
    await outbox.send("leaders", { title: "周报", markdown: "周报" });
    await outbox.send("城西镇", { title: "提醒", markdown: "提醒" });
    await outbox.runOnce();
    clock += 90_000;
    const text = await scrape(await serve(metrics, TOKEN));
    expect(sample(text, "zs_outbox_pending")).toBe(1);
    expect(sample(text, "zs_outbox_oldest_age_seconds")).toBe(90);
    expect(sample(text, 'zs_outbox_failing{destination="leaders"}')).toBe(1);
    expect(sample(text, 'zs_push_failures_total{channel="wecom",destination="leaders"}')).toBe(1);
    expect(sample(text, 'zs_push_delivered_total{channel="wecom",destination="城西镇"}')).toBe(1);
    expect(sample(text, "zs_outbox_readable")).toBe(1);
  });

  it("counts schedule runs and Redis errors and reconnects", async () => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.scheduleRun("weekly-digest", "failed");
    metrics.scheduleRun("weekly-digest", "ok");
    const own = await startRedisServer();
    const client = new Redis({ port: own.port, host: "127.0.0.1", retryStrategy: () => 50, maxRetriesPerRequest: 0 });
    metrics.watchRedis(client);
    let errors = 0;
    client.on("error", () => (errors += 1));
    await client.ping();
    const refused = once(client, "error");
    await own.stop(); // Redis goes away: reconnect attempts are refused
    await refused;
    client.disconnect();
    expect(errors).toBeGreaterThanOrEqual(1);
    const text = await scrape(await serve(metrics, TOKEN));
    expect(sample(text, 'zs_schedule_runs_total{schedule="weekly-digest",outcome="failed"}')).toBe(1);
    expect(sample(text, 'zs_schedule_runs_total{schedule="weekly-digest",outcome="ok"}')).toBe(1);
    expect(sample(text, 'zs_redis_events_total{event="reconnecting"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'zs_redis_events_total{event="error"}')).toBe(errors);
  });
});
