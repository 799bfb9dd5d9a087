// WeCom settings, read from the environment by config.ts. null means the channel is off.
// Which blocks are on (see src/channels/wecom/README.md):
//   WECOM_TOKEN + WECOM_ENCODING_AES_KEY   intelligent robot, URL callback (/wecom/callback)
//   + WECOM_CORP_ID                        also the self-built app's XML callback (/wecom/app/callback)
//   WECOM_BOT_ID + WECOM_BOT_SECRET        intelligent robot, long-connection mode (no public URL)
//   WECOM_WEBHOOKS / WECOM_BOT_CHATS       named push destinations
// Problems name the variable, never its value: these are secrets.
import { parseDestinations } from "./destinations.ts";

export const WECOM_API_BASE = "https://qyapi.weixin.qq.com";

export interface WecomCryptoSettings {
  token: string;
  encodingAesKey: string;
}

export interface WecomSettings {
  /** Intelligent robot in URL-callback mode; receiveid "" (protocol §1.1). */
  robotCallback: WecomCryptoSettings | null;
  /** Self-built app XML callback; receiveid = CorpID (protocol §2.2). */
  appCallback: (WecomCryptoSettings & { corpId: string }) | null;
  /** Intelligent robot in long-connection mode (protocol §1.9). */
  longConnection: { botId: string; secret: string; wsUrl: string | undefined } | null;
  /** Push destination → full webhook send URL (the key inside is the credential, §6.1). */
  webhooks: Map<string, string>;
  /** Push destination → chatid, sent through the long connection (aibot_send_msg). */
  chats: Map<string, string>;
  /** Base of every WeCom HTTP API we call; a local fake in tests. */
  apiBase: string;
  /** Display names the robot is @-mentioned by; removed from message text. */
  botNames: string[];
}

export type WecomConfig = WecomSettings | null;

const VARIABLES = [
  "WECOM_TOKEN",
  "WECOM_ENCODING_AES_KEY",
  "WECOM_CORP_ID",
  "WECOM_BOT_ID",
  "WECOM_BOT_SECRET",
  "WECOM_WS_URL",
  "WECOM_WEBHOOKS",
  "WECOM_BOT_CHATS",
  "WECOM_API_BASE",
] as const;

export function readWecomConfig(env: Record<string, string | undefined>, problems: string[]): WecomConfig {
  const value = (name: (typeof VARIABLES)[number]) => env[name]?.trim() || undefined;
  if (VARIABLES.every((name) => value(name) === undefined)) return null;
  const before = problems.length;

  const token = value("WECOM_TOKEN");
  const key = value("WECOM_ENCODING_AES_KEY");
  const corpId = value("WECOM_CORP_ID");
  const botId = value("WECOM_BOT_ID");
  const secret = value("WECOM_BOT_SECRET");

  bothOrNeither(problems, ["WECOM_TOKEN", token], ["WECOM_ENCODING_AES_KEY", key]);
  bothOrNeither(problems, ["WECOM_BOT_ID", botId], ["WECOM_BOT_SECRET", secret]);
  // The admin page generates letters and digits, at most 32 (docs/wecom.md §7.6, [S21]).
  if (token !== undefined && !/^[A-Za-z0-9]{1,32}$/.test(token)) {
    problems.push("WECOM_TOKEN: must be the robot's Token, 1–32 letters or digits");
  }
  // §3.1: 43 characters of [A-Za-z0-9]; base64 of a 32-byte AES key without its "=".
  if (key !== undefined && !/^[A-Za-z0-9]{43}$/.test(key)) {
    problems.push(`WECOM_ENCODING_AES_KEY: must be 43 letters or digits (got ${key.length} characters)`);
  }
  if (corpId !== undefined) {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(corpId))
      problems.push("WECOM_CORP_ID: must be the CorpID (letters and digits, e.g. ww0123456789abcdef)");
    if (!token && !key) problems.push("WECOM_CORP_ID: the app callback needs WECOM_TOKEN and WECOM_ENCODING_AES_KEY");
  }
  const crypto = token && key ? { token, encodingAesKey: key } : null;
  const longConnection =
    botId && secret ? { botId, secret, wsUrl: readUrl(env, "WECOM_WS_URL", ["ws:", "wss:"], problems) } : null;
  if (value("WECOM_WS_URL") && !longConnection)
    problems.push("WECOM_WS_URL: only used with WECOM_BOT_ID and WECOM_BOT_SECRET");
  if (crypto && longConnection && !corpId) {
    problems.push(
      "WECOM_TOKEN/WECOM_ENCODING_AES_KEY (URL callback) and WECOM_BOT_ID/WECOM_BOT_SECRET (long connection) are both set: " +
        "the robot has one API mode, unset one pair (or set WECOM_CORP_ID if the token and key are the app's)",
    );
  }

  const apiBase = readUrl(env, "WECOM_API_BASE", ["http:", "https:"], problems) ?? WECOM_API_BASE;
  const webhooks = new Map<string, string>();
  for (const [name, target] of parseDestinations(value("WECOM_WEBHOOKS"), "WECOM_WEBHOOKS", problems)) {
    const url = webhookUrl(target, apiBase);
    if (url) webhooks.set(name, url);
    else problems.push(`WECOM_WEBHOOKS: "${name}" is neither a webhook key nor a …/cgi-bin/webhook/send?key=… URL`);
  }
  const chats = parseDestinations(value("WECOM_BOT_CHATS"), "WECOM_BOT_CHATS", problems);
  if (chats.size > 0 && !longConnection)
    problems.push("WECOM_BOT_CHATS: needs WECOM_BOT_ID and WECOM_BOT_SECRET (long connection)");
  for (const name of chats.keys()) {
    if (webhooks.has(name)) problems.push(`WECOM_BOT_CHATS: destination "${name}" is also in WECOM_WEBHOOKS`);
  }

  if (problems.length > before) return null;
  return {
    robotCallback: crypto && !longConnection ? crypto : null,
    appCallback: crypto && corpId ? { ...crypto, corpId } : null,
    longConnection,
    webhooks,
    chats,
    apiBase,
    botNames: (env.BOT_NAMES ?? "招商助手")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  };
}

function bothOrNeither(problems: string[], [a, av]: [string, unknown], [b, bv]: [string, unknown]): void {
  if (av !== undefined && bv === undefined) problems.push(`${b}: missing (${a} is set)`);
  if (bv !== undefined && av === undefined) problems.push(`${a}: missing (${b} is set)`);
}

function readUrl(
  env: Record<string, string | undefined>,
  name: string,
  protocols: string[],
  problems: string[],
): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    if (protocols.includes(url.protocol)) return raw.replace(/\/+$/, "");
  } catch {
    // reported below
  }
  problems.push(`${name}: not a ${protocols.map((p) => p.slice(0, -1)).join(" or ")} URL`);
  return undefined;
}

/** A bare key becomes the production send URL; a full URL must be a webhook send URL with a key. */
function webhookUrl(target: string, apiBase: string): string | null {
  if (/^[A-Za-z0-9-]{8,128}$/.test(target)) return `${apiBase}/cgi-bin/webhook/send?key=${target}`;
  try {
    const url = new URL(target);
    const ok =
      /^https?:$/.test(url.protocol) && url.pathname.endsWith("/cgi-bin/webhook/send") && url.searchParams.get("key");
    return ok ? url.toString() : null;
  } catch {
    return null;
  }
}
