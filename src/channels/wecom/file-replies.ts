// File replies over the long connection: the intelligent robot uploads the file (aibot upload
// media, protocol notes §long connection) and sends it to the chat as a file message; the stream
// answer then says it was sent. When the upload or send fails, the answer carries the reply's
// fallback text (how to get the file) instead, so the person always gets an answer.
import type { FileReply, Reply } from "../../bot/types.ts";
import type { WecomPushBody } from "./render.ts";

export async function deliverFileReplies(
  replies: readonly Reply[],
  sendFile: (body: WecomPushBody) => Promise<void>,
  onError: (error: unknown, file: FileReply) => void,
): Promise<Reply[]> {
  const shown: Reply[] = [];
  for (const reply of replies) {
    if (reply.kind !== "file") {
      shown.push(reply);
      continue;
    }
    try {
      await sendFile({
        msgtype: "file_upload",
        file_upload: { filename: reply.filename, base64: reply.contentBase64 },
      });
      shown.push({ kind: "text", text: `已发送文件「${reply.filename}」。` });
    } catch (error) {
      onError(error, reply);
      shown.push({ kind: "text", text: reply.fallback });
    }
  }
  return shown;
}
