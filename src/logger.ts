// The root logger. Logs go to stderr so stdout carries only answers and exported data.
// Secrets are redacted wherever they appear in a logged object. In production (stderr is a
// file, a pipe or journald) every line is pino's JSON; at a terminal they are made readable by
// pino-pretty, in-process and synchronously, so nothing is lost on exit. LOG_FORMAT overrides.
import { createRequire } from "node:module";
import { pino, type Logger } from "pino";
import type { PinoPretty as PrettyFactory } from "pino-pretty";

export const REDACTED_PATHS = [
  "*.secret",
  "*.token",
  "*.password",
  "*.aesKey",
  "*.encodingAesKey",
  "*.appSecret",
  "config.metricsToken",
  "config.redis.topology.url",
  "config.redis.topology.password",
  "config.redis.topology.sentinelPassword",
  "topology.url",
  "topology.password",
  "topology.sentinelPassword",
  "redisUrl",
  "headers.authorization",
];

export type LogFormat = "auto" | "json" | "pretty";

/** Pretty for a terminal (auto), or as asked. */
export function wantsPretty(format: LogFormat, destination: NodeJS.WritableStream): boolean {
  return format === "pretty" || (format === "auto" && (destination as { isTTY?: boolean }).isTTY === true);
}

export function createLogger(
  level: string,
  destination: NodeJS.WritableStream = process.stderr,
  format: LogFormat = "auto",
): Logger {
  const options = { level, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } };
  if (!wantsPretty(format, destination)) return pino(options, destination);
  const colorize = (destination as { isTTY?: boolean }).isTTY === true;
  // Loaded only when wanted: it costs the command-line tools' start-up otherwise.
  const { PinoPretty } = createRequire(import.meta.url)("pino-pretty") as { PinoPretty: typeof PrettyFactory };
  return pino(
    options,
    PinoPretty({
      destination,
      colorize,
      sync: true,
      translateTime: "SYS:yyyy-mm-dd HH:MM:ss.l",
      ignore: "pid,hostname",
    }),
  );
}
