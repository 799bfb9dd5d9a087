// The self-built app's XML callback on the real Koa app: WeCom's own request (vector C), reports
// sent to the app, events and malformed bodies.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readXmlFields } from "../../../src/channels/wecom/xml.ts";
import { startCallbackHarness, TS, vectors, type CallbackHarness } from "./callback-harness.ts";
import { appCallback, query, robotCallback } from "./wecom-requests.ts";

const { B, C } = vectors;
let h: CallbackHarness;
beforeAll(async () => {
  h = await startCallbackHarness();
});
afterAll(async () => h.close());
beforeEach(() => h.reset());

describe("self-built app callback (XML)", () => {
  it("takes WeCom's real message (official vector C) and answers with an encrypted passive reply", async () => {
    h.setNow(new Date(Number(C.timestamp) * 1000));
    const path = `/wecom/app/callback?${query({ msg_signature: C.msgSignature, timestamp: C.timestamp, nonce: C.nonce })}`;
    const body = `<xml><ToUserName><![CDATA[${C.receiveId}]]></ToUserName><AgentID><![CDATA[1000002]]></AgentID><Encrypt><![CDATA[${C.encrypt}]]></Encrypt></xml>`;
    const res = await h.http.request(path, { body, contentType: "text/xml" });
    expect(res.status).toBe(200);
    expect(h.seen[0]).toMatchObject({
      id: "app:1456453720",
      sender: { id: "ChenJiaShun" },
      text: "你好",
      conversation: { kind: "direct" },
    });
    const envelope = readXmlFields(res.body);
    expect(envelope.get("Nonce")).toBe(C.nonce);
    expect(
      h.app.verify(envelope.get("MsgSignature")!, envelope.get("TimeStamp")!, C.nonce, envelope.get("Encrypt")!),
    ).toBe(true);
    const reply = readXmlFields(h.app.decrypt(envelope.get("Encrypt")!));
    expect(reply.get("ToUserName")).toBe("ChenJiaShun");
    expect(reply.get("FromUserName")).toBe(C.receiveId);
    expect(reply.get("Content")).toContain("没看懂");
    // The same request again is a replay.
    expect(await h.http.request(path, { body, contentType: "text/xml" })).toMatchObject({ status: 409, body: "" });
    // It reached the dispatcher (it could be WeCom's retry of a failed attempt), which had answered it.
    expect(h.seen).toHaveLength(2);
  });

  it("stores a report sent to the app once, answering the re-delivery with an empty 200", async () => {
    const xml = (msgId: string) =>
      `<xml><ToUserName><![CDATA[${B.receiveId}]]></ToUserName><FromUserName><![CDATA[u3]]></FromUserName><CreateTime>${TS}</CreateTime>` +
      `<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[走出去 深圳 比亚迪 新能源汽车零部件]]></Content><MsgId>${msgId}</MsgId><AgentID>1000002</AgentID></xml>`;
    const msgId = String(Date.now());
    const first = appCallback("/wecom/app/callback", h.app, xml(msgId), { timestamp: TS, corpId: B.receiveId });
    const res = await h.http.request(first.path, { body: first.body, contentType: "text/xml" });
    expect(readXmlFields(h.app.decrypt(readXmlFields(res.body).get("Encrypt")!)).get("Content")).toContain("已登记");
    const second = appCallback("/wecom/app/callback", h.app, xml(msgId), { timestamp: TS, corpId: B.receiveId });
    expect(await h.http.request(second.path, { body: second.body, contentType: "text/xml" })).toMatchObject({
      status: 200,
      body: "",
    });
    expect(await h.bot.store.reportRecordId(`wecom:app:${msgId}`)).not.toBeNull();
  });

  it("acknowledges app events and refuses malformed XML", async () => {
    const event = `<xml><ToUserName><![CDATA[${B.receiveId}]]></ToUserName><FromUserName><![CDATA[u3]]></FromUserName><CreateTime>${TS}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[enter_agent]]></Event><AgentID>1000002</AgentID></xml>`;
    const req = appCallback("/wecom/app/callback", h.app, event, { timestamp: TS, corpId: B.receiveId });
    expect(await h.http.request(req.path, { body: req.body, contentType: "text/xml" })).toMatchObject({
      status: 200,
      body: "",
    });
    expect((await h.http.request(req.path, { body: "<xml><Encrypt>", contentType: "text/xml" })).status).toBe(400);
    // The robot's ciphertext (receiveid "") is refused by the app (receiveid = CorpID).
    const robotCipher = robotCallback("/wecom/app/callback", h.robot, event, { timestamp: TS });
    const asXml = `<xml><Encrypt><![CDATA[${JSON.parse(robotCipher.body).encrypt}]]></Encrypt></xml>`;
    expect((await h.http.request(robotCipher.path, { body: asXml, contentType: "text/xml" })).status).toBe(400);
    expect(h.seen).toEqual([]);
  });
});
