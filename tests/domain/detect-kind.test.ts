import { describe, expect, it } from "vitest";
import { detectReportKind } from "../../src/domain/detect-kind.ts";
import { normalizeText } from "../../src/domain/normalize.ts";

const detect = (line: string) => detectReportKind(normalizeText(line));

describe("detectReportKind: the keyword after filler or brackets", () => {
  it.each([
    ["【签约】年产5万吨再生铜项目 总投资6亿元", "signing", "年产5万吨再生铜项目 总投资6亿元"],
    ["[开工] 饲料项目", "started", "饲料项目"],
    ["嗯 签约 功能膜项目 5亿", "signing", "功能膜项目 5亿"],
    ["那个，到位 功能膜项目 3000万", "fundsArrived", "功能膜项目 3000万"],
    ["@招商助手 走出去 赴上海拜访华谊集团", "visitOut", "赴上海拜访华谊集团"],
    ["【喜报】签约：年产10万吨功能膜项目 5.2亿元", "signing", "年产10万吨功能膜项目 5.2亿元"],
    ["嗯嗯那个请进来 宁波某集团一行来我镇考察", "visitIn", "宁波某集团一行来我镇考察"],
  ])("%s → %s", (line, kind, body) => {
    expect(detect(line)).toEqual({ kind, body, confident: true });
  });
});

// A keyword that is not first is recognised but never stored unasked (issue 10: "a keyword that is
// not first" is one of the readings the bot is not sure of).
describe("detectReportKind: the keyword inside the line", () => {
  it.each([
    ["光学膜项目到位资金2000万元", "fundsArrived", "光学膜项目 2000万元"],
    ["饲料项目今天正式开工🎉", "started", "饲料项目今天正式"],
    ["功能膜项目今天投产了", "producing", "功能膜项目今天"],
    ["年产10万吨功能膜项目已入库", "registered", "年产10万吨功能膜项目已"],
  ])("%s → %s, asked about", (line, kind, body) => {
    expect(detect(line)).toEqual({ kind, body, confident: false });
  });
});

describe("detectReportKind: a guess to ask about", () => {
  it.each([
    ["今天去苏州见了两家企业", "visitOut"],
    ["昨天接待了深圳客商", "visitIn"],
    ["宁波某集团董事长一行来城西考察纺织项目", "visitIn"],
    ["功能膜项目签约并开工", "started"],
    ["赴上海与华谊集团洽谈签约事宜", "visitOut"],
  ])("%s → %s, not confident", (line, kind) => {
    expect(detect(line)).toMatchObject({ kind, confident: false });
  });
});

describe("detectReportKind: nothing report-like", () => {
  it.each(["你好", "谢谢", "收到", "好的", "今天天气不错", "", "【通知】明天开会", "各项工作要落实到位"])(
    "%s → null",
    (line) => {
      expect(detect(line)).toBeNull();
    },
  );
});
