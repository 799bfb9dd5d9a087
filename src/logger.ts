// The root logger. Logs go to stderr so stdout carries only answers and exported data.
// Secrets are redacted wherever they appear in a logged object.
import { pino, type Logger } from "pino";

export const REDACTED_PATHS = [
  "*.secret",
  "*.token",
  "*.password",
  "*.aesKey",
  "*.encodingAesKey",
  "*.appSecret",
  "config.redisUrl",
  "redisUrl",
  "headers.authorization",
];

export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: "[redacted]" } }, destination);
}
