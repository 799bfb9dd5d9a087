import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { watchKey } from "../helpers/key-events.ts";
import { createTestBot, type TestBot } from "../helpers/test-bot.ts";

let bot: TestBot;
beforeEach(async () => {
  bot = await createTestBot();
});
afterEach(async () => bot.close());

describe("lease", () => {
  it("has one holder; only the holder renews or releases it", async () => {
    const a = bot.store.lease("ws", 10_000);
    const b = bot.store.lease("ws", 10_000);
    expect(await a.acquire()).toBe(true);
    expect(await a.acquire()).toBe(true); // already its own
    expect(await b.acquire()).toBe(false);
    expect(await b.renew()).toBe(false);
    await b.release(); // not the holder: nothing happens
    expect(await b.acquire()).toBe(false);
    expect(await a.renew()).toBe(true);
    await a.release();
    expect(await b.acquire()).toBe(true);
  });

  it("lapses when its holder stops renewing", async () => {
    const a = bot.store.lease("ws", 100);
    const b = bot.store.lease("ws", 100);
    const key = await watchKey(bot.store.keys.lease("ws"));
    const expired = key.next("expired"); // Redis expires the key: no clock to fake, an event to await
    expect(await a.acquire()).toBe(true);
    await expired;
    await key.close();
    expect(await b.acquire()).toBe(true);
    expect(await a.renew()).toBe(false);
  });
});
