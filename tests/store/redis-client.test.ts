// The service's Redis client: commands of one event-loop turn leave in one socket write,
// answers stay in order, and a dropped connection loses nothing.
import type { Socket } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CoalescingRedis } from "../../src/redis-client.ts";
import { redisPort } from "../helpers/test-bot.ts";

const clients: CoalescingRedis[] = [];
function client(): CoalescingRedis {
  const redis = new CoalescingRedis({ host: "127.0.0.1", port: redisPort() });
  clients.push(redis);
  return redis;
}
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.quit().catch(() => c.disconnect())));
});

const socketOf = (redis: CoalescingRedis) => (redis as unknown as { stream: Socket }).stream;
const key = (name: string) => `test:coalesce:${process.pid}:${Date.now()}:${name}`;

describe("CoalescingRedis", () => {
  it("sends the commands of one turn in a single write, answered in order", async () => {
    const redis = client();
    await redis.ping();
    const socket = socketOf(redis);
    const writes = vi.spyOn(socket as unknown as { _writev: (...a: unknown[]) => void }, "_writev");
    const single = vi.spyOn(socket as unknown as { _write: (...a: unknown[]) => void }, "_write");
    const k = key("order");
    const answers = await Promise.all(Array.from({ length: 50 }, () => redis.incr(k)));
    expect(answers).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(writes.mock.calls.length + single.mock.calls.length).toBe(1);
    expect((writes.mock.calls[0]![0] as unknown[]).length).toBe(50);
  });

  it("starts a new batch in the next turn", async () => {
    const redis = client();
    await redis.ping();
    const socket = socketOf(redis);
    const writes = vi.spyOn(socket as unknown as { _writev: (...a: unknown[]) => void }, "_writev");
    const single = vi.spyOn(socket as unknown as { _write: (...a: unknown[]) => void }, "_write");
    const k = key("turns");
    await redis.incr(k);
    await redis.incr(k);
    await Promise.all([redis.incr(k), redis.incr(k)]);
    expect(await redis.get(k)).toBe("4");
    expect(writes.mock.calls.length + single.mock.calls.length).toBe(4);
  });

  it("keeps working across a dropped connection, sending what was queued meanwhile", async () => {
    const redis = client();
    const k = key("reconnect");
    await redis.set(k, "1");
    socketOf(redis).destroy();
    const during = await Promise.all([redis.incr(k), redis.incr(k)]);
    expect(during).toEqual([2, 3]);
    expect(await redis.get(k)).toBe("3");
  });

  it("runs transactions and scripts unchanged", async () => {
    const redis = client();
    const k = key("multi");
    const [[, a], [, b]] = (await redis.multi().incr(k).incrby(k, 5).exec()) as [[null, number], [null, number]];
    expect([a, b]).toEqual([1, 6]);
    expect(await redis.eval("return redis.call('GET', KEYS[1])", 1, k)).toBe("6");
  });
});
