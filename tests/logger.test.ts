import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.ts";

function sink(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _e, done) {
      chunks.push(chunk.toString("utf8"));
      done();
    },
  }) as Writable & { isTTY?: boolean };
  if (isTTY) stream.isTTY = true;
  return { stream, text: () => chunks.join("") };
}

describe("logger", () => {
  it("writes one JSON object per line when stderr is not a terminal (production)", () => {
    const out = sink(false);
    createLogger("info", out.stream).info({ port: 3000, config: { token: "s3cret-token" } }, "listening");
    const line = JSON.parse(out.text().trim()) as Record<string, any>;
    expect(line).toMatchObject({ level: 30, msg: "listening", port: 3000, config: { token: "[redacted]" } });
  });

  it("writes readable lines at a terminal, secrets still redacted", () => {
    const out = sink(true);
    createLogger("info", out.stream).warn({ queue: "wecom:leaders", secret: { secret: "SECabc" } }, "push failed");
    // Colours at a terminal; compare the text without them.
    const text = out.text().replace(/\u001b\[[0-9;]*m/g, "");
    expect(out.text()).toContain("\u001b[");
    expect(() => JSON.parse(text.trim())).toThrow();
    expect(text).toContain("WARN");
    expect(text).toContain("push failed");
    expect(text).toContain('queue: "wecom:leaders"');
    expect(text).not.toContain("SECabc");
  });

  it("follows LOG_FORMAT over the terminal check", () => {
    const json = sink(true);
    createLogger("info", json.stream, "json").info("x");
    expect(JSON.parse(json.text().trim())).toMatchObject({ msg: "x" });
    const pretty = sink(false);
    createLogger("info", pretty.stream, "pretty").info("hello");
    expect(pretty.text()).toMatch(/INFO.*hello/);
  });
});
