// Drives the real dispatcher like a person would, against the test run's redis-server.
// Each bot gets its own deployment id, so tests never see each other's keys.
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { pino } from "pino";
import { inject } from "vitest";
import { commands } from "../../commands/index.ts";
import type { BotRules } from "../../src/bot/define.ts";
import { createDispatcher, type Dispatch, type DispatchResult } from "../../src/bot/dispatcher.ts";
import { replyText, type Reply } from "../../src/bot/types.ts";
import { createIndustryTable } from "../../src/domain/industry.ts";
import { CoalescingRedis } from "../../src/redis-client.ts";
import type { Totals } from "../../src/domain/totals.ts";
import { createStore, type RedisStore as Store } from "../../src/store/store.ts";

export interface SayOptions {
  from?: string;
  name?: string;
  /** Platform message id; a fresh one by default. */
  id?: string;
  channel?: "console" | "wecom" | "dingtalk";
}

export interface Said extends DispatchResult {
  /** All replies joined, as a person would read them. */
  text: string;
}

export interface TestBot {
  store: Store;
  redis: Redis;
  org: string;
  setNow(iso: string): void;
  say(text: string, options?: SayOptions): Promise<Said>;
  /** The real dispatcher, for channel route tests. */
  dispatch: Dispatch;
  /** A unit's running totals for a year (default 2026). */
  yearTotals(unitName?: string, year?: number): Promise<Totals>;
  /** A second connection, for races. */
  connect(): Redis;
  close(): Promise<void>;
}

export const silentLog = pino({ level: "silent" });

export function redisPort(): number {
  return inject("redisPort");
}

export function testRules(overrides: Partial<BotRules> = {}): BotRules {
  return {
    industries: createIndustryTable(),
    maxAgeDays: 90,
    amountCeiling: 500_000_000_000,
    configAdmins: ["admin"],
    queryAccess: "members",
    ...overrides,
  };
}

export async function createTestBot(
  options: { now?: string; rules?: Partial<BotRules>; org?: string } = {},
): Promise<TestBot> {
  const connections: Redis[] = [];
  // The service's client, so every bot test also runs over its write coalescing.
  const connect = (): Redis => {
    const client = new CoalescingRedis({ host: "127.0.0.1", port: redisPort() });
    connections.push(client);
    return client;
  };
  const redis = connect();
  const org = options.org ?? `t${randomBytes(5).toString("hex")}`;
  const store = createStore(redis, { org, defaults: { selfJoin: true } });
  let now = new Date(options.now ?? "2026-03-10T10:00:00+08:00");
  const dispatch = createDispatcher({
    store,
    commands,
    rules: testRules(options.rules),
    log: silentLog,
    now: () => now,
    botNames: ["招商助手"],
  });
  let seq = 0;
  return {
    store,
    redis,
    org,
    connect,
    dispatch,
    setNow(iso) {
      now = new Date(iso);
    },
    async yearTotals(unitName = "城西镇", year = 2026) {
      const unit = await store.directory.unitByName(unitName);
      if (!unit) throw new Error(`no unit ${unitName}`);
      return store.records.yearTotals(unit.id, year);
    },
    async say(text, o = {}) {
      seq += 1;
      const channel = o.channel ?? "console";
      const result = await dispatch(
        {
          id: o.id ?? `m${seq}`,
          conversation: { channel, id: "group-1", kind: "group" },
          sender: { id: o.from ?? "u1", ...(o.name ? { name: o.name } : {}) },
          text,
          sentAt: now,
        },
        async () => {},
      );
      return { ...result, text: result.replies.map(plain).join("\n\n") };
    },
    async close() {
      await Promise.all(connections.map((c) => c.quit()));
    },
  };
}

function plain(reply: Reply): string {
  return replyText(reply);
}

/** A bot with 城西镇 (alias 城西) and 晋熙镇, u1 and u2 in 城西镇, u3 in 晋熙镇, admin by configuration. */
export async function createSeededBot(now?: string, rules?: Partial<BotRules>): Promise<TestBot> {
  const bot = await createTestBot({ ...(now ? { now } : {}), ...(rules ? { rules } : {}) });
  const { directory } = bot.store;
  const chengxi = (await directory.addUnit("城西镇")).unit;
  await directory.addAlias(chengxi.id, "城西");
  const jinxi = (await directory.addUnit("晋熙镇")).unit;
  await directory.bindMember("u1", chengxi.id);
  await directory.bindMember("u2", chengxi.id);
  await directory.bindMember("u3", jinxi.id);
  return bot;
}
