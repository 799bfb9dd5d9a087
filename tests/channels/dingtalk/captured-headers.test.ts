// Issue 16, points 5 and 6: DingTalk HTTP mode signs only the timestamp, so a captured
// (timestamp, sign) pair must carry no other body; the sign is compared exactly; replies go only
// to DingTalk's send-by-session endpoint.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isSessionWebhook } from "../../../src/channels/dingtalk/session-replier.ts";
import { createSeededBot, type TestBot } from "../../helpers/test-bot.ts";
import { APP_SECRET, startHttpHarness, type HttpHarness } from "./helpers/http-harness.ts";
import { captureLog, signHeader } from "./helpers/support.ts";

let bot: TestBot;
let h: HttpHarness;
const now = new Date("2026-03-10T10:00:00+08:00");

beforeEach(async () => {
  bot = await createSeededBot("2026-03-10T10:00:00+08:00");
  h = await startHttpHarness({ dispatch: bot.dispatch, store: bot.store, log: captureLog().log, now: () => now });
});
afterEach(async () => {
  await h.close();
  await bot.close();
});

const recordsOf = async (user: string) => (await bot.store.records.recentOf(user)).length;

describe("a captured (timestamp, sign) pair", () => {
  it("carries only the message it was captured with: another body is refused, the same one is a retry", async () => {
    const timestamp = String(now.getTime() - 1000);
    const headers = { timestamp, sign: signHeader(timestamp, APP_SECRET) };
    const genuine = h.message("group-text", { text: { content: " 走出去 赴上海拜访华谊集团" } });
    expect((await h.post(genuine, headers)).status).toBe(200);

    // The attacker reuses the headers with bodies of their own: as another member, and with the
    // same msgId but another text.
    const forged = h.message("group-text", {
      senderStaffId: "admin1",
      text: { content: " 签约 伪造项目 9亿元 新材料 省外" },
    });
    expect((await h.post(forged, headers)).status).toBe(409);
    expect((await h.post({ ...genuine, text: { content: " 签约 伪造项目 9亿元 新材料 省外" } }, headers)).status).toBe(
      409,
    );

    // DingTalk's retry of the genuine message (same headers, same body) is let through and deduplicated.
    expect((await h.post(genuine, headers)).status).toBe(200);
    await h.channel.settled();
    expect(await recordsOf("u1")).toBe(1);
    expect(await recordsOf("admin1")).toBe(0);
    expect((await bot.yearTotals()).signing).toBe(0);
    expect(h.fake.sessionPosts).toHaveLength(1);
  });
});

describe("the sign header (§1.3)", () => {
  it("is refused with anything appended, a non-canonical encoding, or a second value", async () => {
    const timestamp = String(now.getTime());
    const sign = signHeader(timestamp, APP_SECRET);
    const last = sign.at(-2)!;
    // The last character before "=" carries 2 unused bits: a sibling decodes to the same bytes.
    const sibling = sign.slice(0, -2) + String.fromCharCode(last.charCodeAt(0) ^ 1) + "=";
    for (const bad of [`${sign}x`, `${sign}=`, `${sign}AAAA`, `${sign},${sign}`, sign.slice(0, -1), sibling]) {
      const res = await h.post(h.message("group-text"), { timestamp, sign: bad });
      expect(res.status, bad).toBe(401);
    }
    expect(await recordsOf("u1")).toBe(0);
    expect((await h.post(h.message("group-text"), { timestamp, sign })).status).toBe(200);
  });
});

describe("sessionWebhook", () => {
  it("is accepted only as DingTalk's send-by-session endpoint or the configured base's", () => {
    const base = "https://oapi.dingtalk.com";
    expect(isSessionWebhook("https://oapi.dingtalk.com/robot/sendBySession?session=abc", base)).toBe(true);
    expect(isSessionWebhook("http://127.0.0.1:8080/robot/sendBySession?session=abc", "http://127.0.0.1:8080")).toBe(
      true,
    );
    for (const url of [
      "https://oapi.dingtalk.com/robot/send?access_token=abc",
      "https://oapi.dingtalk.com/robot/sendBySession/../send?session=abc",
      "https://oapi.dingtalk.com/robot/sendBySessionX?session=abc",
      "https://evil.dingtalk.com/robot/sendBySession?session=abc",
      "https://dingtalk.com/robot/sendBySession?session=abc",
      "http://oapi.dingtalk.com/robot/sendBySession?session=abc",
      "https://oapi.dingtalk.com:8443/robot/sendBySession?session=abc",
      "https://user:pw@oapi.dingtalk.com/robot/sendBySession?session=abc",
      "https://oapi.dingtalk.com.evil.example/robot/sendBySession?session=abc",
      "http://127.0.0.1:8080/steal?session=abc",
      "not a url",
    ]) {
      expect(isSessionWebhook(url, "http://127.0.0.1:8080"), url).toBe(false);
    }
  });
});
