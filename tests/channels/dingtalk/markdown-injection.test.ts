// Issue 16, point 3 for DingTalk: user text inside the bot's markdown cannot become a link, an
// HTML tag, a heading, an @-mention or a bidi override; mentions come only from the bot's lists.
import { describe, expect, it } from "vitest";
import { renderPush, renderReply } from "../../../src/channels/dingtalk/render.ts";

const HOSTILE = [
  "[点此领取补贴](http://evil.example/phish)项目",
  "@admin1 关注项目",
  "@13800138000 看这里",
  "@所有人 开会",
  '<font color="#FF0000">红字</font>',
  "\u202e目项\u2066x\u2069",
].join("\n");

function assertInert(text: string) {
  expect(text).not.toMatch(/\]\(/);
  expect(text).not.toContain("<");
  expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  expect(text).not.toMatch(/^#{1,6}\s/m);
  expect(text).not.toMatch(/@(admin1|13800138000|所有人)/);
}

describe("DingTalk renderer and user text", () => {
  it("keeps a push's markup inert and mentions only its member list", () => {
    const [body, ...rest] = renderPush({
      title: "周报\u202e",
      markdown: `## 周报\n· ${HOSTILE}\n# 假标题`,
      mention: ["u7"],
    });
    expect(rest).toEqual([]);
    if (body?.msgtype !== "markdown") throw new Error("expected markdown");
    expect(body.at).toEqual({ atUserIds: ["u7"] });
    const lines = body.markdown.text.split("\n");
    expect(lines.at(-1)).toBe("@u7");
    assertInert(lines.slice(1, -1).join("\n"));
    expect(body.markdown.title).toBe("周报");
    expect(body.markdown.text).toContain("点此领取补贴");
  });

  it("keeps a reply inert", () => {
    for (const body of renderReply({ kind: "text", text: `已登记：${HOSTILE}` })) {
      if (body.msgtype !== "markdown") throw new Error("expected markdown");
      assertInert(body.markdown.text);
      expect(body.at).toBeUndefined();
    }
  });
});
