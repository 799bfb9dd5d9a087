// DingTalk pushes with images: the app robot uploads each image and sends it as
// sampleImageMsg after the markdown; a custom robot gets the markdown and a link to the
// dashboard instead. Driven through the real outbox against loopback fakes.
import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PushMessage } from "../../../src/push/push.ts";
import { createAppRobotClient } from "../../../src/channels/dingtalk/app-robot-client.ts";
import { createDingtalkPushTransport } from "../../../src/channels/dingtalk/push-transport.ts";
import { createWebhookClient } from "../../../src/channels/dingtalk/webhook-client.ts";
import { createWebhookTransport } from "../../../src/channels/dingtalk/webhook-transport.ts";
import { readDingtalkConfig } from "../../../src/config/dingtalk.ts";
import { createKeys } from "../../../src/store/keys.ts";
import { createOutbox } from "../../../src/push/outbox.ts";
import { redisPort, silentLog } from "../../helpers/test-bot.ts";
import { startFakeAppRobot, type FakeAppRobot } from "./helpers/fake-app-robot.ts";
import { startFakeOapi, type FakeOapi } from "./helpers/fake-oapi.ts";

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("chart-bytes")]);
const message: PushMessage = {
  title: "双招双引周报",
  markdown: "## 双招双引周报\n**本周** 签约 2 个",
  attachments: [
    { kind: "image", filename: "ranking.png", contentBase64: PNG.toString("base64") },
    {
      kind: "image",
      filename: "funds-cumulative.png",
      contentBase64: Buffer.concat([PNG, Buffer.from("2")]).toString("base64"),
    },
  ],
  link: { title: "招商引资数据看板", url: "https://zs.example.gov.cn/dash?s=county&e=1&sig=x" },
};

let app: FakeAppRobot;
let oapi: FakeOapi;
let redis: Redis;
beforeEach(async () => {
  app = await startFakeAppRobot();
  oapi = await startFakeOapi(() => Date.now());
  oapi.robots.set("tokenplain", {});
  redis = new Redis({ host: "127.0.0.1", port: redisPort() });
});
afterEach(async () => {
  await app.close();
  await oapi.close();
  redis.disconnect();
});

function outbox(appSecret = "app-secret") {
  const client = createAppRobotClient({
    appKey: "dingkey",
    appSecret,
    robotCode: "dingrobot",
    apiBase: app.base,
    oapiBase: app.base,
    fetch: globalThis.fetch,
    now: () => new Date(),
  });
  const webhooks = createWebhookTransport({
    webhooks: new Map([["work-group", { url: `${oapi.base}/robot/send?access_token=tokenplain` }]]),
    client: createWebhookClient({ fetch: globalThis.fetch, now: () => new Date() }),
    log: silentLog,
  });
  const transport = createDingtalkPushTransport({
    webhooks,
    app: { groups: new Map([["leaders", "cidLeaders=="]]), client },
    log: silentLog,
  });
  return createOutbox(redis, createKeys(`t${Math.random().toString(36).slice(2, 10)}`), {
    transports: [transport],
    log: silentLog,
  });
}

describe("DingTalk pushes with images", () => {
  it("app robot: markdown, then each image uploaded and sent as sampleImageMsg, with one cached token", async () => {
    const box = outbox();
    expect((await box.send("leaders", message)).queued).toBe(4); // markdown, 2 images, link note
    await box.runOnce();
    expect(app.tokenRequests).toEqual([{ appKey: "dingkey", appSecret: "app-secret" }]);
    expect(app.uploads.map((u) => [u.type, u.filename, u.bytes.length])).toEqual([
      ["image", "ranking.png", PNG.length],
      ["image", "funds-cumulative.png", PNG.length + 1],
    ]);
    expect(app.uploads[0]!.bytes.equals(PNG)).toBe(true);
    expect(app.sends.map((s) => [s.robotCode, s.openConversationId, s.msgKey])).toEqual([
      ["dingrobot", "cidLeaders==", "sampleMarkdown"],
      ["dingrobot", "cidLeaders==", "sampleImageMsg"],
      ["dingrobot", "cidLeaders==", "sampleImageMsg"],
    ]);
    expect(app.sends[0]!.msgParam.text).toContain("**本周** 签约 2 个");
    expect(app.sends.slice(1).map((s) => s.msgParam.photoURL)).toEqual(["@media1", "@media2"]);
    expect((await box.stats()).pending).toBe(0);
  });

  it("custom robot: the markdown and a link to the dashboard, no images", async () => {
    const box = outbox();
    await box.send("work-group", message);
    await box.runOnce();
    expect(app.uploads).toEqual([]);
    const bodies = oapi.robotPosts.map((p) => p.body);
    expect(bodies).toHaveLength(2);
    expect(bodies[0]!.markdown.text).toContain("**本周** 签约 2 个");
    expect(bodies[1]!.markdown.text).toBe(
      "📊 图表请在看板查看：[招商引资数据看板](https://zs.example.gov.cn/dash?s=county&e=1&sig=x)",
    );
    expect((await box.stats()).pending).toBe(0);
  });

  it("keeps the push when the app robot is throttled or its credentials are refused", async () => {
    app.sendAnswers.push({ status: 400, body: { code: "send.too.fast", message: "too fast" } });
    const box = outbox();
    await box.send("leaders", { title: "t", markdown: "一行" });
    await box.runOnce();
    expect(app.sends).toEqual([]);
    expect(await box.stats()).toMatchObject({ pending: 1, failing: 1 });
    const refused = outbox("wrong-secret");
    await refused.send("leaders", { title: "t", markdown: "一行" });
    await refused.runOnce();
    expect(await refused.stats()).toMatchObject({ pending: 1, failing: 1 });
  });
});

describe("DingTalk app-robot settings", () => {
  it("maps destinations to groups, defaults the robot code to the app key, and needs the app credentials", () => {
    const problems: string[] = [];
    const config = readDingtalkConfig(
      { DINGTALK_APP_KEY: "dingkey", DINGTALK_APP_SECRET: "s", DINGTALK_APP_GROUPS: "leaders=cidAbC0123==" },
      problems,
    );
    expect(problems).toEqual([]);
    expect(config!.appGroups).toEqual(new Map([["leaders", "cidAbC0123=="]]));
    expect(config!.robotCode).toBe("dingkey");
    readDingtalkConfig({ DINGTALK_APP_GROUPS: "leaders=cid1" }, problems);
    expect(problems.join("\n")).toContain("DINGTALK_APP_GROUPS needs DINGTALK_APP_KEY");
  });
});
