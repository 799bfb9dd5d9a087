// Readings the bot asked about ("我理解为：… 回复「是」登记"), one per sender and conversation,
// waiting in Redis for the 「是」 so a restart or another replica can take the answer. The value
// is "<token>|<JSON>": the ingest script stores a confirmed reading only while that token is
// still there and deletes it in the same step, so confirming twice stores one record.
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { ReportFields } from "../domain/report-parser.ts";
import type { ReportKind } from "../domain/types.ts";
import type { Keys } from "./keys.ts";

export interface PendingReading {
  kind: ReportKind;
  fields: ReportFields;
  /** The line as the reporter typed it, and its message id: the stored record keeps both. */
  text: string;
  messageId: string;
  /** ISO instant after which 「是」 no longer confirms it (the bot's clock). */
  expiresAt: string;
}

export interface PendingRef {
  channel: string;
  conversation: string;
  sender: string;
}

export function createPendingStore(redis: Redis, keys: Keys) {
  const keyOf = (ref: PendingRef) => keys.pendingReading(`${ref.channel}:${ref.conversation}`, ref.sender);
  return {
    keyOf,
    /** Replaces the sender's pending reading; Redis drops it after ttlMs (real time). */
    async put(ref: PendingRef, reading: PendingReading, ttlMs: number): Promise<string> {
      const token = randomBytes(6).toString("hex");
      await redis.set(keyOf(ref), `${token}|${JSON.stringify(reading)}`, "PX", ttlMs);
      return token;
    },
    async get(ref: PendingRef): Promise<{ token: string; reading: PendingReading } | null> {
      const value = await redis.get(keyOf(ref));
      if (!value) return null;
      const bar = value.indexOf("|");
      return { token: value.slice(0, bar), reading: JSON.parse(value.slice(bar + 1)) as PendingReading };
    },
    async drop(ref: PendingRef): Promise<void> {
      await redis.del(keyOf(ref));
    },
  };
}

export type PendingStore = ReturnType<typeof createPendingStore>;
