// Several replicas in long-connection mode: only the one holding the lease connects (WeCom
// allows one connection per robot); when it stops, another takes over.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWecomChannel, type WecomChannel } from "../../../src/channels/wecom/index.ts";
import { NOT_HELD_RETRY_MS } from "../../../src/channels/wecom/push-transport.ts";
import type { WecomSettings } from "../../../src/config/wecom.ts";
import { watchKey } from "../../helpers/key-events.ts";
import { createTestBot, silentLog, type TestBot } from "../../helpers/test-bot.ts";
import { startFakeLongConnection, type FakeLongConnection } from "./fake-long-connection.ts";

const CREDENTIALS = { botId: "aibLease", secret: "lease-secret-value-1234" };
let bot: TestBot;
let server: FakeLongConnection;

beforeAll(async () => {
  bot = await createTestBot();
  server = await startFakeLongConnection(CREDENTIALS);
});
afterAll(async () => {
  await server.close();
  await bot.close();
});

function replica(chats: Map<string, string> = new Map()): WecomChannel {
  const settings: WecomSettings = {
    robotCallback: null,
    appCallback: null,
    longConnection: { ...CREDENTIALS, wsUrl: server.url },
    webhooks: new Map(),
    chats,
    apiBase: "http://127.0.0.1:9",
    botNames: [],
  };
  const store = bot.store;
  return buildWecomChannel(
    settings,
    {
      dispatch: bot.dispatch,
      log: silentLog,
      now: () => new Date(),
      claimOnce: (k, ttl) => store.claimOnce(k, ttl),
      claimFirst: (k, v, ttl) => store.claimFirst(k, v, ttl),
      releaseOnce: (k) => store.releaseOnce(k),
      lease: (name, ttl) => store.lease(name, ttl),
      fetch: globalThis.fetch,
    },
    { reconnectMs: 20, leaseTtlMs: 300 },
  )!;
}

const subscriptions = () => server.frames.filter((f) => f.cmd === "aibot_subscribe").length;

describe("long connection across replicas", () => {
  it("connects from one replica only, and another takes over when it stops", async () => {
    const lease = await watchKey(bot.store.keys.lease(`wecom-ws:${CREDENTIALS.botId}`));
    const [a, b, c] = [replica(), replica(), replica()];
    await Promise.all([a.start(), b.start(), c.start()]);
    await server.waitFor("aibot_subscribe", 1);
    const leaders = [a, b, c].filter((r) => r.health().leading);
    expect(leaders).toHaveLength(1);
    // Several lease periods later (the holder renews three times a TTL) still one connection:
    // the standbys keep standing by.
    for (let renewal = 0; renewal < 6; renewal++) await lease.next("expire");
    await lease.close();
    expect(subscriptions()).toBe(1);

    await leaders[0]!.stop();
    await server.waitFor("aibot_subscribe", 2);
    const next = [a, b, c].filter((r) => r !== leaders[0] && r.health().leading);
    expect(next).toHaveLength(1);
    await Promise.all([a.stop(), b.stop(), c.stop()]);
  });

  it("leaves chat pushes on a standby to the replica holding the connection, without a failure", async () => {
    const chats = new Map([["leaders", "wrkLeaders"]]);
    const [a, b] = [replica(chats), replica(chats)];
    await Promise.all([a.start(), b.start()]);
    const before = server.frames.filter((f) => f.cmd === "aibot_send_msg").length;
    const [holder, standby] = a.health().leading ? [a, b] : [b, a];
    expect(holder.health().leading).toBe(true);
    const body = standby.transport!.render({ title: "周报", markdown: "### 第11周" })[0];
    expect(await standby.transport!.deliver("leaders", body, { id: "1", attempt: 0 })).toEqual({
      ok: false,
      reason: "the long connection is held by another replica",
      retryInMs: NOT_HELD_RETRY_MS,
      elsewhere: true,
    });
    expect(await holder.transport!.deliver("leaders", body, { id: "1", attempt: 0 })).toEqual({ ok: true });
    const sent = server.frames.filter((f) => f.cmd === "aibot_send_msg");
    expect(sent).toHaveLength(before + 1);
    expect(sent.at(-1)!.body).toMatchObject({ chatid: "wrkLeaders" });
    await Promise.all([a.stop(), b.stop()]);
  });
});
