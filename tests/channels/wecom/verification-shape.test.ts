// Issue 16, point 8: the GET verification URL decrypts only what a verification carries. A
// captured POST (its ciphertext with its own signature, timestamp and nonce) replayed as echostr
// must not be answered with the decrypted message.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCallbackHarness, TS, type CallbackHarness } from "./callback-harness.ts";
import { appCallback, query, robotCallback, verificationPath } from "./wecom-requests.ts";

let h: CallbackHarness;
beforeAll(async () => {
  h = await startCallbackHarness();
});
afterAll(async () => h.close());

const asEchostr = (path: string, encrypt: string) => {
  const params = new URLSearchParams(path.split("?")[1]);
  return `${path.split("?")[0]}?${query({ msg_signature: params.get("msg_signature")!, timestamp: params.get("timestamp")!, nonce: params.get("nonce")!, echostr: encrypt })}`;
};

describe("GET verification", () => {
  it("refuses a captured robot message ciphertext offered as echostr", async () => {
    const message = {
      msgid: "m-secret",
      chattype: "single",
      from: { userid: "u1" },
      msgtype: "text",
      text: { content: "签约 机密项目 9亿元" },
    };
    const post = robotCallback("/wecom/callback", h.robot, message, { timestamp: TS });
    const res = await h.http.request(asEchostr(post.path, post.encrypt));
    expect(res.status).toBe(400);
    expect(res.body).not.toContain("机密项目");
  });

  it("refuses a captured app message ciphertext offered as echostr", async () => {
    const xml = `<xml><FromUserName><![CDATA[u3]]></FromUserName><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[机密]]></Content></xml>`;
    const post = appCallback("/wecom/app/callback", h.app, xml, { timestamp: TS, corpId: h.corpId });
    const res = await h.http.request(asEchostr(post.path, post.encrypt));
    expect(res.status).toBe(400);
    expect(res.body).not.toContain("机密");
  });

  it("still answers a verification string", async () => {
    const res = await h.http.request(
      verificationPath("/wecom/callback", h.robot, "5927782489442352469", { timestamp: TS }),
    );
    expect(res).toMatchObject({ status: 200, body: "5927782489442352469" });
  });
});
