// What a platform channel (WeCom, DingTalk) gives the composition root, and what it gets.
import type Router from "@koa/router";
import type { Logger } from "pino";
import type { Dispatch } from "./dispatcher.ts";
import type { Lease } from "../store/lease.ts";
import type { PushTransport } from "../push/push.ts";

export interface ChannelDeps {
  dispatch: Dispatch;
  log: Logger;
  now: () => Date;
  /**
   * Remembers a key for ttlSeconds; false when it was already there (a replayed request).
   * Throws when Redis is unavailable: answer 503 so the platform retries.
   */
  claimOnce(key: string, ttlSeconds: number): Promise<boolean>;
  /**
   * Binds a key to the first value claimed for it: null when this call claimed it, else the
   * first claim's value (equal: the same request again; different: the key was reused).
   * Throws when Redis is unavailable.
   */
  claimFirst(key: string, value: string, ttlSeconds: number): Promise<string | null>;
  /** Forgets a claimed key, so the platform's retry of a request we failed is not refused. */
  releaseOnce(key: string): Promise<void>;
  /** Injected for tests; the global fetch in production. */
  fetch: typeof fetch;
  /** A lease shared by all replicas, for what only one process may do at a time. Absent: act alone. */
  lease?: (name: string, ttlMs: number) => Lease;
}

export interface ChannelRuntime {
  /** Callback routes mounted on the service's Koa app (HTTP modes). */
  routers: Router[];
  /** Group-webhook pushes, when webhooks are configured. */
  transport: PushTransport | null;
  /** Opens long connections (WeCom long-connection mode, DingTalk Stream mode). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Extra facts for /healthz (connection state, …). */
  health(): Record<string, unknown>;
}
