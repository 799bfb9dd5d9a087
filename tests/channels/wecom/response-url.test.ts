// The robot's active reply (protocol §1.7) against the local fake: markdown, ≤ 20,480 bytes, once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { utf8Length } from "../../../src/channels/wecom/render.ts";
import { createResponseUrlClient } from "../../../src/channels/wecom/response-url-client.ts";
import { RESPONSE_URL_USED_ERRCODE, startFakeWecom, type FakeWecom } from "./fake-wecom.ts";
import { captureLog } from "./log-capture.ts";

let fake: FakeWecom;
const logs = captureLog();
const client = createResponseUrlClient({ fetch: globalThis.fetch, log: logs.log });
beforeAll(async () => {
  fake = await startFakeWecom();
});
afterAll(async () => fake.close());

describe("response_url client", () => {
  it("posts markdown once; a second call is refused by WeCom and logged with its reason", async () => {
    const url = fake.responseUrl("once");
    expect(await client.send(url, "✅ 已登记 #1 走出去", { msgid: "m1" })).toBe(true);
    expect(fake.replies.get("once")).toBe("✅ 已登记 #1 走出去");
    expect(await client.send(url, "again", { msgid: "m1" })).toBe(false);
    expect(logs.at("error").at(-1)).toMatchObject({
      msg: "reply through response_url failed",
      msgid: "m1",
      reason: `errcode ${RESPONSE_URL_USED_ERRCODE}: response_code already used`,
    });
    // The one-shot code in the URL never reaches the log.
    expect(logs.text()).not.toContain("response_code=once");
  });

  it("shortens content over 20,480 bytes so WeCom accepts it", async () => {
    const long = Array.from({ length: 2000 }, (_, i) => `第${i}行 城西镇 走出去`).join("\n");
    expect(await client.send(fake.responseUrl("long"), long, { msgid: "m2" })).toBe(true);
    const sent = fake.replies.get("long")!;
    expect(utf8Length(sent)).toBeLessThanOrEqual(20_480);
    expect(sent).toContain("内容过长");
  });

  it("logs network failures and HTTP errors with their reason instead of throwing", async () => {
    fake.script("drop", "http500");
    expect(await client.send(fake.responseUrl("net"), "x", { msgid: "m3" })).toBe(false);
    expect(String(logs.at("error").at(-1)?.reason)).toContain("fetch failed");
    expect(await client.send(fake.responseUrl("net"), "x", { msgid: "m4" })).toBe(false);
    expect(logs.at("error").at(-1)?.reason).toBe("HTTP 500, unexpected body");
  });
});
