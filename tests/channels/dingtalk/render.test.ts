import { describe, expect, it } from "vitest";
import {
  actionCardMessage,
  hardBreaks,
  markdownMessage,
  MAX_BODY_BYTES,
  renderPush,
  renderReply,
  textMessage,
  titleOf,
} from "../../../src/channels/dingtalk/render.ts";

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), "utf8");

describe("robot message bodies (§3.4)", () => {
  it("puts the @ text of every mention into the content, as the mention requires", () => {
    expect(textMessage("请补报本周数据", { atUserIds: ["u1"], atMobiles: ["13800000000"] })).toEqual({
      msgtype: "text",
      text: { content: "请补报本周数据\n\n@u1 @13800000000" },
      at: { atUserIds: ["u1"], atMobiles: ["13800000000"] },
    });
    expect(markdownMessage("周报", "### 本周签约\n- 某项目 5亿元 @u1", { atUserIds: ["u1"] })).toEqual({
      msgtype: "markdown",
      markdown: { title: "周报", text: "### 本周签约\n- 某项目 5亿元 @u1" },
      at: { atUserIds: ["u1"] },
    });
    expect(textMessage("全体注意", { isAtAll: true })).toEqual({
      msgtype: "text",
      text: { content: "全体注意" },
      at: { isAtAll: true },
    });
    expect(textMessage("无人提醒")).toEqual({ msgtype: "text", text: { content: "无人提醒" } });
  });

  it("builds single- and multi-button action cards", () => {
    expect(
      actionCardMessage(
        { title: "周报", text: "本周汇总", singleTitle: "查看", singleURL: "https://example.invalid/w" },
        { atUserIds: ["u2"] },
      ),
    ).toEqual({
      msgtype: "actionCard",
      actionCard: {
        title: "周报",
        text: "本周汇总\n\n@u2",
        singleTitle: "查看",
        singleURL: "https://example.invalid/w",
      },
      at: { atUserIds: ["u2"] },
    });
    expect(
      actionCardMessage({ title: "t", text: "x", btns: [{ title: "a", actionURL: "https://example.invalid/a" }] }),
    ).toEqual({
      msgtype: "actionCard",
      actionCard: { title: "t", text: "x", btns: [{ title: "a", actionURL: "https://example.invalid/a" }] },
    });
  });

  it("turns line ends between non-blank lines into markdown hard breaks", () => {
    expect(hardBreaks("第一行\n第二行\n\n### 标题\n- 项")).toBe("第一行  \n第二行\n\n### 标题  \n- 项");
  });
});

describe("renderReply", () => {
  it("answers as markdown with a title taken from the first line", () => {
    expect(renderReply({ kind: "text", text: "已登记签约 #12\n单位：城西镇" })).toEqual([
      { msgtype: "markdown", markdown: { title: "已登记签约 #12", text: "已登记签约 #12  \n单位：城西镇" } },
    ]);
    expect(renderReply({ kind: "markdown", title: "城西镇进度", markdown: "**签约** 3 个" })).toEqual([
      { msgtype: "markdown", markdown: { title: "城西镇进度", text: "**签约** 3 个" } },
    ]);
    expect(renderReply({ kind: "text", text: "请补报", mention: ["u1"] })[0]).toMatchObject({
      at: { atUserIds: ["u1"] },
    });
    expect(titleOf("这是一条很长很长很长很长很长很长很长很长很长很长的第一行")).toHaveLength(24);
  });
});

describe("renderPush", () => {
  it("sends a short message as one markdown body", () => {
    expect(renderPush({ title: "周报", markdown: "### 第11周\n签约 3 个", mention: ["u1", "u2"] })).toEqual([
      {
        msgtype: "markdown",
        markdown: { title: "周报", text: "### 第11周  \n签约 3 个\n\n@u1 @u2" },
        at: { atUserIds: ["u1", "u2"] },
      },
    ]);
  });

  it("splits a long digest under 20 000 bytes a body, losing nothing, mentions on the last piece", () => {
    const lines = Array.from(
      { length: 900 },
      (_, i) => `- 第${i}个单位 城西镇 签约 年产10万吨功能膜项目 5.2亿元 "新材料" \\ 省外`,
    );
    const markdown = `### 本周汇总\n${lines.join("\n")}`;
    const bodies = renderPush({ title: "周报", markdown, mention: ["u1"] });
    expect(bodies.length).toBeGreaterThan(2);
    for (const body of bodies) expect(bytes({ ...body, msgUuid: "1234567890" })).toBeLessThanOrEqual(MAX_BODY_BYTES);
    const texts = bodies.map((b) => (b.msgtype === "markdown" ? b.markdown.text : ""));
    expect(texts.join("\n").replaceAll("  \n", "\n")).toBe(`${markdown}\n\n@u1`);
    expect(bodies.map((b) => (b.msgtype === "markdown" ? b.markdown.title : ""))).toEqual(
      bodies.map((_, i) => `周报（${i + 1}/${bodies.length}）`),
    );
    expect(bodies.slice(0, -1).every((b) => !("at" in b))).toBe(true);
    expect(bodies.at(-1)).toMatchObject({ at: { atUserIds: ["u1"] } });
  });

  it("cuts a single line that alone is over the limit", () => {
    const bodies = renderPush({ title: "长", markdown: "招".repeat(10_000) });
    expect(bodies).toHaveLength(2);
    for (const body of bodies) expect(bytes(body)).toBeLessThanOrEqual(MAX_BODY_BYTES);
  });

  it("mentions more than 50 people in follow-up bodies of at most 50", () => {
    const ids = Array.from({ length: 120 }, (_, i) => `u${i}`);
    const bodies = renderPush({ title: "提醒", markdown: "请补报", mention: ids });
    expect(bodies.map((b) => b.at?.atUserIds?.length)).toEqual([50, 50, 20]);
    expect(bodies[2]).toMatchObject({
      markdown: {
        text: ids
          .slice(100)
          .map((id) => `@${id}`)
          .join(" "),
      },
    });
  });
});
