// Shared bits of the DingTalk tests: fixtures, an independent signer, a log that can be read.
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import type { Logger } from "pino";
import { createLogger } from "../../../../src/logger.ts";

export function fixture(name: string): Record<string, any> {
  return JSON.parse(
    readFileSync(new URL(`../../../fixtures/dingtalk/${name}.json`, import.meta.url), "utf8"),
  ) as Record<string, any>;
}

/** Protocol §1.3, written out here rather than imported from the code under test. */
export function signHeader(timestamp: string, secret: string): string {
  return createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
}

export interface CapturedLog {
  log: Logger;
  entries(): Array<Record<string, any>>;
  text(): string;
}

/** The production logger (with its redaction) writing into memory. */
export function captureLog(): CapturedLog {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString("utf8"));
      done();
    },
  });
  const log = createLogger("debug", sink);
  return {
    log,
    text: () => chunks.join(""),
    entries: () =>
      chunks
        .join("")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, any>),
  };
}
