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

/**
 * Triggers longest first, grouped by their first character, and the commands that match a whole
 * line: built once per command list, since routing runs on every message.
 */
interface Table {
  byFirst: Map<string, Trigger[]>;
  wholeLine: Command[];
}
const tables = new WeakMap<readonly Command[], Table>();

function tableOf(commands: readonly Command[]): Table {
  let table = tables.get(commands);
  if (!table) {
    const sorted = commands
      .flatMap((command) =>
        command.triggers.map((word) => ({ word, lower: word.toLowerCase(), ascii: /^[a-z]+$/i.test(word), command })),
      )
      .sort((a, b) => b.word.length - a.word.length);
    const byFirst = new Map<string, Trigger[]>();
    for (const trigger of sorted) {
      const first = trigger.lower.charAt(0);
      byFirst.set(first, [...(byFirst.get(first) ?? []), trigger]);
    }
    table = { byFirst, wholeLine: commands.filter((c) => c.wholeLine) };
    tables.set(commands, table);
  }
  return table;
}

const WORD_CHAR = /[a-z0-9_]/i;

export function matchCommand(text: string, commands: readonly Command[]): CommandMatch | null {
  const table = tableOf(commands);
  for (const command of table.wholeLine) {
    if (command.wholeLine?.(text)) return { command, trigger: text, args: "" };
  }
  const line = text.startsWith("/") ? text.slice(1) : text;
  const lower = line.toLowerCase();
  for (const trigger of table.byFirst.get(lower.charAt(0)) ?? []) {
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
