// What every tool starts with: logger, Redis and the store, the bot's rules; and the platform
// channels for the tools that receive or push messages.
import type { Logger } from "pino";
import type { ChannelDeps, ChannelRuntime } from "./bot/channel-runtime.ts";
import type { BotRules } from "./bot/define.ts";
import type { Dispatch } from "./bot/dispatcher.ts";
import { createDingtalkChannel } from "./channels/dingtalk/index.ts";
import { createWecomChannel } from "./channels/wecom/index.ts";
import { dashboardLinksFrom } from "./charts-setup.ts";
import type { Config } from "./config.ts";
import { createLogger } from "./logger.ts";
import { openRedis } from "./redis.ts";
import { createStore, type RedisStore } from "./store/store.ts";
import { schedules } from "../schedules/index.ts";
import { createScheduleRunner, type RunnerDeps } from "./bot/schedule-runner.ts";

export type Booted = Awaited<ReturnType<typeof boot>>;

export async function boot(config: Config) {
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
    talentLevels: config.talentLevels,
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
export function createChannels(config: Config, store: RedisStore, log: Logger, dispatch?: Dispatch): ChannelRuntime[] {
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

/** The schedules of this deployment, sending through `send` (the outbox). */
export function scheduleRunnerFor(
  config: Config,
  booted: Pick<Booted, "store" | "log" | "calendar" | "rules">,
  parts: Pick<RunnerDeps, "send" | "charts"> & Partial<Pick<RunnerDeps, "observe">>,
) {
  return createScheduleRunner({
    schedules,
    settings: config.schedules,
    environment: { countyName: config.countyName },
    store: booted.store,
    calendar: booted.calendar,
    log: booted.log,
    dashboard: booted.rules.dashboard ?? null,
    ...parts,
  });
}
