import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "../../../src/config.ts";
import { readDingtalkConfig } from "../../../src/config/dingtalk.ts";

function read(env: Record<string, string>) {
  const problems: string[] = [];
  const config = readDingtalkConfig(env, problems);
  return { config, problems };
}

const SEC = "SECabc123";

describe("readDingtalkConfig", () => {
  it("is off when nothing is set", () => {
    expect(read({})).toEqual({ config: null, problems: [] });
    expect(readConfig({}).dingtalk).toBeNull();
  });

  it("reads an HTTP-mode robot with production base URLs", () => {
    expect(read({ DINGTALK_APP_KEY: "dingkey", DINGTALK_APP_SECRET: "secret" })).toEqual({
      config: {
        app: { appKey: "dingkey", appSecret: "secret", mode: "http" },
        webhooks: new Map(),
        oapiBase: "https://oapi.dingtalk.com",
        apiBase: "https://api.dingtalk.com",
      },
      problems: [],
    });
  });

  it("reads Stream mode, webhooks by URL or access token with their secrets, and base URLs", () => {
    const { config, problems } = read({
      DINGTALK_APP_KEY: "dingkey",
      DINGTALK_APP_SECRET: "secret",
      DINGTALK_MODE: "stream",
      DINGTALK_WEBHOOKS: "leaders=https://oapi.dingtalk.com/robot/send?access_token=tok1, work-group=tok2",
      DINGTALK_WEBHOOK_SECRETS: `leaders=${SEC}`,
      DINGTALK_OAPI_BASE: "http://127.0.0.1:8080/",
      DINGTALK_API_BASE: "http://127.0.0.1:8081",
    });
    expect(problems).toEqual([]);
    expect(config).toEqual({
      app: { appKey: "dingkey", appSecret: "secret", mode: "stream" },
      webhooks: new Map([
        ["leaders", { url: "https://oapi.dingtalk.com/robot/send?access_token=tok1", secret: SEC }],
        ["work-group", { url: "http://127.0.0.1:8080/robot/send?access_token=tok2" }],
      ]),
      oapiBase: "http://127.0.0.1:8080",
      apiBase: "http://127.0.0.1:8081",
    });
  });

  it("runs push-only with webhooks and no app", () => {
    expect(read({ DINGTALK_WEBHOOKS: "leaders=tok1" }).config).toMatchObject({
      app: null,
      webhooks: new Map([["leaders", expect.anything()]]),
    });
  });

  it("names the missing variable of a half-configured block", () => {
    expect(read({ DINGTALK_APP_KEY: "dingkey" }).problems).toEqual([
      "DINGTALK_APP_SECRET is missing (DINGTALK_APP_KEY is set)",
    ]);
    expect(read({ DINGTALK_APP_SECRET: "secret" }).problems).toEqual([
      "DINGTALK_APP_KEY is missing (DINGTALK_APP_SECRET is set)",
    ]);
    expect(read({ DINGTALK_MODE: "stream", DINGTALK_WEBHOOKS: "a=tok" }).problems).toEqual([
      "DINGTALK_APP_KEY and DINGTALK_APP_SECRET are missing (DINGTALK_MODE is set)",
    ]);
    expect(read({ DINGTALK_WEBHOOK_SECRETS: `leaders=${SEC}` }).problems).toEqual([
      'DINGTALK_WEBHOOK_SECRETS: destination "leaders" has no webhook in DINGTALK_WEBHOOKS',
    ]);
    expect(read({ DINGTALK_OAPI_BASE: "http://127.0.0.1:1" }).problems).toEqual([
      "DingTalk settings are given but neither DINGTALK_APP_KEY/DINGTALK_APP_SECRET nor DINGTALK_WEBHOOKS is set",
    ]);
  });

  it("reports every other mistake without echoing a credential", () => {
    const { config, problems } = read({
      DINGTALK_APP_KEY: "k",
      DINGTALK_APP_SECRET: "topsecret",
      DINGTALK_MODE: "websocket",
      DINGTALK_WEBHOOKS: "leaders=https://oapi.dingtalk.com/robot/send?nope=1,bad=to ken,leaders2",
      DINGTALK_WEBHOOK_SECRETS: "bad=notsec",
      DINGTALK_API_BASE: "ftp://x",
    });
    expect(config).toBeNull();
    expect(problems).toEqual([
      'DINGTALK_API_BASE: "ftp://x" is not an http(s) URL',
      'DINGTALK_MODE: "websocket" is not http or stream',
      'DINGTALK_WEBHOOKS: "leaders2" is not name=target',
      'DINGTALK_WEBHOOKS: destination "leaders" is neither an access_token nor a robot/send URL with access_token',
      'DINGTALK_WEBHOOKS: destination "bad" is neither an access_token nor a robot/send URL with access_token',
      'DINGTALK_WEBHOOK_SECRETS: the secret of "bad" does not start with SEC',
    ]);
    expect(problems.join("\n")).not.toContain("topsecret");
  });

  it("refuses a webhook secret that is not the SEC… string", () => {
    expect(read({ DINGTALK_WEBHOOKS: "leaders=tok", DINGTALK_WEBHOOK_SECRETS: "leaders=abc" }).problems).toEqual([
      'DINGTALK_WEBHOOK_SECRETS: the secret of "leaders" does not start with SEC',
    ]);
  });

  it("makes readConfig fail at start-up", () => {
    expect(() => readConfig({ DINGTALK_APP_KEY: "dingkey" })).toThrow(ConfigError);
    expect(readConfig({ DINGTALK_APP_KEY: "k", DINGTALK_APP_SECRET: "s" }).dingtalk).toMatchObject({
      app: { mode: "http" },
    });
  });
});
