// Routes a normalised line to a command: the longest trigger the line starts with wins
// ("到位资金" before "到位"); the slash is optional ("/签约" = "签约").
import type { Command } from "./define.ts";

export interface CommandMatch {
  command: Command;
  trigger: string;
  args: string;
  /** Set when detectReportKind, not a command word, chose the command. */
  detected?: { confident: boolean };
}

interface Trigger {
  word: string;
  lower: string;
  ascii: boolean;
  command: Command;
}

/** Triggers longest first, built once per command list: routing runs on every message. */
const tables = new WeakMap<readonly Command[], Trigger[]>();

function triggerTable(commands: readonly Command[]): Trigger[] {
  let table = tables.get(commands);
  if (!table) {
    table = commands
      .flatMap((command) =>
        command.triggers.map((word) => ({ word, lower: word.toLowerCase(), ascii: /^[a-z]+$/i.test(word), command })),
      )
      .sort((a, b) => b.word.length - a.word.length);
    tables.set(commands, table);
  }
  return table;
}

const WORD_CHAR = /[a-z0-9_]/i;

export function matchCommand(text: string, commands: readonly Command[]): CommandMatch | null {
  for (const command of commands) {
    if (command.wholeLine?.(text)) return { command, trigger: text, args: "" };
  }
  const line = text.startsWith("/") ? text.slice(1) : text;
  const lower = line.toLowerCase();
  for (const trigger of triggerTable(commands)) {
    if (!lower.startsWith(trigger.lower)) continue;
    // ASCII triggers ("status") need a word boundary; Chinese ones may be glued to the text.
    if (trigger.ascii && WORD_CHAR.test(line.charAt(trigger.word.length))) continue;
    return {
      command: trigger.command,
      trigger: trigger.word,
      args: line
        .slice(trigger.word.length)
        .replace(/^[\s:]+/, "")
        .trim(),
    };
  }
  return null;
}
