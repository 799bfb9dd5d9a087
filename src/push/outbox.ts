// The durable outbox of pushes. A message for a destination is split by each channel that
// serves it and queued in Redis, one FIFO per (channel, destination). Workers in every
// process deliver due queue heads under a lease, within 20 sends per minute per webhook,
// and retry failures with backoff; nothing is dropped. A crash between a successful post and
// its bookkeeping resends that one piece when the lease runs out (at-least-once).
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { DeliveryOutcome, PushMessage, PushTransport, SendFn } from "./push.ts";
import type { Keys } from "../store/keys.ts";

const script = (name: string) => readFileSync(new URL(`./${name}.lua`, import.meta.url), "utf8");
const ENQUEUE = script("outbox-enqueue");
const CLAIM = script("outbox-claim");
const FINISH = script("outbox-finish");

/** Both platforms allow 20 webhook messages a minute per robot. */
export const PER_MINUTE = 20;
const LEASE_MS = 30_000;
/** Schedules dedupe on their period; remembering a period for 40 days covers any of them. */
const DEDUPE_TTL_S = 40 * 24 * 3600;
const MAX_BACKOFF_MS = 30 * 60_000;

interface Job {
  destination: string;
  channel: string;
  body: unknown;
  createdAt: number;
  attempts: number;
  lastError?: string;
}

export interface OutboxStats {
  pending: number;
  failing: number;
  oldestAgeMs: number | null;
}

export interface OutboxOptions {
  transports: readonly PushTransport[];
  log: Logger;
  now?: () => number;
  /** How long a worker may hold a job before another may take it over (tests shorten it). */
  leaseMs?: number;
}

type OutboxRedis = Redis & {
  zsOutboxEnqueue(...args: (string | number)[]): Promise<number>;
  zsOutboxClaim(...args: (string | number)[]): Promise<[string, string, string] | null>;
  zsOutboxFinish(...args: (string | number)[]): Promise<number>;
};

/** How soon a job another process can send is offered again when the transport names no time. */
const ELSEWHERE_RETRY_MS = 2_000;

export function backoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

export function createOutbox(redis: Redis, keys: Keys, options: OutboxOptions) {
  const r = redis as OutboxRedis;
  if (!("zsOutboxEnqueue" in redis)) {
    redis.defineCommand("zsOutboxEnqueue", { lua: ENQUEUE });
    redis.defineCommand("zsOutboxClaim", { numberOfKeys: 5, lua: CLAIM });
    redis.defineCommand("zsOutboxFinish", { numberOfKeys: 5, lua: FINISH });
  }
  const now = options.now ?? Date.now;
  const { log } = options;
  const byChannel = new Map(options.transports.map((t) => [t.channel, t]));
  const ready = keys.outReady;
  const jobs = keys.outJobs;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  /** Set by stop(): the run under way ends after the piece it is sending. */
  let stopping = false;

  const send: SendFn = async (destination, message: PushMessage, opts = {}) => {
    const serving = options.transports.filter((t) => t.hasDestination(destination));
    if (serving.length === 0) {
      log.error({ destination }, "push to a destination no channel has a webhook for: not queued");
      return { queued: 0, duplicate: false };
    }
    const createdAt = now();
    const queueKeys: string[] = [];
    const args: (string | number)[] = [];
    for (const transport of serving) {
      const queue = `${transport.channel}:${destination}`;
      const bodies = transport.render(message);
      queueKeys.push(keys.outQueue(queue));
      args.push(queue, bodies.length);
      for (const body of bodies) {
        const job: Job = { destination, channel: transport.channel, body, createdAt, attempts: 0 };
        args.push(JSON.stringify(job));
      }
    }
    const dedupe = keys.outDedupe(opts.dedupeKey ?? "-");
    const queued = await r.zsOutboxEnqueue(
      4 + queueKeys.length,
      dedupe,
      keys.outSeq,
      jobs,
      ready,
      ...queueKeys,
      opts.dedupeKey ? "1" : "0",
      DEDUPE_TTL_S,
      createdAt,
      ...args,
    );
    if (queued === -1) return { queued: 0, duplicate: true };
    kick();
    return { queued, duplicate: false };
  };

  /** Locks the head job of the first due queue that is free and within its rate; null when none. */
  async function claimDue(token: string): Promise<[string, string, string] | null> {
    const at = now();
    for (const queue of await redis.zrangebyscore(ready, "-inf", at, "LIMIT", 0, 16)) {
      const lease = options.leaseMs ?? LEASE_MS;
      const claimed = await r.zsOutboxClaim(
        ready,
        jobs,
        keys.outLock(queue),
        keys.outQueue(queue),
        keys.outSent(queue),
        at,
        lease,
        token,
        PER_MINUTE,
        queue,
      );
      if (claimed) return claimed;
    }
    return null;
  }

  /** Delivers one due queue head; false when nothing is due. */
  async function deliverOne(): Promise<boolean> {
    const token = randomBytes(6).toString("hex");
    const claimed = await claimDue(token);
    if (!claimed) return false;
    const [queue, id, raw] = claimed;
    const finish = (outcome: "ok" | "retry", due = 0, job = "") =>
      r.zsOutboxFinish(
        ready,
        jobs,
        keys.outQueue(queue),
        keys.outSent(queue),
        keys.outLock(queue),
        queue,
        id,
        now(),
        outcome,
        due,
        job,
      );
    if (!raw) {
      await finish("ok");
      return true;
    }
    const job = JSON.parse(raw) as Job;
    const transport = byChannel.get(job.channel as PushTransport["channel"]);
    const outcome: DeliveryOutcome = transport
      ? await transport
          .deliver(job.destination, job.body, { id, attempt: job.attempts })
          .catch((error: unknown) => ({ ok: false as const, reason: (error as Error).message }))
      : { ok: false as const, reason: `channel ${job.channel} is not configured in this process` };
    if (outcome.ok) {
      await finish("ok");
      log.info({ queue, job: id, attempts: job.attempts + 1 }, "push delivered");
      return true;
    }
    if (outcome.elsewhere) {
      log.debug({ queue, job: id, reason: outcome.reason }, "push left for the process that can send it");
      await finish("retry", now() + (outcome.retryInMs ?? ELSEWHERE_RETRY_MS), raw);
      return true;
    }
    const attempts = job.attempts + 1;
    const wait = outcome.retryInMs ?? backoffMs(attempts);
    log.warn({ queue, job: id, attempts, reason: outcome.reason, retryInMs: wait }, "push failed; kept for retry");
    await finish("retry", now() + wait, JSON.stringify({ ...job, attempts, lastError: outcome.reason }));
    return true;
  }

  /** Delivers everything due now, queue by queue; resolves with the number of attempts. */
  function runOnce(): Promise<number> {
    if (!running) stopping = false;
    running ??= (async () => {
      let attempts = 0;
      try {
        while (!stopping && (await deliverOne())) attempts++;
      } finally {
        running = undefined;
      }
      return attempts;
    })();
    return running;
  }

  function kick() {
    if (timer) void runOnce().catch((err: unknown) => log.error({ err }, "outbox run failed"));
  }

  return {
    send,
    runOnce,
    /** Polls for due pushes (retries, rate-limited queues) until stop(). */
    start(intervalMs = 1000) {
      timer ??= setInterval(kick, intervalMs);
      timer.unref();
      kick();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      stopping = true;
      await running;
    },
    async stats(): Promise<OutboxStats> {
      const all = Object.values(await redis.hgetall(jobs)).map((raw) => JSON.parse(raw) as Job);
      const oldest = all.reduce((min, j) => Math.min(min, j.createdAt), Infinity);
      return {
        pending: all.length,
        failing: all.filter((j) => j.attempts > 0).length,
        oldestAgeMs: all.length > 0 ? now() - oldest : null,
      };
    },
    /** Waiting pieces that failed at least once, by destination (for /metrics). */
    async failingByDestination(): Promise<Record<string, number>> {
      const out: Record<string, number> = {};
      for (const raw of Object.values(await redis.hgetall(jobs))) {
        const job = JSON.parse(raw) as Job;
        if (job.attempts > 0) out[job.destination] = (out[job.destination] ?? 0) + 1;
      }
      return out;
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
