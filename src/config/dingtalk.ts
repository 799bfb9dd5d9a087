// DingTalk settings. Filled in by the DingTalk channel issue; null means the channel is off.
export type DingtalkConfig = null;

export function readDingtalkConfig(_env: Record<string, string | undefined>, _problems: string[]): DingtalkConfig {
  return null;
}
