// Routing a normalised line to a command: longest trigger first, optional slash, ASCII triggers
// case-insensitive and whole words, the keyword's colon and blanks not part of the arguments.
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { matchCommand } from "../../src/bot/match.ts";

function routed(text: string): { name: string; trigger: string; args: string } | null {
  const m = matchCommand(text, commands);
  return m ? { name: m.command.name, trigger: m.trigger, args: m.args } : null;
}

describe("matchCommand", () => {
  it.each([
    ["签约 年产10万吨功能膜项目 5.2亿元", "signing", "签约", "年产10万吨功能膜项目 5.2亿元"],
    ["/签约 功能膜项目", "signing", "签约", "功能膜项目"],
    ["签约:功能膜项目", "signing", "签约", "功能膜项目"],
    ["签约: :  功能膜项目 ", "signing", "签约", "功能膜项目"],
    ["签约\u3000功能膜项目", "signing", "签约", "功能膜项目"],
    ["签约功能膜项目", "signing", "签约", "功能膜项目"],
    ["到位资金 功能膜项目 3000万", "funds-arrived", "到位资金", "功能膜项目 3000万"],
    ["到位 功能膜项目 3000万", "funds-arrived", "到位", "功能膜项目 3000万"],
    ["status 城西", "status", "status", "城西"],
    ["STATUS 城西", "status", "status", "城西"],
    ["/Status", "status", "status", ""],
    ["Help 签约", "help", "help", "签约"],
    ["？", "help", "？", ""],
    ["撤销 #128", "revoke", "撤销", "#128"],
    // a form label with no report in it is a query for that name
    ["项目名称:功能膜", "project", "项目", "功能膜"],
    ["项目名 功能膜", "project", "项目", "功能膜"],
  ])("%j → %s (%s) with %j", (text, name, trigger, args) => {
    expect(routed(text)).toEqual({ name, trigger, args });
  });

  it("needs a word boundary after an ASCII trigger", () => {
    expect(routed("statuses")).toBeNull();
    expect(routed("helpdesk 城西")).toBeNull();
  });

  it("routes a whole-line confirmation however it is written", () => {
    for (const text of ["是", "好的。", "OK!", "ｏｋ"]) expect(routed(text)?.name).toBe("confirm");
  });

  it("leaves lines that start with no trigger", () => {
    expect(routed("【签约】年产5万吨再生铜项目")).toBeNull();
    expect(routed("今天去苏州见了两家企业")).toBeNull();
    expect(routed("")).toBeNull();
    // a form label before a report: the report, found by detection
    expect(routed("项目名称:年产5万吨再生铜项目 签约 总投资6亿元 新材料 省外")).toBeNull();
    expect(routed("项目名:冷链物流园项目 到位 3000万")).toBeNull();
  });
});
