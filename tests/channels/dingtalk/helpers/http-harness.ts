// The DingTalk channel in HTTP mode on the real Koa app (createServer), listening on loopback,
// with its sessionWebhook replies going to a fake oapi server.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import type { Dispatch } from "../../../../src/bot/dispatcher.ts";
import { createDingtalkChannel, type DingtalkRuntime } from "../../../../src/channels/dingtalk/index.ts";
import { createServer } from "../../../../src/server.ts";
import type { RedisStore as Store } from "../../../../src/store/store.ts";
import type { FakeAppRobot } from "./fake-app-robot.ts";
import { startFakeOapi, type FakeOapi } from "./fake-oapi.ts";
import { startPathRouter } from "./path-router.ts";
import { fixture, signHeader } from "./support.ts";

export const APP_SECRET = "test-app-secret-0123456789abcdef";
export const APP_KEY = "dingtestappkey";

export interface HttpHarness {
  /** The service's address, http://127.0.0.1:<port>. */
  base: string;
  fake: FakeOapi;
  channel: DingtalkRuntime;
  /** A signed POST of the payload; headers can be replaced or removed (undefined). */
  post(
    payload: unknown,
    headers?: { timestamp?: string | undefined; sign?: string | undefined },
  ): Promise<{ status: number; body: string }>;
  /** A fixture made fresh: a new msgId, sent now by u1, answerable at the fake for 90 minutes. */
  message(name: string, overrides?: Record<string, unknown>): Record<string, any>;
  close(): Promise<void>;
}

let seq = 0;
let posts = 0;

export interface HttpHarnessDeps {
  dispatch: Dispatch;
  store: Store;
  log: Logger;
  now: () => Date;
  /** The channel's outbound fetch (default: the global one). */
  fetch?: typeof fetch;
  /**
   * The app robot's APIs (token, media/upload, robot sends): served beside the fake oapi's
   * sessionWebhook on one address, as DingTalk does. Default: none (those calls get 404).
   */
  appRobot?: FakeAppRobot;
}

export async function startHttpHarness(deps: HttpHarnessDeps): Promise<HttpHarness> {
  const clock = () => deps.now().getTime();
  const fake = await startFakeOapi(clock);
  const router = deps.appRobot
    ? await startPathRouter([
        ["/robot/", fake.base],
        ["/", deps.appRobot.base],
      ])
    : null;
  const dingtalkBase = router?.base ?? fake.base;
  const channel = createDingtalkChannel(
    {
      app: { appKey: APP_KEY, appSecret: APP_SECRET, mode: "http" },
      webhooks: new Map(),
      oapiBase: dingtalkBase,
      apiBase: dingtalkBase,
    },
    {
      dispatch: deps.dispatch,
      log: deps.log,
      now: deps.now,
      claimOnce: (key, ttl) => deps.store.claimOnce(key, ttl),
      claimFirst: (key, v, ttl) => deps.store.claimFirst(key, v, ttl),
      releaseOnce: (key) => deps.store.releaseOnce(key),
      fetch: deps.fetch ?? globalThis.fetch,
    },
  )!;
  const app = createServer({ log: deps.log, redisReachable: () => deps.store.ping(), routers: channel.routers });
  const server: Server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const { port } = server.address() as AddressInfo;

  return {
    base: `http://127.0.0.1:${port}`,
    fake,
    channel,
    async post(payload, headers = {}) {
      // DingTalk signs each callback with its own millisecond: a fresh one per post, since the
      // channel binds a (timestamp, sign) pair to the first body it carried.
      const timestamp = "timestamp" in headers ? headers.timestamp : String(clock() + ++posts);
      const sign = "sign" in headers ? headers.sign : signHeader(timestamp ?? "", APP_SECRET);
      const res = await fetch(`http://127.0.0.1:${port}/dingtalk/callback`, {
        method: "POST",
        headers: {
          "content-type": "application/json; charset=utf-8",
          ...(timestamp !== undefined ? { timestamp } : {}),
          ...(sign !== undefined ? { sign } : {}),
        },
        body: typeof payload === "string" ? payload : JSON.stringify(payload),
      });
      return { status: res.status, body: await res.text() };
    },
    message(name, overrides = {}) {
      seq += 1;
      const session = `s${seq}`;
      return {
        ...fixture(name),
        msgId: `msgTest${seq}${Math.random().toString(36).slice(2, 8)}==`,
        senderStaffId: "u1",
        createAt: clock(),
        sessionWebhook: `${dingtalkBase}/robot/sendBySession?session=${session}`,
        sessionWebhookExpiredTime: clock() + 5_400_000,
        ...overrides,
      };
    },
    async close() {
      await channel.settled();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await router?.close();
      await fake.close();
    },
  };
}
