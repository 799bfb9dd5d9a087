// Files through the app robot (protocol notes §4.3, §4.2): upload with type=file, then a
// sampleFile message {mediaId, fileName, fileType} to a group or to one person's 1:1 chat with
// the robot. What DingTalk takes: at most 20 MB, of a type both the upload and sampleFile name.
import type { AppRobotClient, AppRobotResult } from "./app-robot-client.ts";

/** §4.3: media/upload takes files up to 20 MB. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** §4.3 and §4.2: the types the upload takes and sampleFile shows. */
const FILE_TYPES = new Set(["xlsx", "docx", "doc", "pdf", "zip", "rar"]);

/** Where a file goes: a group (its openConversationId) or a person's 1:1 chat with the robot. */
export type FileTarget = { kind: "group"; openConversationId: string } | { kind: "user"; userId: string };

export function fileTypeOf(filename: string): string {
  const dot = filename.lastIndexOf(".");
  return dot < 0 ? "" : filename.slice(dot + 1).toLowerCase();
}

/** Why DingTalk cannot carry this file (a sentence for the chat), or null when it can. */
export function fileProblem(filename: string, size: number): string | null {
  if (size > MAX_FILE_BYTES)
    return `文件「${filename}」有 ${(size / 1024 / 1024).toFixed(1)} MB，超过钉钉文件消息 20 MB 的上限，未能发送。`;
  if (size === 0) return `文件「${filename}」是空的，未能发送。`;
  if (!FILE_TYPES.has(fileTypeOf(filename)))
    return `钉钉文件消息只收 xlsx、docx、doc、pdf、zip、rar 文件，「${filename}」未能发送。`;
  return null;
}

/** Uploads the file and sends it as sampleFile; the first failure is the result. */
export async function sendFile(
  client: AppRobotClient,
  target: FileTarget,
  filename: string,
  bytes: Buffer,
): Promise<AppRobotResult> {
  const uploaded = await client.uploadFile(bytes, filename);
  if (!uploaded.ok) return uploaded;
  const param = { mediaId: uploaded.mediaId, fileName: filename, fileType: fileTypeOf(filename) };
  return target.kind === "group"
    ? client.send(target.openConversationId, "sampleFile", param)
    : client.sendToUser(target.userId, "sampleFile", param);
}
