// `npm run schedule -- <name> [--now] [--dry-run]`: one schedule run by hand.
import { parseArgs } from "node:util";
import { schedules } from "../schedules/index.ts";
import { chartRendererFrom } from "./charts-setup.ts";
import { createOutbox } from "./push/outbox.ts";
import { writeScheduleReport } from "./schedule-report.ts";
import { boot, createChannels, scheduleRunnerFor } from "./boot.ts";
import type { Tool } from "./tool.ts";

/** npm run schedule -- <name> [--now <ISO time>] [--dry-run]: one run by hand. */
export const scheduleTool: Tool = async (config, argv) => {
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
  const booted = await boot(config);
  const { log, redis, store, rules } = booted;
  const channels = createChannels(config, store, log);
  const outbox = createOutbox(redis.redis, store.keys, {
    transports: channels.flatMap((c) => (c.transport ? [c.transport] : [])),
    log,
  });
  const charts = chartRendererFrom(config, log);
  const dashboard = rules.dashboard ?? null;
  const runner = scheduleRunnerFor(config, booted, { send: outbox.send, charts });
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
