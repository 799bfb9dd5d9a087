// The DingTalk channel: HTTP callback, Stream mode and custom-robot webhook pushes.
// Set-up for admins: README.md beside this file.
import type { ChannelDeps, ChannelRuntime } from "../../bot/channel-runtime.ts";
import type { DingtalkConfig } from "../../config/dingtalk.ts";
import { createMessageHandler } from "./message-handler.ts";
import { createDingtalkRoutes } from "./routes.ts";
import { createSessionReplier } from "./session-replier.ts";
import { createDingtalkStream, type DingtalkStreamDeps } from "./stream.ts";
import { createWebhookClient } from "./webhook-client.ts";
import { createWebhookTransport } from "./webhook-transport.ts";
import { createAppRobotClient } from "./app-robot-client.ts";
import { createFileReplier } from "./file-replies.ts";
import { createDingtalkPushTransport } from "./push-transport.ts";

export interface DingtalkRuntime extends ChannelRuntime {
  /** Resolves when the Stream frames and sessionWebhook replies started so far have finished. */
  settled(): Promise<void>;
}

export interface DingtalkChannelOptions {
  /** Reconnect backoff and heartbeat of Stream mode (tests shorten them). */
  stream?: Pick<DingtalkStreamDeps, "backoff" | "heartbeatMs" | "random">;
}

/** null when DingTalk is not configured. */
export function createDingtalkChannel(
  config: DingtalkConfig,
  deps: ChannelDeps,
  options: DingtalkChannelOptions = {},
): DingtalkRuntime | null {
  if (!config) return null;
  const { log, now } = deps;
  const { app } = config;
  // The app robot that receives messages also sends what custom robots cannot: files in replies,
  // and images and files in pushes to DINGTALK_APP_GROUPS. One client, so one cached token.
  const appClient = app
    ? createAppRobotClient({
        ...app,
        robotCode: config.robotCode ?? app.appKey,
        apiBase: config.apiBase,
        oapiBase: config.oapiBase,
        fetch: deps.fetch,
        now,
      })
    : null;
  const replier = createSessionReplier({
    fetch: deps.fetch,
    oapiBase: config.oapiBase,
    log,
    now,
    ...(appClient ? { files: createFileReplier({ client: appClient, log }) } : {}),
  });
  const handle = createMessageHandler({ dispatch: deps.dispatch, claimOnce: deps.claimOnce, now, replier, log });
  const routers =
    app?.mode === "http"
      ? [createDingtalkRoutes({ appSecret: app.appSecret, handle, claimFirst: deps.claimFirst, log, now })]
      : [];
  const stream =
    app?.mode === "stream"
      ? createDingtalkStream({
          appKey: app.appKey,
          appSecret: app.appSecret,
          apiBase: config.apiBase,
          handle,
          fetch: deps.fetch,
          log,
          now,
          ...options.stream,
        })
      : null;
  const webhooks =
    config.webhooks.size > 0
      ? createWebhookTransport({
          webhooks: config.webhooks,
          client: createWebhookClient({ fetch: deps.fetch, now }),
          log,
        })
      : null;
  const appPush =
    appClient && config.appGroups && config.appGroups.size > 0 ? { groups: config.appGroups, client: appClient } : null;
  const transport = webhooks || appPush ? createDingtalkPushTransport({ webhooks, app: appPush, log }) : null;

  return {
    routers,
    transport,
    async start() {
      await stream?.start();
    },
    async stop() {
      await stream?.stop();
      await replier.settled();
    },
    health: () => ({
      channel: "dingtalk",
      receive: app?.mode ?? "off",
      webhooks: [...config.webhooks.keys()],
      ...(stream ? { stream: stream.health() } : {}),
    }),
    async settled() {
      await stream?.settled();
      await replier.settled();
    },
  };
}
