// The rules that make the store work on Redis Cluster and across a failover, checked against
// the single test redis-server: every key a script touches comes in KEYS and shares the
// deployment's hash tag; a write no replica acknowledged is not confirmed; record numbers jump
// past a new master; keys that only refuse re-deliveries expire.
import { readdirSync, readFileSync } from "node:fs";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { createDispatcher, InternalError } from "../../src/bot/dispatcher.ts";
import { createConfirm, ReplicationError } from "../../src/store/durability.ts";
import { createKeys } from "../../src/store/keys.ts";
import { createStore, type RedisStore as Store } from "../../src/store/store.ts";
import { redisPort, silentLog, testRules } from "../helpers/test-bot.ts";

const SCRIPTS = new URL("../../src/store/", import.meta.url);
/** Redis commands scripts call that take no key. */
const KEYLESS = new Set(["INFO", "TIME"]);

describe("Lua scripts", () => {
  const files = readdirSync(SCRIPTS).filter((f) => f.endsWith(".lua"));

  it.each(files)("%s touches only keys it was given (KEYS, or a fence parameter)", (file) => {
    const lua = readFileSync(new URL(file, SCRIPTS), "utf8");
    const calls = [...lua.matchAll(/redis\.call\('([A-Z]+)'(?:,\s*([^,)]+))?/g)];
    expect(calls.length).toBeGreaterThan(0);
    // Local names that only ever hold KEYS entries: `local m = KEYS[2]`, `local maps = {KEYS[16], KEYS[2]}`
    // and names later set from those (`map = maps[i]`).
    const aliases = new Set<string>();
    for (const [, name] of lua.matchAll(/local (\w+) = (?:KEYS\[\d+\]|\{KEYS\[\d+\](?:, KEYS\[\d+\])*\})\s*$/gm))
      aliases.add(name!);
    for (const [, name, from] of lua.matchAll(/^\s*(\w+) = (\w+)\[\w+\]\s*$/gm))
      if (aliases.has(from!)) aliases.add(name!);
    // id-fence.lua takes its keys as parameters from the calling script's KEYS; totals-many.lua walks its KEYS.
    if (file === "id-fence.lua") aliases.add("epochKey");
    if (/for _?\w*, key in ipairs\((KEYS|\{\.\.\.\})\)/.test(lua)) aliases.add("key");
    for (const [, command, firstArg] of calls) {
      if (KEYLESS.has(command!)) continue;
      const arg = firstArg!.trim();
      const ok = /^KEYS\[[\w +]+\]$/.test(arg) || aliases.has(arg) || aliases.has(arg.replace(/\[\w+\]$/, ""));
      expect(ok, `${file}: ${command} ${arg}`).toBe(true);
    }
    // No key is assembled from a prefix passed in ARGV (comments aside).
    expect(lua.replace(/--[^\n]*/g, "")).not.toMatch(/prefix/);
  });
});

describe("keys", () => {
  it("all carry the deployment's hash tag", () => {
    const keys = createKeys("org1");
    const args: Record<string, unknown[]> = { weekEvents: ["2026-03-10", "signing"], yearTotals: ["u1", 2026] };
    for (const [name, value] of Object.entries(keys)) {
      if (name === "prefix") continue;
      const call = value as (...a: unknown[]) => string;
      const key =
        typeof value === "function"
          ? call(...(args[name] ?? (/Totals$/.test(name) ? ["u1", "2026-03-10"] : ["x"])))
          : value;
      expect(key, name).toMatch(/^zs:\{org1\}:/);
    }
  });
});

describe("confirmations and record numbers", () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis({ host: "127.0.0.1", port: redisPort() });
  });
  afterAll(async () => {
    await redis.quit();
  });

  async function seeded(store: Store) {
    const { unit } = await store.directory.addUnit("城西镇");
    await store.directory.bindMember("u1", unit.id);
  }
  const message = (id: string, text: string) => ({
    id,
    conversation: { channel: "wecom" as const, id: "g", kind: "group" as const },
    sender: { id: "u1" },
    text,
    sentAt: new Date("2026-03-10T10:00:00+08:00"),
  });

  it("does not confirm a report no replica acknowledged; the re-delivery stores nothing twice", async () => {
    const org = `ha${Date.now().toString(36)}`;
    await seeded(createStore(redis, { org, defaults: { selfJoin: true } }));
    // The test server has no replica: WAIT 1 cannot succeed.
    const store = createStore(redis, {
      org,
      defaults: { selfJoin: true },
      durability: { minReplicas: 1, timeoutMs: 20 },
    });
    const dispatch = createDispatcher({
      store,
      commands,
      rules: testRules(),
      log: silentLog,
      now: () => new Date("2026-03-10T10:00:00+08:00"),
    });
    const replies: unknown[] = [];
    const failure = await dispatch(message("w1", "签约 甲项目 2亿"), async (r) => void replies.push(r)).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(InternalError);
    expect((failure as InternalError).cause).toBeInstanceOf(ReplicationError);
    expect(replies).toEqual([]);
    await dispatch(message("w1", "签约 甲项目 2亿"), async () => {}).catch(() => null);
    const unit = await store.directory.unitByName("城西镇");
    expect((await store.records.yearTotals(unit!.id, 2026)).signing).toBe(1);
  });

  it("confirms once WAIT is satisfied, sharing one WAIT among concurrent writes", async () => {
    const calls: number[] = [];
    const spy = new Proxy(redis, {
      get(target, prop, receiver) {
        if (prop === "wait")
          return (n: number, t: number) => {
            calls.push(n);
            return target.wait(n, t);
          };
        return Reflect.get(target, prop, receiver);
      },
    });
    const confirm = createConfirm(spy, { minReplicas: 0, timeoutMs: 10 }, "k");
    await confirm();
    expect(calls).toEqual([]);
    // WAIT 0 returns at once: stands in for a replica that acknowledges.
    const zero = createConfirm(spy, { minReplicas: 1, timeoutMs: 10 }, "k");
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => zero()));
    expect(results.every((r) => r.status === "rejected" && r.reason instanceof ReplicationError)).toBe(true);
    expect(calls.length).toBeLessThanOrEqual(2);
  });

  it("moves record and project numbers past a new master before handing one out", async () => {
    const org = `fence${Date.now().toString(36)}`;
    const store = createStore(redis, { org, defaults: { selfJoin: true }, idFence: { gap: 1000, always: true } });
    await seeded(store);
    const dispatch = createDispatcher({
      store,
      commands,
      rules: testRules(),
      log: silentLog,
      now: () => new Date("2026-03-10T10:00:00+08:00"),
    });
    const first = await dispatch(message("a", "签约 甲项目 2亿"), async () => {});
    const second = await dispatch(message("b", "签约 乙项目 3亿"), async () => {});
    expect(second.record!.id).toBe(first.record!.id + 1);
    // As if the counters had last been used on another master (a failover happened).
    await redis.set(store.keys.idEpoch, "0123456789abcdef0123456789abcdef01234567");
    const third = await dispatch(message("c", "签约 丙项目 4亿"), async () => {});
    expect(third.record!.id).toBe(second.record!.id + 1001);
    expect(Number(third.record!.projectId)).toBe(Number(second.record!.projectId) + 1001);
    const fourth = await dispatch(message("d", "签约 丁项目 5亿"), async () => {});
    expect(fourth.record!.id).toBe(third.record!.id + 1);
  });

  it("lets keys that only refuse re-deliveries expire, and trims week event lists", async () => {
    const org = `ttl${Date.now().toString(36)}`;
    const store = createStore(redis, { org, defaults: { selfJoin: true } });
    await seeded(store);
    const dispatch = createDispatcher({
      store,
      commands,
      rules: testRules(),
      log: silentLog,
      now: () => new Date("2026-03-10T10:00:00+08:00"),
    });
    // (Message ids expire by MESSAGE_DEDUPE_DAYS in the message store, tested with it.)
    await store.claimOnce("nonce-1", 300);
    expect(await redis.ttl(store.keys.once("nonce-1"))).toBeGreaterThan(0);
    await dispatch(message("s1", "签约 甲项目 2亿"), async () => {});
    // The bot's clock says 2026-03-10 10:00: events live 10 weeks from the report date, day totals 40 days.
    const fromNow = (days: number) =>
      (Date.parse("2026-03-10T00:00:00+08:00") + days * 86_400_000 - Date.parse("2026-03-10T10:00:00+08:00")) / 1000;
    expect(Math.abs((await redis.ttl(store.keys.weekEvents("2026-03-10", "signing"))) - fromNow(70))).toBeLessThan(5);
    const unit = (await store.directory.unitByName("城西镇"))!;
    expect(Math.abs((await redis.ttl(store.keys.dayTotals(unit.id, "2026-03-10"))) - fromNow(40))).toBeLessThan(5);
    // Records, projects and week/month/year totals stay.
    const unitId = (await store.directory.unitByName("城西镇"))!.id;
    expect(await redis.ttl(store.keys.yearTotals(unitId, 2026))).toBe(-1);
    expect(await redis.ttl(store.keys.monthTotals(unitId, "2026-03-10"))).toBe(-1);
    expect(await redis.ttl(store.keys.records)).toBe(-1);
    expect(await redis.ttl(store.keys.projects)).toBe(-1);
  });
});
