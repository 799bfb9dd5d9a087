import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MalformedPayloadError, parseAppMessage, parseRobotCallback } from "../../../src/channels/wecom/parse.ts";
import { stripMention } from "../../../src/domain/normalize.ts";
import { cdata, readXmlFields, XmlFormatError } from "../../../src/channels/wecom/xml.ts";

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/wecom/${name}`, import.meta.url), "utf8"));
const BOT_NAMES = ["走出去助手", "招商助手"];
const options = { receivedAt: new Date("2026-03-10T02:00:00Z") };

describe("parseRobotCallback", () => {
  it("turns the group fixture into a normalised message, the text as typed (mention and all)", () => {
    const parsed = parseRobotCallback(JSON.stringify(fixture("robot-text-group.json").payload), options);
    expect(parsed).toEqual({
      kind: "message",
      message: {
        id: "CAIQ9p7u8QYYqLS0gIOAgAMgqQ8=",
        conversation: { channel: "wecom", id: "wrkSFfCgAAxxxxxxxxxxxxxxxxxxxxxx", kind: "group" },
        sender: { id: "LiSi" },
        text: "@走出去助手 走出去 上海 拜访某公司",
        sentAt: options.receivedAt,
      },
      responseUrl: "https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=RESPONSE_CODE",
    });
  });

  it("uses the sender as the conversation of a single chat; the dispatcher drops an unknown leading @name", () => {
    const parsed = parseRobotCallback(fixture("robot-text-single.json").payload, options);
    expect(parsed.kind === "message" && parsed.message).toMatchObject({
      conversation: { id: "USERID", kind: "direct" },
    });
    expect(parsed.kind === "message" && stripMention(parsed.message.text, BOT_NAMES)).toBe("hello robot");
  });

  it("joins the text items of a mixed message and ignores its images", () => {
    const parsed = parseRobotCallback(fixture("robot-mixed-group.json").payload, options);
    expect(parsed.kind === "message" && stripMention(parsed.message.text, BOT_NAMES)).toBe(
      "请进来 宁波某集团董事长一行来我镇考察纺织项目",
    );
    const imagesOnly = {
      ...fixture("robot-mixed-group.json").payload,
      mixed: { msg_item: [{ msgtype: "image", image: { url: "x" } }] },
    };
    expect(parseRobotCallback(imagesOnly, options)).toEqual({ kind: "ignored", reason: "msgtype mixed" });
  });

  it.each([
    ["robot-event-enter-chat.json", "event enter_chat"],
    ["robot-image-single.json", "msgtype image"],
    ["robot-stream-refresh.json", "msgtype stream"],
  ])("ignores %s", (name, reason) => {
    expect(parseRobotCallback(fixture(name).payload, options)).toEqual({ kind: "ignored", reason });
  });

  it("takes an event's create_time as the time sent when there is one", () => {
    const payload = { ...fixture("robot-text-single.json").payload, create_time: 1732000000 };
    const parsed = parseRobotCallback(payload, options);
    expect(parsed.kind === "message" && parsed.message.sentAt).toEqual(new Date(1732000000 * 1000));
  });

  it.each([
    ["not JSON", "{"],
    ["no msgid", JSON.stringify({ msgtype: "text", text: { content: "x" } })],
    ["no sender", JSON.stringify({ msgid: "1", msgtype: "text", chattype: "single", text: { content: "x" } })],
    [
      "a group without chatid",
      JSON.stringify({ msgid: "1", msgtype: "text", chattype: "group", from: { userid: "u" }, text: { content: "x" } }),
    ],
    ["null", "null"],
  ])("refuses %s", (_name, text) => {
    expect(() => parseRobotCallback(text, options)).toThrow(MalformedPayloadError);
  });
});

// One mention remover for every channel: WeCom passes text.content as typed (with the robot's
// @mention, §1.4) and the dispatcher's stripMention removes it.
describe("WeCom text through the dispatcher's mention remover", () => {
  it.each([
    ["@走出去助手 走出去 上海", "走出去 上海"],
    ["@走出去助手\u2005走出去 上海", "走出去 上海"], // the four-per-em space WeCom puts after mentions
    ["@走出去助手\u3000走出去 上海", "走出去 上海"],
    ["＠走出去助手：走出去 上海", "走出去 上海"],
    ["@走出去助手走出去 上海", "走出去 上海"],
    ["走出去 上海 @走出去助手", "走出去 上海"],
    ["@某机器人 签约 项目", "签约 项目"],
    ["@走出去助手", ""],
    ["签约 给@张三 看", "签约 给@张三 看"],
    ["  走出去 上海  ", "走出去 上海"],
  ])("%j → %j", (input, expected) => {
    const payload = {
      msgid: "m1",
      chattype: "single",
      from: { userid: "u1" },
      msgtype: "text",
      text: { content: input },
    };
    const parsed = parseRobotCallback(payload, options);
    if (parsed.kind !== "message") throw new Error("expected a message");
    expect(stripMention(parsed.message.text, BOT_NAMES)).toBe(expected);
  });
});

describe("parseAppMessage", () => {
  const { A, C } = fixture("official-vectors.json");

  it("reads WeCom's real app message without CDATA (vector C)", () => {
    const parsed = parseAppMessage(C.expect.plaintext);
    expect(parsed).toEqual({
      kind: "message",
      message: {
        id: "app:1456453720",
        conversation: { channel: "wecom", id: "app:ChenJiaShun", kind: "direct" },
        sender: { id: "ChenJiaShun" },
        text: "你好",
        sentAt: new Date(1476422779 * 1000),
      },
      responseUrl: null,
    });
  });

  it("reads CDATA fields and newline-separated XML (vector A's shape)", () => {
    const xml = `<xml><ToUserName><![CDATA[${A.receiveId}]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>`;
    expect(parseAppMessage(xml)).toMatchObject({
      kind: "message",
      message: { id: "app:4561255354251345929", text: "hello" },
    });
  });

  it("ignores events and other message types, refuses broken XML", () => {
    expect(parseAppMessage("<xml><MsgType>event</MsgType><Event>enter_agent</Event></xml>")).toEqual({
      kind: "ignored",
      reason: "event enter_agent",
    });
    expect(parseAppMessage("<xml><MsgType>image</MsgType></xml>")).toEqual({
      kind: "ignored",
      reason: "MsgType image",
    });
    expect(() => parseAppMessage("<xml><MsgType>text</MsgType></xml>")).toThrow(MalformedPayloadError);
    expect(() => parseAppMessage("hello")).toThrow(MalformedPayloadError);
  });
});

describe("readXmlFields", () => {
  it("decodes entities in text and keeps CDATA verbatim, split sections included", () => {
    const fields = readXmlFields(
      `<?xml version="1.0"?><xml><A>a &lt;b&gt; &amp; &#x4e2d;&#25991;</A><B>${cdata("x]]>y &amp;")}</B></xml>`,
    );
    expect(fields.get("A")).toBe("a <b> & 中文");
    expect(fields.get("B")).toBe("x]]>y &amp;");
  });

  it("refuses DTDs, unknown entities and documents without the <xml> root", () => {
    expect(() => readXmlFields('<!DOCTYPE x [<!ENTITY e "boom">]><xml><A>&e;</A></xml>')).toThrow(XmlFormatError);
    expect(() => readXmlFields("<xml><A>&e;</A></xml>")).toThrow(XmlFormatError);
    expect(() => readXmlFields("<root><A>1</A></root>")).toThrow(XmlFormatError);
  });
});
