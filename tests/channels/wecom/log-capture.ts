// A pino logger that keeps its lines, so tests can check what was logged — and what was not.
import { Writable } from "node:stream";
import { pino, type Logger } from "pino";

type Entry = Record<string, unknown> & { level: number; msg: string };

export interface CapturedLog {
  log: Logger;
  /** Every line as one string, for "this never appears in a log" checks. */
  text(): string;
  at(level: "debug" | "info" | "warn" | "error"): Entry[];
}

const LEVELS = { debug: 20, info: 30, warn: 40, error: 50 } as const;

export function captureLog(): CapturedLog {
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  return {
    log: pino({ level: "debug" }, stream),
    text: () => raw.join("\n"),
    at: (level) => raw.map((l) => JSON.parse(l) as Entry).filter((l) => l.level === LEVELS[level]),
  };
}
