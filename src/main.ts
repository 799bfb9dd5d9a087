// Composition root: config → logger → redis/store → dispatcher → channel or server.
// `serve` runs the service; `console`, `import` and `export` are the command-line tools.
import { readFileSync } from "node:fs";
import { createServer as createHttpServer } from "node:http";
import { PassThrough } from "node:stream";
import { parseArgs } from "node:util";
import type { Logger } from "pino";
import { commands } from "../commands/index.ts";
import { schedules } from "../schedules/index.ts";
import type { ChannelDeps, ChannelRuntime } from "./bot/channel-runtime.ts";
import type { BotRules } from "./bot/define.ts";
import { createDispatcher, type Dispatch } from "./bot/dispatcher.ts";
import { createScheduleRunner } from "./bot/schedule-runner.ts";
import { runConsole } from "./channels/console/console-channel.ts";
import { createDingtalkChannel } from "./channels/dingtalk/index.ts";
import { createWecomChannel } from "./channels/wecom/index.ts";
import { chartRendererFrom, dashboardLinksFrom } from "./charts-setup.ts";
import { ConfigError, loadDotEnv, readConfig, type Config } from "./config.ts";
import { createDashboardRoutes } from "./dashboard/dashboard-routes.ts";
import { parseImportFile } from "./domain/import-file.ts";
import { writeExport } from "./export-records.ts";
import { writeScheduleReport } from "./schedule-report.ts";
import { chinaDate } from "./domain/china-time.ts";
import { writeLedgerWorkbook } from "./xlsx/ledger-workbook.ts";
import { importLedger } from "./import-ledger.ts";
import { createLogger } from "./logger.ts";
import { openRedis, RedisUnavailableError } from "./redis.ts";
import { applyHttpLimits, createServer } from "./server.ts";
import { createHealthChecks } from "./health.ts";
import { closeHttpServer, whenStopped } from "./shutdown.ts";
import { applyImport, ImportConflictError } from "./store/import-apply.ts";
import { createOutbox } from "./push/outbox.ts";
import { createStore, type RedisStore } from "./store/store.ts";

type Tool = (config: Config, argv: string[]) => Promise<number>;

async function boot(config: Config) {
  const log = createLogger(config.logLevel, process.stderr, config.logFormat);
  const redis = await openRedis(config.redis, log);
  const store = createStore(redis.redis, {
    org: config.org,
    defaults: { selfJoin: config.selfJoinDefault },
    messageDedupeDays: config.messageDedupeDays,
    durability: { minReplicas: config.redis.minReplicasAck, timeoutMs: config.redis.waitTimeoutMs },
    idFence: { gap: config.redis.idFenceGap, always: redis.mode !== "single" },
    probe: redis.probe,
  });
  const rules: BotRules = {
    industries: config.industries,
    maxAgeDays: config.maxAgeDays,
    pendingReadingMinutes: config.pendingReadingMinutes,
    amountCeiling: config.amountCeilingYuan,
    configAdmins: config.admins,
    queryAccess: config.queryAccess,
    dashboard: dashboardLinksFrom(config),
    holidays: config.holidays,
    countyName: config.countyName,
  };
  /** Read at each schedule run: admins change the calendar in chat (节假日). */
  const calendar = () => store.holidays.calendar(config.holidays);
  return { log, redis, store, rules, calendar };
}

/** The configured platform channels; without a dispatcher they only push (npm run schedule). */
function createChannels(config: Config, store: RedisStore, log: Logger, dispatch?: Dispatch): ChannelRuntime[] {
  const receiveNothing: Dispatch = async () => {
    throw new Error("this process only pushes");
  };
  const deps: ChannelDeps = {
    dispatch: dispatch ?? receiveNothing,
    log,
    now: () => new Date(),
    claimOnce: (key, ttl) => store.claimOnce(key, ttl),
    claimFirst: (key, value, ttl) => store.claimFirst(key, value, ttl),
    releaseOnce: (key) => store.releaseOnce(key),
    lease: (name, ttlMs) => store.lease(name, ttlMs),
    fetch: globalThis.fetch,
  };
  return [
    createWecomChannel(config.wecom, { ...deps, log: log.child({ channel: "wecom" }) }),
    createDingtalkChannel(config.dingtalk, { ...deps, log: log.child({ channel: "dingtalk" }) }),
  ].filter((c): c is ChannelRuntime => c !== null);
}

const serve: Tool = async (config) => {
  // Only the service needs prom-client: the command-line tools start faster without it.
  const [{ createMetrics }, { createMetricsRouter }] = await Promise.all([
    import("./metrics.ts"),
    import("./metrics-route.ts"),
  ]);
  const { log, redis, store, rules, calendar } = await boot(config);
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
  const runner = createScheduleRunner({
    schedules,
    settings: config.schedules,
    environment: { countyName: config.countyName },
    store,
    send: outbox.send,
    calendar,
    log,
    charts,
    dashboard: rules.dashboard ?? null,
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

const consoleTool: Tool = async (config, argv) => {
  const { values } = parseArgs({
    args: argv,
    options: { user: { type: "string" }, name: { type: "string" }, json: { type: "boolean" }, now: { type: "string" } },
  });
  if (!values.user) {
    process.stderr.write("usage: npm run console -- --user <id> [--name <name>] [--json] [--now <ISO time>]\n");
    return 2;
  }
  const pinned = values.now ? new Date(values.now) : null;
  if (pinned && Number.isNaN(pinned.getTime())) {
    process.stderr.write(`--now: not an ISO time: ${values.now}\n`);
    return 2;
  }
  const { log, redis, store, rules } = await boot(config);
  const now = () => pinned ?? new Date();
  const dispatch = createDispatcher({ store, commands, rules, log, now, botNames: config.botNames });
  try {
    await runConsole(dispatch, {
      user: values.user,
      ...(values.name ? { name: values.name } : {}),
      json: values.json ?? false,
      now,
      unitName: async (id) => (await store.directory.getUnit(id))?.name ?? id,
      input: process.stdin,
      output: process.stdout,
      interactive: process.stdin.isTTY === true && !values.json,
    });
  } finally {
    await redis.close();
  }
  return 0;
};

const importTool: Tool = async (config, argv) => {
  const file = argv.find((a) => !a.startsWith("-"));
  if (!file) {
    process.stderr.write(
      "usage: npm run import -- <file.yaml|file.json>  |  npm run import -- <台账.xlsx> [--dry-run]\n",
    );
    return 2;
  }
  if (file.toLowerCase().endsWith(".xlsx")) return importLedgerTool(config, file, argv.includes("--dry-run"));
  const parsed = parseImportFile(readFileSync(file, "utf8"));
  if (!parsed.ok) {
    process.stderr.write(`${file}: 未导入任何内容，请修正：\n${parsed.problems.map((p) => `  ${p}`).join("\n")}\n`);
    return 1;
  }
  const { redis, store } = await boot(config);
  try {
    const s = await applyImport(redis.redis, store.keys, parsed.plan);
    // Say "done" only once the required replicas have it (docs/redis.md).
    await store.confirm();
    process.stdout.write(
      `导入完成：新建单位 ${s.unitsCreated}，更新单位 ${s.unitsUpdated}，绑定成员 ${s.membersBound}，新增管理员 ${s.adminsAdded}\n`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof ImportConflictError)) throw error;
    process.stderr.write(`${file}: 未导入任何内容：\n${error.problems.map((p) => `  ${p}`).join("\n")}\n`);
    return 1;
  } finally {
    await redis.close();
  }
};

async function importLedgerTool(config: Config, file: string, dryRun: boolean): Promise<number> {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (error) {
    process.stderr.write(`${file}: 无法读取：${(error as Error).message}\n`);
    return 1;
  }
  const { redis, store } = await boot(config);
  try {
    const now = new Date();
    const result = await importLedger(store, data, {
      today: chinaDate(now),
      now,
      industries: config.industries,
      dryRun,
    });
    (result.ok ? process.stdout : process.stderr).write(result.report);
    return result.ok ? 0 : 1;
  } finally {
    await redis.close();
  }
}

const exportTool: Tool = async (config, argv) => {
  const { values } = parseArgs({
    args: argv,
    options: { format: { type: "string", default: "json" }, bom: { type: "boolean" } },
  });
  if (values.format !== "json" && values.format !== "csv" && values.format !== "xlsx") {
    process.stderr.write(
      "usage: npm run export -- --format json|csv|xlsx [--bom]   (xlsx: npm run export -- --format xlsx > 台账.xlsx)\n",
    );
    return 2;
  }
  if (values.format === "xlsx" && process.stdout.isTTY) {
    process.stderr.write("xlsx 是二进制文件，请重定向到文件：npm run export -- --format xlsx > 台账.xlsx\n");
    return 2;
  }
  const { redis, store } = await boot(config);
  try {
    if (values.format === "xlsx") {
      // exceljs waits for its stream's "finish", which process.stdout never emits: write through a pass-through.
      const out = new PassThrough();
      out.pipe(process.stdout);
      await writeLedgerWorkbook(store, out, { today: chinaDate(new Date()), countyName: config.countyName });
    } else await writeExport(store, process.stdout, { format: values.format, bom: values.bom ?? false });
  } finally {
    await redis.close();
  }
  return 0;
};

/** npm run schedule -- <name> [--now <ISO time>] [--dry-run]: one run by hand. */
const scheduleTool: Tool = async (config, argv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { now: { type: "string" }, "dry-run": { type: "boolean" }, "images-dir": { type: "string" } },
  });
  const name = positionals[0];
  if (!name || !schedules.some((s) => s.name === name)) {
    process.stderr.write(
      `usage: npm run schedule -- <${schedules.map((s) => s.name).join("|")}> [--now <ISO time>] [--dry-run] [--images-dir DIR]\n`,
    );
    return 2;
  }
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) {
    process.stderr.write(`--now: not an ISO time: ${values.now}\n`);
    return 2;
  }
  const { log, redis, store, calendar, rules } = await boot(config);
  const channels = createChannels(config, store, log);
  const outbox = createOutbox(redis.redis, store.keys, {
    transports: channels.flatMap((c) => (c.transport ? [c.transport] : [])),
    log,
  });
  const charts = chartRendererFrom(config, log);
  const dashboard = rules.dashboard ?? null;
  const runner = createScheduleRunner({
    schedules,
    settings: config.schedules,
    environment: { countyName: config.countyName },
    store,
    send: outbox.send,
    calendar,
    log,
    charts,
    dashboard,
  });
  const dryRun = values["dry-run"] ?? false;
  try {
    const result = await runner.runOnce(name, now, { byHand: true, dryRun });
    const out = process.stdout;
    const dashboardLink = dashboard?.link({ kind: "county" }, now).url;
    writeScheduleReport(result, { name, dryRun, imagesDir: values["images-dir"], dashboardLink }, out);
    if (!dryRun) {
      await outbox.runOnce();
      const stats = await outbox.stats();
      if (stats.pending > 0) out.write(`待发送 ${stats.pending} 条（失败 ${stats.failing}），服务运行时会继续重试。\n`);
    }
    return 0;
  } finally {
    await charts?.close();
    await redis.close();
  }
};

const TOOLS: Record<string, Tool> = {
  serve,
  console: consoleTool,
  import: importTool,
  export: exportTool,
  schedule: scheduleTool,
};

async function main(argv: string[]): Promise<number> {
  const [name = "serve", ...rest] = argv;
  const tool = TOOLS[name];
  if (!tool) {
    process.stderr.write(`unknown command ${name}; use one of: ${Object.keys(TOOLS).join(", ")}\n`);
    return 2;
  }
  let config: Config;
  try {
    loadDotEnv();
    config = readConfig(undefined, schedules);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  try {
    return await tool(config, rest);
  } catch (error) {
    if (error instanceof RedisUnavailableError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
