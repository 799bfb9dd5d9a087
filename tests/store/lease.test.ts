import { afterEach, beforeEach, describe, expect, it } from "vitest";
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
    expect(await a.acquire()).toBe(true);
    await new Promise((r) => setTimeout(r, 150)); // Redis expires the key: no clock to fake there
    expect(await b.acquire()).toBe(true);
    expect(await a.renew()).toBe(false);
  });
});
