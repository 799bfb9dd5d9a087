// DingTalk settings; null means the channel is off. See src/channels/dingtalk/README.md.
import { parseDestinations } from "./destinations.ts";

export type DingtalkMode = "http" | "stream";

export interface DingtalkWebhook {
  /** Full robot/send URL with its access_token: a credential, never logged. */
  url: string;
  /** The robot's 加签 secret ("SEC…"), when the robot uses signing. */
  secret?: string;
}

export interface DingtalkSettings {
  /** The enterprise-internal robot that receives messages; null when only pushes are set up. */
  app: { appKey: string; appSecret: string; mode: DingtalkMode } | null;
  /** Named push destinations → custom-robot webhooks. */
  webhooks: Map<string, DingtalkWebhook>;
  /** Named push destinations → group openConversationIds, pushed by the app robot (images too). */
  appGroups?: Map<string, string>;
  /** The app robot's code (groupMessages/send); defaults to the app key. */
  robotCode?: string | null;
  /** https://oapi.dingtalk.com: robot/send (webhooks), sendBySession (replies), media/upload. */
  oapiBase: string;
  /** https://api.dingtalk.com: the Stream gateway (connections/open), the app token, robot sends. */
  apiBase: string;
}

/** null: the channel is off (config.ts keeps this type as is). */
export type DingtalkConfig = DingtalkSettings | null;

export const DEFAULT_OAPI_BASE = "https://oapi.dingtalk.com";
export const DEFAULT_API_BASE = "https://api.dingtalk.com";

const VARIABLES = [
  "DINGTALK_APP_KEY",
  "DINGTALK_APP_SECRET",
  "DINGTALK_MODE",
  "DINGTALK_WEBHOOKS",
  "DINGTALK_WEBHOOK_SECRETS",
  "DINGTALK_OAPI_BASE",
  "DINGTALK_API_BASE",
  "DINGTALK_APP_GROUPS",
  "DINGTALK_ROBOT_CODE",
] as const;

export function readDingtalkConfig(env: Record<string, string | undefined>, problems: string[]): DingtalkConfig {
  const value = (name: (typeof VARIABLES)[number]) => env[name]?.trim() || undefined;
  if (!VARIABLES.some((name) => value(name))) return null;
  const before = problems.length;

  const oapiBase = baseUrl(value("DINGTALK_OAPI_BASE"), DEFAULT_OAPI_BASE, "DINGTALK_OAPI_BASE", problems);
  const apiBase = baseUrl(value("DINGTALK_API_BASE"), DEFAULT_API_BASE, "DINGTALK_API_BASE", problems);

  const appKey = value("DINGTALK_APP_KEY");
  const appSecret = value("DINGTALK_APP_SECRET");
  const modeText = value("DINGTALK_MODE") ?? "http";
  if (modeText !== "http" && modeText !== "stream") problems.push(`DINGTALK_MODE: "${modeText}" is not http or stream`);
  if (appKey && !appSecret) problems.push("DINGTALK_APP_SECRET is missing (DINGTALK_APP_KEY is set)");
  if (appSecret && !appKey) problems.push("DINGTALK_APP_KEY is missing (DINGTALK_APP_SECRET is set)");
  if (value("DINGTALK_MODE") && !appKey && !appSecret) {
    problems.push("DINGTALK_APP_KEY and DINGTALK_APP_SECRET are missing (DINGTALK_MODE is set)");
  }
  const app = appKey && appSecret ? { appKey, appSecret, mode: modeText as DingtalkMode } : null;

  const webhooks = readWebhooks(value("DINGTALK_WEBHOOKS"), value("DINGTALK_WEBHOOK_SECRETS"), oapiBase, problems);
  const appGroups = parseDestinations(value("DINGTALK_APP_GROUPS"), "DINGTALK_APP_GROUPS", problems);
  if (appGroups.size > 0 && !app)
    problems.push(
      "DINGTALK_APP_GROUPS needs DINGTALK_APP_KEY and DINGTALK_APP_SECRET (the app robot sends to the groups)",
    );
  for (const name of appGroups.keys()) {
    if (webhooks.has(name))
      problems.push(`destination "${name}" is in both DINGTALK_APP_GROUPS and DINGTALK_WEBHOOKS: keep one`);
  }
  const robotCode = value("DINGTALK_ROBOT_CODE") ?? app?.appKey ?? null;
  if (!app && webhooks.size === 0 && problems.length === before) {
    problems.push(
      "DingTalk settings are given but neither DINGTALK_APP_KEY/DINGTALK_APP_SECRET nor DINGTALK_WEBHOOKS is set",
    );
  }
  // The app-robot fields only when used, so settings without them read as before.
  const appPush = appGroups.size > 0 || value("DINGTALK_ROBOT_CODE") ? { appGroups, robotCode } : {};
  return problems.length > before ? null : { app, webhooks, ...appPush, oapiBase, apiBase };
}

function baseUrl(raw: string | undefined, fallback: string, variable: string, problems: string[]): string {
  if (!raw) return fallback;
  if (!isHttpUrl(raw)) problems.push(`${variable}: "${raw}" is not an http(s) URL`);
  return raw.replace(/\/+$/, "");
}

function isHttpUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** "leaders=<robot/send URL or bare access_token>", secrets "leaders=SEC…". */
function readWebhooks(
  rawTargets: string | undefined,
  rawSecrets: string | undefined,
  oapiBase: string,
  problems: string[],
): Map<string, DingtalkWebhook> {
  const targets = parseDestinations(rawTargets, "DINGTALK_WEBHOOKS", problems);
  const secrets = parseDestinations(rawSecrets, "DINGTALK_WEBHOOK_SECRETS", problems);
  const webhooks = new Map<string, DingtalkWebhook>();
  for (const [name, target] of targets) {
    const url = webhookUrl(target, oapiBase);
    if (!url) {
      // The value is a credential: name the destination, never echo the value.
      problems.push(
        `DINGTALK_WEBHOOKS: destination "${name}" is neither an access_token nor a robot/send URL with access_token`,
      );
      continue;
    }
    const secret = secrets.get(name);
    webhooks.set(name, secret ? { url, secret } : { url });
  }
  for (const [name, secret] of secrets) {
    if (!targets.has(name))
      problems.push(`DINGTALK_WEBHOOK_SECRETS: destination "${name}" has no webhook in DINGTALK_WEBHOOKS`);
    // §3.2: the signing secret is shown as "SEC…" and used whole; anything else is a paste error.
    else if (!secret.startsWith("SEC"))
      problems.push(`DINGTALK_WEBHOOK_SECRETS: the secret of "${name}" does not start with SEC`);
  }
  return webhooks;
}

function webhookUrl(target: string, oapiBase: string): string | null {
  if (/^https?:\/\//i.test(target)) {
    try {
      return new URL(target).searchParams.get("access_token") ? target : null;
    } catch {
      return null;
    }
  }
  return /^[A-Za-z0-9_-]+$/.test(target) ? `${oapiBase}/robot/send?access_token=${target}` : null;
}
