// createWecomChannel wired from configuration, as main.ts does.
import { describe, expect, it } from "vitest";
import { createWecomChannel } from "../../../src/channels/wecom/index.ts";
import { readConfig } from "../../../src/config.ts";
import { captureLog } from "./log-capture.ts";

const KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
const deps = (log = captureLog().log) => ({
  dispatch: async () => ({ ok: true, replies: [], record: null, duplicate: false }),
  log,
  now: () => new Date(),
  claimOnce: async () => true,
  claimFirst: async () => null,
  releaseOnce: async () => {},
  fetch: globalThis.fetch,
});

describe("createWecomChannel", () => {
  it("is null when WeCom is not configured", () => {
    expect(createWecomChannel(readConfig({}).wecom, deps())).toBeNull();
  });

  it("mounts the robot and app callbacks and a webhook transport, logging no secret", async () => {
    const logs = captureLog();
    const env = {
      WECOM_TOKEN: "QDG6eK",
      WECOM_ENCODING_AES_KEY: KEY,
      WECOM_CORP_ID: "ww1436e0e65a779aee",
      WECOM_WEBHOOKS: "leaders=secretKeyLeaders1,work-group=secretKeyWork2",
    };
    const channel = createWecomChannel(readConfig(env).wecom, deps(logs.log))!;
    expect(
      channel.routers.flatMap((r) =>
        r.stack.map((l) => `${l.methods.filter((m) => m !== "HEAD").join(",")} ${l.path}`),
      ),
    ).toEqual(["GET /wecom/callback", "POST /wecom/callback", "GET /wecom/app/callback", "POST /wecom/app/callback"]);
    expect(channel.transport?.hasDestination("work-group")).toBe(true);
    expect(channel.health()).toEqual({ channel: "wecom", mode: "callback" });
    await channel.start();
    await channel.stop();
    const text = logs.text();
    expect(text).toContain("leaders");
    for (const secret of ["QDG6eK", KEY, "secretKeyLeaders1", "secretKeyWork2"]) expect(text).not.toContain(secret);
  });

  it("pushes only, with webhooks and no callback", () => {
    const channel = createWecomChannel(readConfig({ WECOM_WEBHOOKS: "leaders=k1234567" }).wecom, deps())!;
    expect(channel.routers).toEqual([]);
    expect(channel.health()).toEqual({ channel: "wecom", mode: "push-only" });
    expect(channel.transport?.hasDestination("leaders")).toBe(true);
  });
});
