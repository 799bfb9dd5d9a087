import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "../../../src/config.ts";
import { readWecomConfig, WECOM_API_BASE } from "../../../src/config/wecom.ts";

const KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
const read = (env: Record<string, string>) => {
  const problems: string[] = [];
  return { config: readWecomConfig(env, problems), problems };
};

describe("readWecomConfig", () => {
  it("is off when no WECOM_ variable is set", () => {
    expect(read({ BOT_NAMES: "招商助手" })).toEqual({ config: null, problems: [] });
  });

  it("turns the robot's URL callback on with a token and a key", () => {
    const { config, problems } = read({ WECOM_TOKEN: "QDG6eK", WECOM_ENCODING_AES_KEY: KEY });
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      robotCallback: { token: "QDG6eK", encodingAesKey: KEY },
      appCallback: null,
      longConnection: null,
      apiBase: WECOM_API_BASE,
      botNames: ["招商助手"],
    });
  });

  it("adds the app callback with WECOM_CORP_ID", () => {
    const { config } = read({
      WECOM_TOKEN: "QDG6eK",
      WECOM_ENCODING_AES_KEY: KEY,
      WECOM_CORP_ID: "ww1436e0e65a779aee",
      BOT_NAMES: "走出去助手,招商助手",
    });
    expect(config).toMatchObject({
      appCallback: { corpId: "ww1436e0e65a779aee", token: "QDG6eK" },
      botNames: ["走出去助手", "招商助手"],
    });
  });

  it("selects long-connection mode with a bot id and secret; the token and key then serve only the app", () => {
    expect(
      read({ WECOM_BOT_ID: "aib123", WECOM_BOT_SECRET: "s3cr3t", WECOM_BOT_CHATS: "leaders=wrkChat1" }).config,
    ).toMatchObject({
      robotCallback: null,
      longConnection: { botId: "aib123", secret: "s3cr3t", wsUrl: undefined },
      chats: new Map([["leaders", "wrkChat1"]]),
    });
    const both = read({
      WECOM_BOT_ID: "aib",
      WECOM_BOT_SECRET: "s",
      WECOM_TOKEN: "t",
      WECOM_ENCODING_AES_KEY: KEY,
      WECOM_CORP_ID: "ww1",
    });
    expect(both.config).toMatchObject({
      robotCallback: null,
      appCallback: { corpId: "ww1" },
      longConnection: { botId: "aib" },
    });
  });

  it("maps webhook destinations given as keys or full URLs", () => {
    const { config, problems } = read({
      WECOM_WEBHOOKS:
        "leaders=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa, work-group=https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abcdefgh-1234,城西镇=k1234567",
      WECOM_API_BASE: "http://127.0.0.1:8080/",
    });
    expect(problems).toEqual([]);
    expect(config?.webhooks).toEqual(
      new Map([
        ["leaders", "http://127.0.0.1:8080/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"],
        ["work-group", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abcdefgh-1234"],
        ["城西镇", "http://127.0.0.1:8080/cgi-bin/webhook/send?key=k1234567"],
      ]),
    );
  });

  it("names the missing variable of a half-configured block", () => {
    expect(read({ WECOM_TOKEN: "t" }).problems).toEqual(["WECOM_ENCODING_AES_KEY: missing (WECOM_TOKEN is set)"]);
    expect(read({ WECOM_ENCODING_AES_KEY: KEY }).problems).toEqual([
      "WECOM_TOKEN: missing (WECOM_ENCODING_AES_KEY is set)",
    ]);
    expect(read({ WECOM_BOT_ID: "aib" }).problems).toEqual(["WECOM_BOT_SECRET: missing (WECOM_BOT_ID is set)"]);
    expect(read({ WECOM_BOT_SECRET: "s" }).problems).toEqual(["WECOM_BOT_ID: missing (WECOM_BOT_SECRET is set)"]);
    expect(read({ WECOM_CORP_ID: "ww1" }).problems).toEqual([
      "WECOM_CORP_ID: the app callback needs WECOM_TOKEN and WECOM_ENCODING_AES_KEY",
    ]);
    expect(read({ WECOM_BOT_CHATS: "leaders=wrk1" }).problems).toEqual([
      "WECOM_BOT_CHATS: needs WECOM_BOT_ID and WECOM_BOT_SECRET (long connection)",
    ]);
  });

  it("validates the key, the token, URLs and destinations without echoing secrets", () => {
    const secretKey = "tooShortSecretKeyValue";
    const { problems } = read({
      WECOM_TOKEN: "has space",
      WECOM_ENCODING_AES_KEY: secretKey,
      WECOM_WEBHOOKS: "leaders=https://example.com/other?key=abc,bad,leaders=k9999999",
      WECOM_API_BASE: "ftp://x",
    });
    expect(problems).toEqual([
      "WECOM_TOKEN: must be the robot's Token, 1–32 letters or digits",
      "WECOM_ENCODING_AES_KEY: must be 43 letters or digits (got 22 characters)",
      "WECOM_API_BASE: not a http or https URL",
      'WECOM_WEBHOOKS: "bad" is not name=target',
      'WECOM_WEBHOOKS: destination "leaders" is given twice',
      'WECOM_WEBHOOKS: "leaders" is neither a webhook key nor a …/cgi-bin/webhook/send?key=… URL',
    ]);
    expect(problems.join("\n")).not.toContain(secretKey);
    expect(problems.join("\n")).not.toContain("has space");
  });

  it("refuses the URL callback and the long connection together without a corp id", () => {
    expect(
      read({ WECOM_BOT_ID: "aib", WECOM_BOT_SECRET: "s", WECOM_TOKEN: "t", WECOM_ENCODING_AES_KEY: KEY }).problems,
    ).toEqual([expect.stringContaining("the robot has one API mode")]);
  });

  it("reaches readConfig: a start-up error lists the WeCom problem with the others", () => {
    expect(readConfig({ WECOM_WEBHOOKS: "leaders=k1234567" }).wecom?.webhooks.get("leaders")).toBe(
      `${WECOM_API_BASE}/cgi-bin/webhook/send?key=k1234567`,
    );
    let problems: string[] = [];
    try {
      readConfig({ WECOM_TOKEN: "t", PORT: "x" });
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems;
    }
    expect(problems).toEqual([expect.stringContaining("PORT"), "WECOM_ENCODING_AES_KEY: missing (WECOM_TOKEN is set)"]);
  });
});
