// Redis keyspace notifications as events, so a test awaits what happens to a key (written,
// renewed, expired) instead of sleeping for a guessed time.
import { EventEmitter } from "node:events";
import { Redis } from "ioredis";
import { redisPort } from "./test-bot.ts";

export interface KeyWatch {
  /** Emits the event name ("hset", "expire" for any EXPIRE variant, "expired", "del", …) for each change of the key. */
  events: EventEmitter;
  /** Resolves on the next change named `event` (any when omitted). */
  next(event?: string): Promise<string>;
  close(): Promise<void>;
}

export async function watchKey(key: string): Promise<KeyWatch> {
  const subscriber = new Redis({ host: "127.0.0.1", port: redisPort() });
  // K: keyspace channel per key; A: every class of command. Only adds pub/sub messages.
  await subscriber.config("SET", "notify-keyspace-events", "KA");
  const channel = `__keyspace@0__:${key}`;
  const events = new EventEmitter();
  subscriber.on("message", (from: string, event: string) => {
    if (from === channel) events.emit("change", event);
  });
  await subscriber.subscribe(channel);
  return {
    events,
    next: (wanted) =>
      new Promise((resolve) => {
        const listener = (event: string) => {
          if (wanted !== undefined && event !== wanted) return;
          events.off("change", listener);
          resolve(event);
        };
        events.on("change", listener);
      }),
    close: async () => {
      await subscriber.quit();
    },
  };
}
