// The service's Koa app with the WeCom channel's callback routes, the real dispatcher on the
// test run's redis-server, a capturing logger and a local fake of WeCom's HTTP endpoints.
import { readFileSync } from "node:fs";
import type { IncomingMessage } from "../../../src/bot/types.ts";
import { createWecomCrypto, type WecomCrypto } from "../../../src/channels/wecom/crypto.ts";
import { buildWecomChannel, type WecomChannel } from "../../../src/channels/wecom/index.ts";
import type { WecomSettings } from "../../../src/config/wecom.ts";
import { createServer } from "../../../src/server.ts";
import { createSeededBot, type TestBot } from "../../helpers/test-bot.ts";
import { startFakeWecom, type FakeWecom } from "./fake-wecom.ts";
import { serve, type Served } from "./http-harness.ts";
import { captureLog, type CapturedLog } from "./log-capture.ts";

export const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/wecom/${name}`, import.meta.url), "utf8"));
export const vectors = fixture("official-vectors.json");
export const NOW = new Date("2026-03-10T10:00:00+08:00");
export const TS = String(NOW.getTime() / 1000);

export interface CallbackHarness {
  bot: TestBot;
  fake: FakeWecom;
  channel: WecomChannel;
  http: Served;
  logs: CapturedLog;
  /** Messages that reached dispatch, since the last reset(). */
  seen: IncomingMessage[];
  robot: WecomCrypto;
  app: WecomCrypto;
  corpId: string;
  setNow(date: Date): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startCallbackHarness(): Promise<CallbackHarness> {
  const { B } = vectors;
  // The robot and the app share vector B's Token and EncodingAESKey (an admin may enter the same in both).
  const settings: WecomSettings = {
    robotCallback: { token: B.token, encodingAesKey: B.encodingAesKey },
    appCallback: { token: B.token, encodingAesKey: B.encodingAesKey, corpId: B.receiveId },
    longConnection: null,
    webhooks: new Map(),
    chats: new Map(),
    apiBase: "http://127.0.0.1:9",
    botNames: ["招商助手", "走出去助手"],
  };
  const bot = await createSeededBot();
  const fake = await startFakeWecom();
  const logs = captureLog();
  const seen: IncomingMessage[] = [];
  let now = NOW;
  const channel = buildWecomChannel(settings, {
    dispatch: (message, reply) => {
      seen.push(message);
      return bot.dispatch(message, reply);
    },
    log: logs.log,
    now: () => now,
    claimOnce: (key, ttl) => bot.store.claimOnce(key, ttl),
    claimFirst: (key, v, ttl) => bot.store.claimFirst(key, v, ttl),
    releaseOnce: (key) => bot.store.releaseOnce(key),
    fetch: globalThis.fetch,
  })!;
  const http = await serve(createServer({ log: logs.log, redisReachable: async () => true, routers: channel.routers }));
  return {
    bot,
    fake,
    channel,
    http,
    logs,
    seen,
    robot: createWecomCrypto({ token: B.token, encodingAesKey: B.encodingAesKey, receiveId: "" }),
    app: createWecomCrypto({ token: B.token, encodingAesKey: B.encodingAesKey, receiveId: B.receiveId }),
    corpId: B.receiveId,
    setNow: (date) => {
      now = date;
    },
    reset() {
      seen.length = 0;
      now = NOW;
    },
    async close() {
      await http.close();
      await fake.close();
      await bot.close();
    },
  };
}
