// Prometheus metrics (prom-client). Everything is observed from outside the parts it measures:
// the dispatcher's result, a wrapper around the HTTP listener for the callback routes, the push transports, the
// Redis client's events and the schedule runner's hook. Gauges about the outbox are read from
// Redis when Prometheus scrapes, so every replica reports the same shared queue.
import type { RequestListener } from "node:http";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Dispatch, DispatchResult } from "./bot/dispatcher.ts";
import type { PushTransport } from "./push/push.ts";

/** What /metrics reads about the outbox on each scrape. */
export interface OutboxSnapshot {
  pending: number;
  oldestAgeMs: number | null;
  /** Jobs that failed at least once and wait for a retry, by destination. */
  failingByDestination: Record<string, number>;
}

export interface MetricsOptions {
  outbox?: () => Promise<OutboxSnapshot>;
  /** Node's process metrics (CPU, memory, event-loop lag); tests turn them off. */
  processMetrics?: boolean;
}

/** Callback routes by path prefix; anything else (/healthz, /metrics) is not a callback. */
const CALLBACK_PREFIXES: ReadonlyArray<[string, string]> = [
  ["/wecom/", "wecom"],
  ["/dingtalk/", "dingtalk"],
];

/** The outcome of one dispatched message, from its DispatchResult. */
export function dispatchOutcome(result: DispatchResult): "stored" | "answered" | "asked" | "refused" | "duplicate" {
  if (result.duplicate) return "duplicate";
  if (result.outcome === "asked") return "asked";
  if (result.record) return "stored";
  return result.ok ? "answered" : "refused";
}

export function createMetrics(options: MetricsOptions = {}) {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: "zs_" });
  const registers = [registry];

  const reports = new Counter({
    name: "zs_reports_stored_total",
    help: "Reports stored, by report kind and channel",
    labelNames: ["kind", "channel"] as const,
    registers,
  });
  const messages = new Counter({
    name: "zs_messages_total",
    help: "Messages dispatched, by channel and outcome (stored, answered, asked, refused, duplicate, failed)",
    labelNames: ["channel", "outcome"] as const,
    registers,
  });
  const refusals = new Counter({
    name: "zs_refusals_total",
    help: "Lines refused, by channel and reason (too-long, not-understood, not-bound, not-admin, viewer-report, cancelled, or the refusing command)",
    labelNames: ["channel", "reason"] as const,
    registers,
  });
  const questions = new Counter({
    name: "zs_questions_total",
    help: "Readings asked about instead of stored (我理解为…), by channel and report command",
    labelNames: ["channel", "command"] as const,
    registers,
  });
  const dispatchSeconds = new Histogram({
    name: "zs_dispatch_duration_seconds",
    help: "Time from a parsed message to its answer, by channel (all receive modes)",
    labelNames: ["channel"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  const callbackSeconds = new Histogram({
    name: "zs_callback_duration_seconds",
    help: "HTTP callback latency, by channel and status code",
    labelNames: ["channel", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  const pushFailures = new Counter({
    name: "zs_push_failures_total",
    help: "Failed push delivery attempts, by channel and destination",
    labelNames: ["channel", "destination"] as const,
    registers,
  });
  const pushDelivered = new Counter({
    name: "zs_push_delivered_total",
    help: "Push pieces delivered, by channel and destination",
    labelNames: ["channel", "destination"] as const,
    registers,
  });
  const scheduleRuns = new Counter({
    name: "zs_schedule_runs_total",
    help: "Schedule runs (each attempt), by schedule and outcome (ok, failed)",
    labelNames: ["schedule", "outcome"] as const,
    registers,
  });
  const redisEvents = new Counter({
    name: "zs_redis_events_total",
    help: "Redis client events: error, reconnecting",
    labelNames: ["event"] as const,
    registers,
  });
  for (const event of ["error", "reconnecting"]) redisEvents.inc({ event }, 0);

  const outboxPending = new Gauge({ name: "zs_outbox_pending", help: "Push pieces waiting in the outbox", registers });
  const outboxOldest = new Gauge({
    name: "zs_outbox_oldest_age_seconds",
    help: "Age of the oldest waiting push piece (0 when empty)",
    registers,
  });
  const outboxFailing = new Gauge({
    name: "zs_outbox_failing",
    help: "Waiting push pieces that failed at least once, by destination",
    labelNames: ["destination"] as const,
    registers,
  });
  const outboxUp = new Gauge({
    name: "zs_outbox_readable",
    help: "1 when the outbox could be read at scrape time",
    registers,
  });

  return {
    registry,

    /** Wraps the dispatcher: counts outcomes, stored reports by kind, and times each message. */
    observeDispatch(dispatch: Dispatch): Dispatch {
      return async (message, reply) => {
        const channel = message.conversation.channel;
        const end = dispatchSeconds.startTimer({ channel });
        try {
          const result = await dispatch(message, reply);
          messages.inc({ channel, outcome: dispatchOutcome(result) });
          if (result.outcome === "refused") refusals.inc({ channel, reason: result.reason ?? "other" });
          if (result.outcome === "asked") questions.inc({ channel, command: result.reason ?? "other" });
          if (result.record && !result.duplicate) reports.inc({ kind: result.record.kind, channel });
          return result;
        } catch (error) {
          messages.inc({ channel, outcome: "failed" });
          throw error;
        } finally {
          end();
        }
      };
    },

    /**
     * Wraps the HTTP server's request listener to time the channels' callback routes. It sits
     * outside the Koa app, so it measures what the platform waits for, errors included.
     */
    timeCallbacks(listener: RequestListener): RequestListener {
      return (req, res) => {
        const path = (req.url ?? "").split("?")[0] ?? "";
        const channel = CALLBACK_PREFIXES.find(([prefix]) => path.startsWith(prefix))?.[1];
        if (channel) {
          const end = callbackSeconds.startTimer({ channel });
          res.once("close", () => end({ status: String(res.statusCode) }));
        }
        return listener(req, res);
      };
    },

    /** Wraps a push transport to count deliveries and failures per destination. */
    observeTransport(transport: PushTransport): PushTransport {
      const channel = transport.channel;
      return {
        channel,
        hasDestination: (d) => transport.hasDestination(d),
        render: (m) => transport.render(m),
        async deliver(destination, body, job) {
          try {
            const outcome = await transport.deliver(destination, body, job);
            // "elsewhere" is a hand-over to another replica, not a failure.
            if (outcome.ok) pushDelivered.inc({ channel, destination });
            else if (!outcome.elsewhere) pushFailures.inc({ channel, destination });
            return outcome;
          } catch (error) {
            pushFailures.inc({ channel, destination });
            throw error;
          }
        },
      };
    },

    scheduleRun(schedule: string, outcome: "ok" | "failed"): void {
      scheduleRuns.inc({ schedule, outcome });
    },

    /** Counts a Redis client's "error" and "reconnecting" events. */
    watchRedis(client: { on(event: string, listener: (...args: unknown[]) => void): unknown }): void {
      client.on("error", () => redisEvents.inc({ event: "error" }));
      client.on("reconnecting", () => redisEvents.inc({ event: "reconnecting" }));
    },

    /** The exposition text; reads the outbox first (a failed read leaves the gauges and says so). */
    async render(): Promise<{ contentType: string; body: string }> {
      if (options.outbox) {
        try {
          const snapshot = await options.outbox();
          outboxPending.set(snapshot.pending);
          outboxOldest.set(snapshot.oldestAgeMs === null ? 0 : snapshot.oldestAgeMs / 1000);
          outboxFailing.reset();
          for (const [destination, n] of Object.entries(snapshot.failingByDestination))
            outboxFailing.set({ destination }, n);
          outboxUp.set(1);
        } catch {
          outboxUp.set(0);
        }
      }
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
