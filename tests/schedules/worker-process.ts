// One service process for the multi-process schedule test: a schedule ticking every second,
// the runner, and the outbox delivering to the test's fake push endpoint. Not a test itself.
import { Redis } from "ioredis";
import { pino } from "pino";
import type { PushTransport } from "../../src/push/push.ts";
import { createScheduleRunner } from "../../src/bot/schedule-runner.ts";
import { defineSchedule } from "../../src/bot/schedule.ts";
import { createHolidayCalendar } from "../../src/domain/holidays.ts";
import { createOutbox } from "../../src/push/outbox.ts";
import { createStore } from "../../src/store/store.ts";

const env = (name: string) => process.env[name] ?? "";
const log = pino({ level: "silent" });
const redis = new Redis({ host: "127.0.0.1", port: Number(env("REDIS_PORT")) });
const store = createStore(redis, { org: env("ORG"), defaults: { selfJoin: true } });

const transport: PushTransport = {
  channel: "wecom",
  hasDestination: (d) => d === "leaders",
  render: (m) => [{ text: m.markdown }],
  async deliver(_destination, body, job) {
    const res = await fetch(env("PUSH_URL"), {
      method: "POST",
      headers: { "content-type": "application/json", "x-pid": String(process.pid), "x-job": job.id },
      body: JSON.stringify(body),
    });
    return res.ok ? { ok: true } : { ok: false, reason: `HTTP ${res.status}` };
  },
};
let stopping = false;
let inFlight = 0;
const idle: Array<() => void> = [];
const outbox = createOutbox(redis, store.keys, { transports: [transport], log, leaseMs: Number(env("LEASE_MS")) });
const tick = defineSchedule({
  name: "tick",
  summary: "every second",
  settings: {},
  cron: () => "* * * * * *",
  period: ({ now }) => new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString(),
  async run(ctx) {
    if (stopping) return; // a tick that fired as the test stopped the ticking sends nothing
    inFlight += 1;
    try {
      await ctx.send("leaders", { title: "tick", markdown: `tick ${ctx.period}` });
    } finally {
      inFlight -= 1;
      if (inFlight === 0) for (const done of idle.splice(0)) done();
    }
  },
});
const runner = createScheduleRunner({
  schedules: [tick],
  store,
  send: outbox.send,
  calendar: createHolidayCalendar(),
  log,
});
runner.start();
outbox.start(100);
// The test stops the ticking with SIGUSR2 and lets the outbox drain before it ends the process;
// "stopped" says no tick will queue anything any more.
process.on("SIGUSR2", async () => {
  stopping = true;
  await runner.stop();
  if (inFlight > 0) await new Promise<void>((resolve) => idle.push(resolve));
  process.stdout.write("stopped\n");
});
process.stdout.write("ready\n");
