// WeCom settings. Filled in by the WeCom channel issue; null means the channel is off.
export type WecomConfig = null;

export function readWecomConfig(_env: Record<string, string | undefined>, _problems: string[]): WecomConfig {
  return null;
}
