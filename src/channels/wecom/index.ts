// The WeCom channel: the robot's URL callback or long connection, the self-built app's XML
// callback, and pushes through group webhooks (or the long connection's proactive send).
import type Router from "@koa/router";
import type { ChannelDeps, ChannelRuntime } from "../../bot/channel-runtime.ts";
import { runAsLeader } from "../../bot/leader.ts";
import type { WecomConfig } from "../../config/wecom.ts";
import { createInFlight } from "../shared/in-flight.ts";
import { createAppRoutes } from "./app-routes.ts";
import { createWecomCrypto } from "./crypto.ts";
import { createLongConnection, type LongConnection } from "./long-connection.ts";
import { createPushTransport } from "./push-transport.ts";
import { createResponseUrlClient } from "./response-url-client.ts";
import { createRobotRoutes } from "./routes.ts";
import { createWebhookClient } from "./webhook-client.ts";

export interface WecomChannel extends ChannelRuntime {
  /** Resolves when every reply started so far has been sent (or has failed and been logged). */
  idle(): Promise<void>;
}

export interface WecomChannelOptions {
  /** Long-connection timing, for tests. */
  heartbeatMs?: number;
  reconnectMs?: number;
  /** Lease time of the one long connection across replicas (tests shorten it). */
  leaseTtlMs?: number;
}

/** null when WeCom is not configured. */
export function createWecomChannel(config: WecomConfig, deps: ChannelDeps): ChannelRuntime | null {
  return buildWecomChannel(config, deps);
}

/** How long a crashed replica keeps the long connection from the others. */
const LEASE_TTL_MS = 15_000;

/** createWecomChannel with what tests need: idle() and long-connection timing. */
export function buildWecomChannel(
  config: WecomConfig,
  deps: ChannelDeps,
  options: WecomChannelOptions = {},
): WecomChannel | null {
  if (!config) return null;
  const { log } = deps;
  const inFlight = createInFlight();
  const routers: Router[] = [];
  const mode = config.longConnection ? "long-connection" : config.robotCallback ? "callback" : "push-only";

  if (config.robotCallback) {
    routers.push(
      createRobotRoutes({
        ...deps,
        crypto: createWecomCrypto({ ...config.robotCallback, receiveId: "" }),
        responseUrl: createResponseUrlClient({ fetch: deps.fetch, log }),
        inFlight,
      }),
    );
  }
  if (config.appCallback) {
    const { corpId } = config.appCallback;
    routers.push(
      createAppRoutes({ ...deps, crypto: createWecomCrypto({ ...config.appCallback, receiveId: corpId }), corpId }),
    );
  }

  let connection: LongConnection | null = null;
  if (config.longConnection) {
    connection = createLongConnection({
      ...config.longConnection,
      dispatch: deps.dispatch,
      log,
      now: deps.now,
      inFlight,
      ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
      ...(options.reconnectMs ? { reconnectMs: options.reconnectMs } : {}),
    });
  }
  // WeCom allows one long connection per robot: a second one kicks the first (§1.9). With a
  // lease only the replica holding it connects; the others take over if it goes away.
  const leader =
    connection && deps.lease
      ? runAsLeader(
          deps.lease(`wecom-ws:${config.longConnection!.botId}`, options.leaseTtlMs ?? LEASE_TTL_MS),
          connection,
          log.child({ part: "long-connection" }),
        )
      : null;
  const pushes = config.webhooks.size > 0 || config.chats.size > 0;
  const transport = pushes
    ? createPushTransport({
        webhooks: config.webhooks,
        chats: config.chats,
        webhook: createWebhookClient({ fetch: deps.fetch }),
        ...(connection ? { chatSend: connection.push } : {}),
        // A standby leaves chat pushes to the replica holding the connection, without a failure.
        ...(leader ? { holdsConnection: () => leader.leading() } : {}),
        log: log.child({ part: "push" }),
      })
    : null;
  log.info(
    {
      mode,
      appCallback: config.appCallback !== null,
      webhooks: [...config.webhooks.keys()],
      chats: [...config.chats.keys()],
    },
    "WeCom channel configured",
  );

  return {
    routers,
    transport,
    idle: () => inFlight.idle(),
    async start() {
      await (leader ?? connection)?.start();
    },
    async stop() {
      await (leader ?? connection)?.stop();
      await inFlight.idle();
    },
    health: () => ({
      channel: "wecom",
      mode,
      ...(connection ? connection.health() : {}),
      ...(leader ? { leading: leader.leading() } : {}),
    }),
  };
}
