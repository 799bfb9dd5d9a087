import { describe, expect, it } from "vitest";
import { parseCallback } from "../../../src/channels/dingtalk/parse.ts";
import { fixture } from "./helpers/support.ts";

const now = new Date("2026-03-10T10:00:00+08:00");

describe("parseCallback", () => {
  it("normalises a group text message (§1.4 example)", () => {
    expect(parseCallback(fixture("group-text"), now)).toEqual({
      kind: "text",
      message: {
        id: "msgXyZ0123456789==",
        conversation: { channel: "dingtalk", id: "cidAbCdEf0123456789==", kind: "group", title: "项目推进群" },
        sender: { id: "manager4321", name: "张三" },
        text: "签约 某项目 5亿元 新材料",
        sentAt: new Date(1700000000000),
      },
      session: { webhook: "https://oapi.dingtalk.com/robot/sendBySession?session=0123abcd", expiresAt: 1700005400000 },
    });
  });

  it("tells a 1:1 chat from a group", () => {
    const parsed = parseCallback(fixture("direct-text"), now);
    expect(parsed.kind === "text" && parsed.message.conversation).toEqual({
      channel: "dingtalk",
      id: "cidDirect0001==",
      kind: "direct",
    });
    expect(parsed.kind === "text" && parsed.message.text).toBe("走出去 赴上海拜访华谊集团，洽谈新材料项目");
  });

  it("keeps other @mentions as text and reads string timestamps", () => {
    const parsed = parseCallback(fixture("group-text-other-mention"), now);
    expect(parsed).toMatchObject({
      kind: "text",
      message: { text: "请进来 宁波某集团董事长一行来我镇考察纺织项目 @王五", sentAt: new Date(1700000200000) },
      session: { expiresAt: 1700005602586 },
    });
  });

  it("reads the top-level content of the one documented variant", () => {
    expect(parseCallback(fixture("top-level-content"), now)).toMatchObject({ kind: "text", message: { text: "帮助" } });
  });

  it("sets non-text messages aside with their reply target", () => {
    expect(parseCallback(fixture("picture"), now)).toEqual({
      kind: "unsupported",
      msgId: "msgPicture0001==",
      msgtype: "picture",
      session: { webhook: "https://oapi.dingtalk.com/robot/sendBySession?session=cdefmnop", expiresAt: 1700005700000 },
    });
    expect(parseCallback(fixture("rich-text"), now)).toMatchObject({ kind: "unsupported", msgtype: "richText" });
  });

  it("recognises the quota notice and a sender without staff id", () => {
    expect(parseCallback(fixture("quota-notice"), now)).toEqual({
      kind: "notice",
      errorCode: "20001",
      errorMessage: "机器人调用量已达上限",
    });
    expect(parseCallback(fixture("external-sender"), now)).toMatchObject({
      kind: "unknown-sender",
      msgId: "msgExternal0001==",
    });
  });

  it("falls back to the current time without createAt, and to no reply target without sessionWebhook", () => {
    const { createAt: _c, sessionWebhook: _s, ...rest } = fixture("group-text");
    expect(parseCallback(rest, now)).toMatchObject({ kind: "text", message: { sentAt: now }, session: null });
  });

  it("refuses what is not a robot message", () => {
    const good = fixture("group-text");
    expect(parseCallback(null, now)).toEqual({ kind: "invalid", reason: "not a JSON object" });
    expect(parseCallback([good], now).kind).toBe("invalid");
    expect(parseCallback({ ...good, msgId: "" }, now)).toEqual({ kind: "invalid", reason: "msgId missing" });
    expect(parseCallback({ ...good, msgId: 12 }, now).kind).toBe("invalid");
    expect(parseCallback({ ...good, msgtype: undefined }, now).kind).toBe("invalid");
    expect(parseCallback({ ...good, conversationId: undefined }, now).kind).toBe("invalid");
    expect(parseCallback({ ...good, conversationType: "3" }, now).kind).toBe("invalid");
    expect(parseCallback({ ...good, text: {} }, now)).toEqual({
      kind: "invalid",
      reason: "text message without text.content",
    });
  });
});
