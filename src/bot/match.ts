// Routes a normalised line to a command: the longest trigger the line starts with wins
// ("到位资金" before "到位"); the slash is optional ("/签约" = "签约").
import { detectReportKind } from "../domain/detect-kind.ts";
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
  /** No letter case to fold ("签约", "?"): a plain startsWith decides. */
  caseless: boolean;
  command: Command;
}

/**
 * Triggers longest first, grouped by their first character, and the commands that match a whole
 * line: built once per command list, since routing runs on every message.
 */
interface Table {
  /** By the code of the (lower-cased) first UTF-16 unit. */
  byFirst: Map<number, Trigger[]>;
  wholeLine: Command[];
}
const tables = new WeakMap<readonly Command[], Table>();

function tableOf(commands: readonly Command[]): Table {
  let table = tables.get(commands);
  if (!table) {
    const sorted = commands
      .flatMap((command) =>
        command.triggers.map((word) => ({
          word,
          lower: word.toLowerCase(),
          ascii: /^[a-z]+$/i.test(word),
          caseless: word.toLowerCase() === word && word.toUpperCase() === word,
          command,
        })),
      )
      .sort((a, b) => b.word.length - a.word.length);
    const byFirst = new Map<number, Trigger[]>();
    for (const trigger of sorted) {
      const first = trigger.lower.charCodeAt(0);
      byFirst.set(first, [...(byFirst.get(first) ?? []), trigger]);
    }
    table = { byFirst, wholeLine: commands.filter((c) => c.wholeLine) };
    tables.set(commands, table);
  }
  return table;
}

const WORD_CHAR = /[a-z0-9_]/i;

/**
 * Form labels copied from ledgers that start like a trigger: "项目名称：年产5万吨再生铜项目 签约 …"
 * is a report, not the 项目 query, so such a line is left to report detection; without a report
 * in it ("项目名称：功能膜") the label is the trigger's and the name its argument.
 */
const FORM_LABELS = ["项目名称", "项目名:", "项目名 "];

export function matchCommand(text: string, commands: readonly Command[]): CommandMatch | null {
  const table = tableOf(commands);
  for (const command of table.wholeLine) {
    if (command.wholeLine?.(text)) return { command, trigger: text, args: "" };
  }
  const line = text.startsWith("/") ? text.slice(1) : text;
  let labelEnd = 0;
  for (const label of FORM_LABELS) {
    if (!line.startsWith(label)) continue;
    if (detectReportKind(line) !== null) return null;
    labelEnd = label.length;
  }
  // Only the first character is folded to pick the triggers; CJK has no case.
  const first = line.charCodeAt(0);
  const key = first >= 0x4e00 && first <= 0x9fff ? first : line.charAt(0).toLowerCase().charCodeAt(0);
  for (const trigger of table.byFirst.get(key) ?? []) {
    const len = trigger.word.length;
    if (trigger.caseless ? !line.startsWith(trigger.word) : line.slice(0, len).toLowerCase() !== trigger.lower)
      continue;
    // ASCII triggers ("status") need a word boundary; Chinese ones may be glued to the text.
    if (trigger.ascii && WORD_CHAR.test(line.charAt(len))) continue;
    let p = Math.max(len, labelEnd);
    while (p < line.length && (line[p] === ":" || isBlank(line.charCodeAt(p)))) p++;
    return { command: trigger.command, trigger: trigger.word, args: line.slice(p).trim() };
  }
  return null;
}

/** What \s matches (JavaScript's white space and line terminators), without a regex per line. */
function isBlank(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
