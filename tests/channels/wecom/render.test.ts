import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  cutUtf8,
  renderPush,
  replyMarkdown,
  REPLY_MAX_BYTES,
  shortenToBytes,
  splitByLines,
  utf8Length,
  WEBHOOK_MARKDOWN_MAX_BYTES,
} from "../../../src/channels/wecom/render.ts";

const PNG = Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.alloc(64, 7)]);

describe("byte limits", () => {
  it("cuts on character boundaries, never inside a 3-byte character or a 4-byte emoji", () => {
    expect(cutUtf8("招商引资", 7)).toBe("招商");
    expect(cutUtf8("a🚀b", 4)).toBe("a");
    expect(cutUtf8("abc", 10)).toBe("abc");
  });

  it("shortens a long reply to 20,480 bytes at a line break, with a note of what is left out", () => {
    const lines = Array.from({ length: 800 }, (_, i) => `第${i + 1}行：城西镇 走出去 12次 请进来 3批`);
    const text = lines.join("\n");
    expect(utf8Length(text)).toBeGreaterThan(REPLY_MAX_BYTES);
    const short = shortenToBytes(text, REPLY_MAX_BYTES);
    expect(utf8Length(short)).toBeLessThanOrEqual(REPLY_MAX_BYTES);
    const [head, note] = short.split("\n\n……");
    expect(lines).toContain(head!.split("\n").at(-1)); // ends with a whole line
    expect(note).toMatch(/^（内容过长，后面还有 \d+ 字未显示。请缩小查询范围，或请管理员导出完整数据。）$/);
    const left = Number(/还有 (\d+) 字/.exec(note!)![1]);
    expect(left).toBe([...text.slice(head!.length)].length);
  });

  it("shortens a reply without line breaks inside a character boundary", () => {
    const short = shortenToBytes("签".repeat(10_000), 2048);
    expect(utf8Length(short)).toBeLessThanOrEqual(2048);
    expect(short.startsWith("签".repeat(600))).toBe(true);
  });

  it("leaves text within the limit alone", () => {
    expect(shortenToBytes("已登记 #1", 20)).toBe("已登记 #1");
  });

  it("splits markdown at line boundaries into pieces of at most 4,096 bytes, in order", () => {
    const lines = Array.from({ length: 300 }, (_, i) => `> ${i + 1}. 晋熙镇：到位资金 3000万元，完成率 45.2%`);
    const pieces = splitByLines(lines.join("\n"), WEBHOOK_MARKDOWN_MAX_BYTES);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(utf8Length(piece)).toBeLessThanOrEqual(WEBHOOK_MARKDOWN_MAX_BYTES);
    expect(pieces.join("\n")).toBe(lines.join("\n"));
  });

  it("cuts a single line longer than the limit", () => {
    const pieces = splitByLines(`开头\n${"长".repeat(3000)}\n结尾`, WEBHOOK_MARKDOWN_MAX_BYTES);
    for (const piece of pieces) expect(utf8Length(piece)).toBeLessThanOrEqual(WEBHOOK_MARKDOWN_MAX_BYTES);
    expect(pieces.join("").replaceAll("\n", "")).toBe(`开头${"长".repeat(3000)}结尾`);
  });
});

describe("replyMarkdown", () => {
  it("joins a message's replies into one content, markdown replies under their bold title", () => {
    expect(
      replyMarkdown([
        { kind: "text", text: "已登记 #1" },
        { kind: "markdown", title: "本周进度", markdown: "> 城西镇 3 次" },
      ]),
    ).toBe("已登记 #1\n\n**本周进度**\n> 城西镇 3 次");
  });
});

describe("renderPush", () => {
  it("renders a digest as markdown with <@userid> mentions", () => {
    expect(
      renderPush({ title: "本周周报", markdown: "**走出去** 49 次", mention: ["chengxi_zhang", "jinxi_li"] }),
    ).toEqual([
      { msgtype: "markdown", markdown: { content: "**本周周报**\n**走出去** 49 次\n<@chengxi_zhang> <@jinxi_li>" } },
    ]);
  });

  it("splits a long digest into markdown pieces and sends @all as text.mentioned_list (§6.3)", () => {
    const markdown = Array.from({ length: 400 }, (_, i) => `单位${i}：完成率 ${i}%`).join("\n");
    const bodies = renderPush({ title: "落后单位提醒", markdown, mention: ["@all"] });
    const last = bodies.at(-1)!;
    expect(last).toEqual({ msgtype: "text", text: { content: "落后单位提醒", mentioned_list: ["@all"] } });
    const pieces = bodies.slice(0, -1);
    expect(pieces.length).toBeGreaterThan(1);
    for (const b of pieces) {
      expect(b.msgtype).toBe("markdown");
      if (b.msgtype === "markdown") expect(utf8Length(b.markdown.content)).toBeLessThanOrEqual(4096);
    }
  });

  it("renders attachments: a PNG as image (base64 + md5), anything else as a file to upload, impossible sizes as a note", () => {
    const bodies = renderPush({
      title: "周报",
      markdown: "见附件",
      attachments: [
        { kind: "image", filename: "chart.png", contentBase64: PNG.toString("base64") },
        { kind: "file", filename: "周报.xlsx", contentBase64: Buffer.from("excel bytes").toString("base64") },
        { kind: "image", filename: "not-an-image.png", contentBase64: Buffer.from("GIF89a....").toString("base64") },
        { kind: "file", filename: "tiny.txt", contentBase64: Buffer.from("hi").toString("base64") },
      ],
    });
    expect(bodies.map((b) => b.msgtype)).toEqual(["markdown", "image", "file_upload", "file_upload", "markdown"]);
    expect(bodies[1]).toEqual({
      msgtype: "image",
      image: { base64: PNG.toString("base64"), md5: createHash("md5").update(PNG).digest("hex") },
    });
    expect(bodies[2]).toEqual({
      msgtype: "file_upload",
      file_upload: { filename: "周报.xlsx", base64: Buffer.from("excel bytes").toString("base64") },
    });
    expect(bodies[4]).toMatchObject({ markdown: { content: expect.stringContaining("tiny.txt") } });
  });
});
