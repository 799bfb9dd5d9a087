// Issue 16, point 3: what members type (project names, visitors, counterparts) reaches group
// pushes and replies inside the bot's markdown. WeCom's renderer neutralises links, HTML and
// <font> tags, <@userid> mentions, headings and bidi overrides; mentions come only from the
// push's own member list.
import { describe, expect, it } from "vitest";
import { renderPush, replyMarkdown, replyPlain } from "../../../src/channels/wecom/render.ts";

const HOSTILE = [
  "[点此领取补贴](http://evil.example/phish)项目",
  "<@admin1>关注项目",
  "<@all>紧急",
  "@所有人 开会",
  '<font color="warning">红字</font>',
  '<a href="http://evil.example">x</a>',
  "![img](http://evil.example/a.png)",
  "\u202e目项\u2066x\u2069",
].join("\n");

function assertInert(content: string) {
  expect(content).not.toMatch(/\]\(/); // no [text](url) nor ![](img)
  expect(content).not.toContain("<"); // no HTML, <font>, <@userid>
  expect(content).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  expect(content).not.toMatch(/^#{1,6}\s/m);
  expect(content).not.toContain("@所有人");
}

describe("WeCom renderer and user text", () => {
  it("keeps a push's markup inert and mentions only its member list", () => {
    const markdown = `## 周报\n· ${HOSTILE}（城西镇）\n# 假标题\n正常的 **粗体**`;
    const bodies = renderPush({ title: "周报", markdown, mention: ["u7"] });
    const content = bodies.map((b) => (b.msgtype === "markdown" ? b.markdown.content : "")).join("\n");
    const mentionLine = content.split("\n").at(-1)!;
    expect(mentionLine).toBe("<@u7>");
    assertInert(content.split("\n").slice(1, -1).join("\n"));
    // The text stays readable: the characters are there, only their markup meaning is gone.
    expect(content).toContain("点此领取补贴");
    expect(content).toContain("**粗体**");
    expect(content.startsWith("## 周报")).toBe(true);
    expect(bodies.some((b) => b.msgtype === "text")).toBe(false);
  });

  it("keeps replies inert, as markdown (response_url) and as plain text (app)", () => {
    assertInert(
      replyMarkdown([
        { kind: "text", text: `已登记：${HOSTILE}` },
        { kind: "markdown", title: "查询", markdown: `· ${HOSTILE}` },
      ]),
    );
    expect(replyPlain({ kind: "text", text: `已登记：${HOSTILE}` })).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });
});
