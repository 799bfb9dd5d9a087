// `npm start`: the service — HTTP routes, platform channels, the outbox, the schedules — until SIGTERM.
import { createServer as createHttpServer } from "node:http";
import { commands } from "../commands/index.ts";
import { createDispatcher } from "./bot/dispatcher.ts";
import { chartRendererFrom } from "./charts-setup.ts";
import { createDashboardRoutes } from "./dashboard/dashboard-routes.ts";
import { createHealthChecks } from "./health.ts";
import { createOutbox } from "./push/outbox.ts";
import { applyHttpLimits, createServer } from "./server.ts";
import { closeHttpServer, whenStopped } from "./shutdown.ts";
import { boot, createChannels, scheduleRunnerFor } from "./boot.ts";
import type { Tool } from "./tool.ts";

export const serve: Tool = async (config) => {
  // Only the service needs prom-client: the command-line tools start faster without it.
  const [{ createMetrics }, { createMetricsRouter }] = await Promise.all([
    import("./metrics.ts"),
    import("./metrics-route.ts"),
  ]);
  const booted = await boot(config);
  const { log, redis, store, rules } = booted;
  const now = () => new Date();
  // Outbox gauges are read from Redis on each scrape; `outbox` exists by the first scrape.
  const metrics = createMetrics({
    outbox: async () => {
      const [stats, failingByDestination] = await Promise.all([outbox.stats(), outbox.failingByDestination()]);
      return { pending: stats.pending, oldestAgeMs: stats.oldestAgeMs, failingByDestination };
    },
  });
  metrics.watchRedis(redis.redis);
  const dispatch = metrics.observeDispatch(
    createDispatcher({ store, commands, rules, log, now, botNames: config.botNames }),
  );
  const channels = createChannels(config, store, log, dispatch);
  const transports = channels.flatMap((c) => (c.transport ? [metrics.observeTransport(c.transport)] : []));
  const outbox = createOutbox(redis.redis, store.keys, { transports, log: log.child({ part: "outbox" }) });
  const app = createServer({
    log,
    redisReachable: () => store.ping(),
    // `runner` is declared below; /healthz only calls this once the service runs.
    problems: createHealthChecks({
      writeProbe: () => store.writeProbe(),
      confirmReplicas: () => store.confirmProbe(),
      outboxOldestAgeMs: async () => (await outbox.stats()).oldestAgeMs,
      scheduleProblems: () => runner.problems(),
      outboxMaxAgeMs: config.healthOutboxMaxAgeMs,
    }),
    routers: [
      createMetricsRouter(metrics, config.metricsToken),
      ...channels.flatMap((c) => c.routers),
      ...(config.dashboard.secret
        ? [
            createDashboardRoutes({
              secret: config.dashboard.secret,
              store,
              log: log.child({ part: "dashboard" }),
              now,
            }),
          ]
        : []),
    ],
    details: async () => ({ outbox: await outbox.stats(), channels: channels.map((c) => c.health()) }),
  });
  const server = createHttpServer(metrics.timeCallbacks(app.callback()));
  server.listen(config.port, () =>
    log.info({ port: config.port, channels: channels.length, metrics: Boolean(config.metricsToken) }, "listening"),
  );
  applyHttpLimits(server);
  await Promise.all(channels.map((c) => c.start()));
  outbox.start();
  const charts = chartRendererFrom(config, log);
  const runner = scheduleRunnerFor(config, booted, {
    send: outbox.send,
    charts,
    observe: (name, outcome) => metrics.scheduleRun(name, outcome),
  });

  if (config.schedulesOn) runner.start();
  await whenStopped({
    log,
    timeoutMs: config.shutdownTimeoutMs,
    steps: [
      { name: "http: stop accepting, finish in-flight callbacks", run: () => closeHttpServer(server) },
      {
        name: "channels: close long connections, release their lease",
        run: () => Promise.all(channels.map((c) => c.stop())),
      },
      { name: "schedules: stop ticks and retries, finish runs under way", run: () => runner.stop() },
      { name: "charts: end the render worker", run: async () => charts?.close() },
      { name: "outbox: finish the delivery under way, release its claim", run: () => outbox.stop() },
      { name: "redis: close", run: () => redis.close() },
    ],
  });
  // Something left open (a socket a library keeps) must not keep a stopped service alive.
  setTimeout(() => process.exit(process.exitCode ?? 0), 2000).unref();
  return 0;
};
