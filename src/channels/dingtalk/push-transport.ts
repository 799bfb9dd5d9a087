// DingTalk's outbound half: one transport for both kinds of group robot. A destination listed
// in DINGTALK_APP_GROUPS goes through the enterprise app robot (markdown, images and files); one
// in DINGTALK_WEBHOOKS through its custom robot (markdown; images cannot go that way, so a link to
// the dashboard is sent instead when the message has one, and files are left out, logged once
// per destination). Bodies are rendered once for both and each delivery uses the pieces its
// robot can send.
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { DeliveryOutcome, PushMessage, PushTransport } from "../../push/push.ts";
import type { AppRobotClient } from "./app-robot-client.ts";
import { fileProblem, sendFile } from "./file-message.ts";
import { markdownMessage, renderPush } from "./render.ts";
import type { WebhookBody } from "./webhook-client.ts";

/** §4.2 throttling; the same 10-minute wait as the webhooks'. */
const RATE_LIMITED_RETRY_MS = 10 * 60_000;
const REFUSED_RETRY_MS = 60 * 60_000;

/** What the outbox stores: robot messages, images and files for the app robot, link notes for webhooks. */
export type DingtalkPushBody =
  | WebhookBody
  | { msgtype: "image_upload"; image_upload: { filename: string; base64: string } }
  | { msgtype: "file_upload"; file_upload: { filename: string; base64: string } }
  | { msgtype: "link_note"; link_note: WebhookBody };

export interface DingtalkPushDeps {
  /** The custom-robot transport (webhook-transport.ts), when webhooks are configured. */
  webhooks: PushTransport | null;
  /** Destination → openConversationId, with the client, when the app robot pushes. */
  app: { groups: ReadonlyMap<string, string>; client: AppRobotClient } | null;
  log: Logger;
}

export function renderDingtalkPush(message: PushMessage): DingtalkPushBody[] {
  const bodies: DingtalkPushBody[] = renderPush(message).map((body) => ({ ...body, msgUuid: randomUUID() }));
  const images = (message.attachments ?? []).filter((a) => a.kind === "image");
  for (const image of images)
    bodies.push({ msgtype: "image_upload", image_upload: { filename: image.filename, base64: image.contentBase64 } });
  for (const file of (message.attachments ?? []).filter((a) => a.kind === "file")) {
    // A file DingTalk can never take would be retried forever by the outbox: say so instead.
    const problem = fileProblem(file.filename, Buffer.byteLength(file.contentBase64, "base64"));
    bodies.push(
      problem
        ? { ...markdownMessage(titleOfFile(file.filename), problem), msgUuid: randomUUID() }
        : { msgtype: "file_upload", file_upload: { filename: file.filename, base64: file.contentBase64 } },
    );
  }
  if (images.length > 0 && message.link) {
    const note = markdownMessage(
      message.link.title,
      `📊 图表请在看板查看：[${message.link.title}](${message.link.url})`,
    );
    bodies.push({ msgtype: "link_note", link_note: { ...note, msgUuid: randomUUID() } });
  }
  return bodies;
}

export function createDingtalkPushTransport(deps: DingtalkPushDeps): PushTransport {
  const { log } = deps;
  const groups = deps.app?.groups ?? new Map<string, string>();
  const toldNoFiles = new Set<string>();

  function outcome(
    result: { ok: true } | { ok: false; kind: string; reason: string },
    destination: string,
  ): DeliveryOutcome {
    if (result.ok) return { ok: true };
    if (result.kind === "rate-limited") return { ok: false, reason: result.reason, retryInMs: RATE_LIMITED_RETRY_MS };
    if (result.kind === "retryable") return { ok: false, reason: result.reason };
    log.error({ destination, reason: result.reason }, "DingTalk app robot refused a push; kept and retried hourly");
    return { ok: false, reason: result.reason, retryInMs: REFUSED_RETRY_MS };
  }

  async function toApp(
    destination: string,
    cid: string,
    client: AppRobotClient,
    body: DingtalkPushBody,
  ): Promise<DeliveryOutcome> {
    if (body.msgtype === "link_note") return { ok: true }; // the images themselves go out
    if (body.msgtype === "file_upload") {
      const { filename, base64 } = body.file_upload;
      const target = { kind: "group", openConversationId: cid } as const;
      return outcome(await sendFile(client, target, filename, Buffer.from(base64, "base64")), destination);
    }
    if (body.msgtype === "image_upload") {
      const uploaded = await client.uploadImage(
        Buffer.from(body.image_upload.base64, "base64"),
        body.image_upload.filename,
      );
      if (!uploaded.ok) return outcome(uploaded, destination);
      // sampleImageMsg's photoURL takes a URL or the media_id of an upload.
      return outcome(await client.send(cid, "sampleImageMsg", { photoURL: uploaded.mediaId }), destination);
    }
    if (body.msgtype === "markdown")
      return outcome(
        await client.send(cid, "sampleMarkdown", { title: body.markdown.title, text: body.markdown.text }),
        destination,
      );
    if (body.msgtype === "text")
      return outcome(
        await client.send(cid, "sampleMarkdown", { title: body.text.content.slice(0, 24), text: body.text.content }),
        destination,
      );
    return outcome(
      await client.send(cid, "sampleMarkdown", { title: body.actionCard.title, text: body.actionCard.text }),
      destination,
    );
  }

  return {
    channel: "dingtalk",
    hasDestination: (destination) => groups.has(destination) || (deps.webhooks?.hasDestination(destination) ?? false),
    render: (message) => renderDingtalkPush(message),
    async deliver(destination, raw, job) {
      const body = raw as DingtalkPushBody;
      const cid = groups.get(destination);
      if (cid && deps.app) return toApp(destination, cid, deps.app.client, body);
      if (!deps.webhooks)
        return { ok: false, reason: `no DingTalk robot for destination ${destination}`, retryInMs: REFUSED_RETRY_MS };
      if (body.msgtype === "image_upload") return { ok: true }; // custom robots take no images (§3.4): the link note follows
      if (body.msgtype === "file_upload") {
        if (!toldNoFiles.has(destination)) {
          toldNoFiles.add(destination);
          log.info(
            { destination },
            "custom robots cannot send files (§3.4): attachments to this destination are left out, the text goes; list it in DINGTALK_APP_GROUPS to send them",
          );
        }
        return { ok: true };
      }
      return deps.webhooks.deliver(destination, body.msgtype === "link_note" ? body.link_note : body, job);
    },
  };
}

/** The chat-list title of a note about a file. */
const titleOfFile = (filename: string) => `附件「${[...filename].slice(0, 16).join("")}」`;
