// The terminal channel: one line in, its answers out. Interactive with a prompt on a TTY,
// or lines piped on stdin; --json prints exactly one JSON object per input line.
// stdout carries only answers; logs go to stderr.
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline";
import type { Dispatch } from "../../bot/dispatcher.ts";
import { apologyFor } from "../shared/apology.ts";
import { replyText, type IncomingMessage, type Reply } from "../../bot/types.ts";
import { toExportRow } from "../../domain/export-row.ts";

export interface ConsoleOptions {
  user: string;
  name?: string;
  json: boolean;
  now: () => Date;
  /** Unit names for the export shape of a stored record. */
  unitName: (unitId: string) => Promise<string>;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  interactive: boolean;
}

/** Markdown replies carry their title as their first heading already. */
export function renderPlain(reply: Reply): string {
  return replyText(reply);
}

export async function runConsole(dispatch: Dispatch, options: ConsoleOptions): Promise<void> {
  const lines = createInterface({ input: options.input, terminal: false });
  const run = randomBytes(3).toString("hex");
  const write = (text: string) => options.output.write(`${text}\n`);
  const prompt = () => options.interactive && options.output.write("> ");
  let n = 0;
  if (options.interactive) write("招商引资工作助手（终端）。输入「帮助」查看命令，Ctrl-D 退出。");
  prompt();
  for await (const line of lines) {
    if (!line.trim()) {
      if (options.json) write(JSON.stringify({ ok: false, reply: "", record: null }));
      prompt();
      continue;
    }
    n += 1;
    const message: IncomingMessage = {
      id: `console-${run}-${n}`,
      conversation: { channel: "console", id: `console:${options.user}`, kind: "group" },
      sender: { id: options.user, ...(options.name ? { name: options.name } : {}) },
      text: line,
      sentAt: options.now(),
    };
    const printed: string[] = [];
    let ok = false;
    let record = null;
    try {
      const result = await dispatch(message, async (reply) => {
        printed.push(renderPlain(reply));
        if (!options.json) write(renderPlain(reply));
      });
      ok = result.ok;
      record = result.record ? toExportRow(result.record, await options.unitName(result.record.unitId)) : null;
    } catch (error) {
      const text = apologyFor(error);
      printed.push(text);
      if (!options.json) write(text);
    }
    if (options.json) write(JSON.stringify({ ok, reply: printed.join("\n\n"), record }));
    else if (options.interactive) write("");
    prompt();
  }
}
