// The robot's URL callback on the real Koa app, with requests encrypted and signed here, the
// real dispatcher and store, and a local fake of response_url.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createWecomCrypto } from "../../../src/channels/wecom/crypto.ts";
import { fixture, startCallbackHarness, TS, NOW, vectors, type CallbackHarness } from "./callback-harness.ts";
import { freshNonce, query, robotCallback, verificationPath } from "./wecom-requests.ts";

const { B } = vectors;
let h: CallbackHarness;
beforeAll(async () => {
  h = await startCallbackHarness();
});
afterAll(async () => h.close());
beforeEach(() => h.reset());

let seq = 0;
function groupText(content: string, overrides: Record<string, unknown> = {}) {
  seq += 1;
  return {
    ...fixture("robot-text-group.json").payload,
    msgid: `msg-${seq}-${Date.now()}`,
    from: { userid: "u1" },
    response_url: h.fake.responseUrl(`code-${seq}`),
    text: { content },
    ...overrides,
  };
}
const post = (payload: unknown, options: { contentType?: string | null; nonce?: string } = {}) => {
  const req = robotCallback("/wecom/callback", h.robot, payload, {
    timestamp: TS,
    ...(options.nonce ? { nonce: options.nonce } : {}),
  });
  return h.http.request(req.path, { body: req.body, contentType: options.contentType });
};

describe("URL verification (GET)", () => {
  it("answers the decrypted echostr as the raw body, for the robot and the app (official vector B)", async () => {
    const res = await h.http.request(
      verificationPath("/wecom/callback", h.robot, "1288432023552776189", { timestamp: TS }),
    );
    expect(res).toMatchObject({ status: 200, body: "1288432023552776189" });
    expect(res.type).toMatch(/^text\/plain/);
    // B is WeCom's own request; '+', '/' and '=' arrive percent-encoded (§1.2).
    const official = await h.http.request(
      `/wecom/app/callback?${query({ msg_signature: B.msgSignature, timestamp: B.timestamp, nonce: B.nonce, echostr: B.echostr })}`,
    );
    expect(official).toMatchObject({ status: 200, body: B.expect.plaintext });
  });

  it("refuses a wrong or missing signature with 401 and a missing echostr with 400", async () => {
    const path = verificationPath("/wecom/callback", h.robot, "123", { timestamp: TS });
    expect((await h.http.request(path.replace(/msg_signature=[0-9a-f]/, "msg_signature=x"))).status).toBe(401);
    expect((await h.http.request(path.replace(/msg_signature=[^&]*&/, ""))).status).toBe(401);
    expect((await h.http.request(path.replace(/&echostr=.*$/, ""))).status).toBe(400);
  });
});

describe("robot message callback (POST)", () => {
  it("stores a group report, answers an empty 200, then replies once through response_url", async () => {
    const payload = groupText("@走出去助手 走出去 上海 拜访某公司");
    const res = await post(payload);
    expect(res).toMatchObject({ status: 200, body: "" });
    // The report is stored before the 200.
    expect(await h.bot.store.reportRecordId(`wecom:${payload.msgid}`)).not.toBeNull();
    expect(h.seen[0]).toMatchObject({
      id: payload.msgid,
      conversation: { channel: "wecom", id: payload.chatid, kind: "group" },
      sender: { id: "u1" },
      text: "@走出去助手 走出去 上海 拜访某公司", // as typed: the dispatcher removes the mention
    });
    await h.channel.idle();
    const reply = h.fake.replies.get(`code-${seq}`)!;
    expect(reply).toContain("已登记");
    expect(reply).toContain("地点：上海");
  });

  it("takes the callback with or without a Content-Type header (§1.3: not documented)", async () => {
    expect((await post(groupText("@走出去助手 帮助"), { contentType: null })).status).toBe(200);
    expect((await post(groupText("@走出去助手 帮助"), { contentType: "text/plain" })).status).toBe(200);
  });

  it("stores a message delivered twice once and replies once", async () => {
    const payload = groupText("@走出去助手 请进来 宁波某集团董事长一行来我镇考察纺织项目");
    const before = (await h.bot.yearTotals()).visitIn;
    expect((await post(payload)).status).toBe(200);
    expect((await post(payload)).status).toBe(200); // a new timestamp/nonce, the same msgid
    await h.channel.idle();
    expect((await h.bot.yearTotals()).visitIn).toBe(before + 1);
    expect(h.fake.requests.filter((r) => r.query.response_code === `code-${seq}`)).toHaveLength(1);
  });

  it("parses the single-chat fixture and the text of a mixed message", async () => {
    const single = {
      ...fixture("robot-text-single.json").payload,
      msgid: `single-${Date.now()}`,
      response_url: h.fake.responseUrl("single"),
    };
    expect((await post(single)).status).toBe(200);
    expect(h.seen[0]).toMatchObject({
      conversation: { id: "USERID", kind: "direct" },
      sender: { id: "USERID" },
      text: "@RobotA hello robot",
    });
    const mixed = {
      ...fixture("robot-mixed-group.json").payload,
      msgid: `mixed-${Date.now()}`,
      from: { userid: "u2" },
    };
    expect((await post(mixed)).status).toBe(200);
    expect(h.seen[1]?.text).toBe("@走出去助手 请进来 宁波某集团董事长一行来我镇考察纺织项目");
    await h.channel.idle();
    expect(h.fake.replies.get("single")).toContain("没看懂");
  });

  it.each(["robot-event-enter-chat.json", "robot-image-single.json", "robot-stream-refresh.json"])(
    "acknowledges and ignores %s",
    async (name) => {
      const payload = { ...fixture(name).payload, msgid: `${name}-${Date.now()}` };
      expect(await post(payload)).toMatchObject({ status: 200, body: "" });
      expect(h.seen).toEqual([]);
      expect(h.logs.at("debug").some((l) => l.msg === "callback acknowledged and ignored")).toBe(true);
    },
  );

  it("refuses a missing or wrong signature with 401, logs a warning without the body, and has no side effect", async () => {
    const payload = groupText("@走出去助手 走出去 北京 拜访某集团");
    const nonce = freshNonce();
    const req = robotCallback("/wecom/callback", h.robot, payload, { timestamp: TS, nonce });
    const forged = req.path.replace(/msg_signature=[0-9a-f]{40}/, `msg_signature=${"0".repeat(40)}`);
    expect(await h.http.request(forged, { body: req.body })).toMatchObject({ status: 401, body: "" });
    expect((await h.http.request(req.path.replace(/msg_signature=[^&]*&/, ""), { body: req.body })).status).toBe(401);
    expect(h.seen).toEqual([]);
    const warnings = h.logs.at("warn").filter((l) => l.msg === "callback refused" && l.status === 401);
    expect(warnings.length).toBeGreaterThanOrEqual(2);
    expect(h.logs.text()).not.toContain(req.encrypt);
    // Nothing was claimed: the genuine request with the same (timestamp, nonce) still goes through.
    expect((await h.http.request(req.path, { body: req.body })).status).toBe(200);
    expect(h.seen).toHaveLength(1);
  });

  it("answers 400 to malformed bodies and to ciphertexts that do not decrypt cleanly", async () => {
    const req = robotCallback("/wecom/callback", h.robot, groupText("走出去"), { timestamp: TS });
    expect((await h.http.request(req.path, { body: "not json" })).status).toBe(400);
    expect((await h.http.request(req.path, { body: JSON.stringify({ Encrypt: req.encrypt }) })).status).toBe(400);
    // Signed with our token but encrypted with another key: the signature passes (§3.7-2).
    const otherKey = createWecomCrypto({ token: B.token, encodingAesKey: "Z".repeat(43), receiveId: "" });
    const wrongKey = robotCallback("/wecom/callback", otherKey, groupText("走出去"), { timestamp: TS });
    expect((await h.http.request(wrongKey.path, { body: wrongKey.body })).status).toBe(400);
    expect(h.logs.at("error").some((l) => String(l.reason).includes("WECOM_ENCODING_AES_KEY"))).toBe(true);
    // Decrypts, but the plaintext is not a robot message.
    expect((await post("not json at all")).status).toBe(400);
    expect((await post({ hello: "world" })).status).toBe(400);
    expect((await post(groupText("走出去", { from: {} }))).status).toBe(400);
    expect(h.seen).toEqual([]);
  });

  it("refuses a replayed (timestamp, nonce) pair and a timestamp more than a day off", async () => {
    const req = robotCallback("/wecom/callback", h.robot, groupText("@走出去助手 帮助"), { timestamp: TS });
    expect((await h.http.request(req.path, { body: req.body })).status).toBe(200);
    expect((await h.http.request(req.path, { body: req.body })).status).toBe(409);
    h.setNow(new Date(NOW.getTime() + 25 * 3600_000));
    expect((await post(groupText("@走出去助手 帮助"))).status).toBe(409);
    // The identical copy reached the dispatcher (it may be WeCom's retry of a failed attempt),
    // which had answered that message already: 409 and nothing more.
    expect(h.seen).toHaveLength(2);
  });

  it("answers 413 to an oversized body", async () => {
    const req = robotCallback("/wecom/callback", h.robot, groupText("走出去"), { timestamp: TS });
    expect((await h.http.request(req.path, { body: JSON.stringify({ encrypt: "A".repeat(1_100_000) }) })).status).toBe(
      413,
    );
  });

  it("logs a failed response_url call with its reason and still answers 200 for the stored report", async () => {
    h.fake.script({ errcode: 600001, errmsg: "response_code already used" });
    const payload = groupText("@走出去助手 走出去 杭州 拜访某集团");
    expect((await post(payload)).status).toBe(200);
    await h.channel.idle();
    const failure = h.logs
      .at("error")
      .find((l) => l.msg === "reply through response_url failed" && l.msgid === payload.msgid);
    expect(failure?.reason).toBe("errcode 600001: response_code already used");
    expect(await h.bot.store.reportRecordId(`wecom:${payload.msgid}`)).not.toBeNull();
  });
});
