// Replies and pushes → WeCom bodies, within WeCom's limits. Every limit is in UTF-8 bytes
// (a Chinese character is 3), never in characters.
import { createHash } from "node:crypto";
import type { PushMessage } from "../../push/push.ts";
import type { Reply } from "../../bot/types.ts";
import { inertMarkdown, withoutBidi } from "../shared/inert-markup.ts";

/** response_url and stream content (§1.6, §1.7). */
export const REPLY_MAX_BYTES = 20_480;
/** Webhook markdown (§6.2); longer is split at line boundaries. */
export const WEBHOOK_MARKDOWN_MAX_BYTES = 4_096;
/** Webhook text and app passive-reply Content (§6.2, §2.5: longer is truncated by WeCom). */
export const TEXT_MAX_BYTES = 2_048;
/** Webhook image: JPG/PNG up to 2 MB before base64 (§6.2); anything else goes as a file. */
export const WEBHOOK_IMAGE_MAX_BYTES = 2 * 1024 * 1024;
/** Webhook file upload: 5 B – 20 MB (§6.5). */
export const WEBHOOK_FILE_BYTES = { min: 5, max: 20 * 1024 * 1024 } as const;

/** What the push transport queues: webhook bodies, plus files still to be uploaded. */
export type WecomPushBody =
  | { msgtype: "markdown"; markdown: { content: string } }
  | { msgtype: "text"; text: { content: string; mentioned_list?: string[]; mentioned_mobile_list?: string[] } }
  | { msgtype: "image"; image: { base64: string; md5: string } }
  /** Uploaded at delivery (upload_media), then sent as {msgtype:"file", file:{media_id}}. */
  | { msgtype: "file_upload"; file_upload: { filename: string; base64: string } };

export const utf8Length = (text: string) => Buffer.byteLength(text, "utf8");

/** The longest prefix of `text` within maxBytes that does not cut a character. */
export function cutUtf8(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= maxBytes) return text;
  let end = Math.max(0, maxBytes);
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--; // never split a multi-byte sequence
  return bytes.subarray(0, end).toString("utf8");
}

/** Fits text into maxBytes, ending at a line break where one is near, with a note of what is left out. */
export function shortenToBytes(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  const note = (left: number) =>
    `\n\n……（内容过长，后面还有 ${left} 字未显示。请缩小查询范围，或请管理员导出完整数据。）`;
  const room = maxBytes - utf8Length(note(text.length));
  let head = cutUtf8(text, room);
  const line = head.lastIndexOf("\n");
  if (line > head.length / 2) head = head.slice(0, line);
  return head.trimEnd() + note([...text.slice(head.length)].length);
}

/** Splits text into pieces of at most maxBytes, at line boundaries where a line fits. */
export function splitByLines(text: string, maxBytes: number): string[] {
  const pieces: string[] = [];
  let current = "";
  const push = () => {
    if (current.trim()) pieces.push(current);
    current = "";
  };
  for (let line of text.split("\n")) {
    while (utf8Length(line) > maxBytes) {
      push();
      const head = cutUtf8(line, maxBytes);
      pieces.push(head);
      line = line.slice(head.length);
    }
    const joined = current ? `${current}\n${line}` : line;
    if (utf8Length(joined) > maxBytes) {
      push();
      current = line;
    } else {
      current = joined;
    }
  }
  push();
  return pieces;
}

/** One reply as plain text (app chat, which does not render markdown). */
export function replyPlain(reply: Reply): string {
  if (reply.kind === "file") return withoutBidi(reply.fallback); // files go through the long connection only
  return withoutBidi(reply.kind === "text" ? reply.text : `${reply.title}\n${reply.markdown}`);
}

/** All replies to one message as one markdown content (response_url, stream), within 20,480 bytes. */
export function replyMarkdown(replies: readonly Reply[]): string {
  // User text is inside: only the template's markup may act (see shared/inert-markup.ts).
  const parts = replies.map((r) =>
    inertMarkdown(r.kind === "text" ? r.text : r.kind === "file" ? r.fallback : withTitle(r.title, r.markdown)),
  );
  return shortenToBytes(parts.join("\n\n"), REPLY_MAX_BYTES);
}

/** A push → webhook bodies in sending order: markdown pieces, an @all text, then attachments. */
export function renderPush(message: PushMessage): WecomPushBody[] {
  const mentions = message.mention ?? [];
  const users = mentions.filter((m) => m !== "@all");
  // §6.3: <@userid> inside markdown notifies the person; @all only works through text.mentioned_list.
  const mentionLine = users.map((id) => `<@${id}>`).join(" ");
  // User text is inside: only the template's markup may act; mentions are added after, from the list.
  const content = inertMarkdown(withTitle(message.title, message.markdown)) + (mentionLine ? `\n${mentionLine}` : "");
  const bodies: WecomPushBody[] = splitByLines(content, WEBHOOK_MARKDOWN_MAX_BYTES).map((piece) => ({
    msgtype: "markdown",
    markdown: { content: piece },
  }));
  if (mentions.includes("@all")) {
    bodies.push({
      msgtype: "text",
      text: { content: cutUtf8(withoutBidi(message.title), TEXT_MAX_BYTES), mentioned_list: ["@all"] },
    });
  }
  for (const attachment of message.attachments ?? []) {
    const bytes = Buffer.from(attachment.contentBase64, "base64");
    if (attachment.kind === "image" && isJpegOrPng(bytes) && bytes.length <= WEBHOOK_IMAGE_MAX_BYTES) {
      bodies.push({
        msgtype: "image",
        image: { base64: attachment.contentBase64, md5: createHash("md5").update(bytes).digest("hex") },
      });
    } else if (bytes.length >= WEBHOOK_FILE_BYTES.min && bytes.length <= WEBHOOK_FILE_BYTES.max) {
      bodies.push({
        msgtype: "file_upload",
        file_upload: { filename: attachment.filename, base64: attachment.contentBase64 },
      });
    } else {
      // A body WeCom can never accept would be retried forever by the outbox: say so instead.
      bodies.push({
        msgtype: "markdown",
        markdown: {
          content: cutUtf8(
            `附件「${attachment.filename}」大小为 ${bytes.length} 字节，超出企业微信允许的 5 字节至 20 MB，未能发送。`,
            WEBHOOK_MARKDOWN_MAX_BYTES,
          ),
        },
      });
    }
  }
  return bodies;
}

function withTitle(title: string, markdown: string): string {
  const head = markdown.trimStart().replace(/^#{1,6} /, "");
  if (!title || head.startsWith(title) || head.startsWith(`**${title}`)) return markdown;
  return `**${title}**\n${markdown}`;
}

function isJpegOrPng(bytes: Buffer): boolean {
  const png = bytes.length > 8 && bytes.readUInt32BE(0) === 0x89504e47;
  const jpeg = bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  return png || jpeg;
}
