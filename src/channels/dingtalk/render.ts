// DingTalk robot message bodies (protocol §3.4), shared by session-webhook replies and
// custom-robot pushes, and the rendering of Reply / PushMessage into them within the limits.
import type { PushMessage } from "../../push/push.ts";
import type { Reply } from "../../bot/types.ts";
import { inertMarkdown, withoutBidi } from "../shared/inert-markup.ts";

/** §3.5: bodies over 20 000 bytes are refused (errcode 460101). */
export const MAX_BODY_BYTES = 20_000;
/** Room left for the msgUuid the webhook transport adds (a 36-character UUID). */
const RESERVED_BYTES = 100;
/** §3.4: at most 50 atUserIds per message. */
export const MAX_AT_USER_IDS = 50;
const TITLE_CHARS = 24;

export interface At {
  atUserIds?: string[];
  atMobiles?: string[];
  isAtAll?: boolean;
}

export type RobotMessage =
  | { msgtype: "text"; text: { content: string }; at?: At }
  | { msgtype: "markdown"; markdown: { title: string; text: string }; at?: At }
  | {
      msgtype: "actionCard";
      actionCard:
        | { title: string; text: string; singleTitle: string; singleURL: string; btnOrientation?: "0" | "1" }
        | {
            title: string;
            text: string;
            btns: Array<{ title: string; actionURL: string }>;
            btnOrientation?: "0" | "1";
          };
      at?: At;
    };

export type ActionCard = Extract<RobotMessage, { msgtype: "actionCard" }>["actionCard"];

/**
 * §3.4: a mention only shows when the text also contains "@<userId>" / "@<mobile>"; the
 * missing ones are added on a last line.
 */
export function withMentionText(text: string, at: At | undefined): string {
  const tokens = [...(at?.atUserIds ?? []), ...(at?.atMobiles ?? [])]
    .map((id) => `@${id}`)
    .filter((t) => !text.includes(t));
  if (tokens.length === 0) return text;
  return text ? `${text}\n\n${tokens.join(" ")}` : tokens.join(" ");
}

const atField = (at: At | undefined) =>
  at && (at.atUserIds?.length || at.atMobiles?.length || at.isAtAll) ? { at } : {};

export function textMessage(content: string, at?: At): RobotMessage {
  return { msgtype: "text", text: { content: withMentionText(content, at) }, ...atField(at) };
}

export function markdownMessage(title: string, text: string, at?: At): RobotMessage {
  return { msgtype: "markdown", markdown: { title, text: withMentionText(text, at) }, ...atField(at) };
}

export function actionCardMessage(card: ActionCard, at?: At): RobotMessage {
  return { msgtype: "actionCard", actionCard: { ...card, text: withMentionText(card.text, at) }, ...atField(at) };
}

/**
 * Markdown hard line breaks: two spaces before "\n" between non-blank lines. The FAQ (§3.4)
 * advises two spaces on each side of "\n"; the leading pair is left out because it would
 * indent headings, quotes and lists.
 */
export function hardBreaks(markdown: string): string {
  const lines = markdown.split("\n");
  return lines
    .map((line, i) => {
      const next = lines[i + 1];
      return next !== undefined && line.trim() && next.trim() && !line.endsWith("  ") ? `${line}  ` : line;
    })
    .join("\n");
}

/** The chat-list title for a plain-text reply: its first line, shortened. */
export function titleOf(text: string): string {
  const first =
    text
      .split("\n")
      .find((l) => l.trim())
      ?.trim() ?? "招商助手";
  const chars = [...first];
  return chars.length > TITLE_CHARS ? `${chars.slice(0, TITLE_CHARS - 1).join("")}…` : first;
}

/** A reply to one message, as markdown with a title (session webhooks). */
export function renderReply(reply: Reply): RobotMessage[] {
  if (reply.kind === "markdown") return renderMarkdown(reply.title, reply.markdown, []);
  // A session webhook cannot carry a file: the reply says how to get it (the app robot sends
  // the file itself where it can, file-replies.ts).
  if (reply.kind === "file") return renderMarkdown(titleOf(reply.fallback), reply.fallback, []);
  return renderMarkdown(titleOf(reply.text), reply.text, reply.mention ?? []);
}

/** A push: markdown pieces under the body limit; the mentions go with the last piece. */
export function renderPush(message: PushMessage): RobotMessage[] {
  // Attachments are push-transport.ts's: only the app robot can send images and files (§3.4, §4).
  return renderMarkdown(message.title, message.markdown, message.mention ?? []);
}

function renderMarkdown(rawTitle: string, rawMarkdown: string, mention: readonly string[]): RobotMessage[] {
  // User text is inside: only the template's markup may act (see shared/inert-markup.ts); the
  // mentions are added after, from the message's own list.
  const title = withoutBidi(rawTitle);
  const markdown = inertMarkdown(rawMarkdown);
  const groups: string[][] = [];
  for (let i = 0; i < mention.length; i += MAX_AT_USER_IDS) groups.push(mention.slice(i, i + MAX_AT_USER_IDS));
  const [firstGroup, ...moreGroups] = groups;
  const at: At | undefined = firstGroup ? { atUserIds: firstGroup } : undefined;
  const text = withMentionText(markdown, at);
  const overhead = jsonBytes(markdownMessage(`${title}（99/99）`, "", at)) + RESERVED_BYTES;
  const budget = MAX_BODY_BYTES - overhead;
  // Nearly every reply and push fits: one stringify instead of a line-by-line count.
  const pieces = jsonBytes(text) + 2 * lineCount(text) <= budget ? [text] : splitLines(text, budget);
  const bodies = pieces.map((piece, i) => {
    const pieceTitle = pieces.length > 1 ? `${title}（${i + 1}/${pieces.length}）` : title;
    const last = i === pieces.length - 1;
    return markdownMessage(pieceTitle, hardBreaks(piece), last ? at : undefined);
  });
  // More than 50 people: the rest are @-mentioned in follow-up messages of their own.
  for (const group of moreGroups) bodies.push(markdownMessage(title, "", { atUserIds: group }));
  return bodies;
}

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), "utf8");

function lineCount(text: string): number {
  let lines = 1;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
  return lines;
}

/**
 * Splits text at line ends so that each piece's JSON-escaped size (after hardBreaks adds two
 * spaces per line) stays within `budget` bytes; a single overlong line is cut by characters.
 */
export function splitLines(text: string, budget: number): string[] {
  const pieces: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of text.split("\n")) {
    for (const part of cutLine(line, budget - 4)) {
      const cost = jsonBytes(part) - 2 + 4; // without the quotes; plus "  " and the escaped "\n"
      if (size + cost > budget && current.length > 0) {
        pieces.push(current.join("\n"));
        current = [];
        size = 0;
      }
      current.push(part);
      size += cost;
    }
  }
  if (current.length > 0 || pieces.length === 0) pieces.push(current.join("\n"));
  return pieces;
}

function cutLine(line: string, budget: number): string[] {
  if (jsonBytes(line) - 2 <= budget) return [line];
  const parts: string[] = [];
  let part = "";
  let size = 0;
  for (const ch of line) {
    const cost = jsonBytes(ch) - 2;
    if (size + cost > budget) {
      parts.push(part);
      part = "";
      size = 0;
    }
    part += ch;
    size += cost;
  }
  parts.push(part);
  return parts;
}
