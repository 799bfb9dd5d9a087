// Routes a normalised line to a command: the longest trigger the line starts with wins
// ("到位资金" before "到位"); the slash is optional ("/签约" = "签约").
import type { Command } from "./define.ts";

export interface CommandMatch {
  command: Command;
  trigger: string;
  args: string;
}

export function matchCommand(text: string, commands: readonly Command[]): CommandMatch | null {
  const line = text.startsWith("/") ? text.slice(1) : text;
  let best: CommandMatch | null = null;
  for (const command of commands) {
    for (const trigger of command.triggers) {
      if (!line.toLowerCase().startsWith(trigger.toLowerCase())) continue;
      if (best && best.trigger.length >= trigger.length) continue;
      const next = line.charAt(trigger.length);
      // ASCII triggers ("status") need a word boundary; Chinese ones may be glued to the text.
      if (/^[a-z]+$/i.test(trigger) && /[a-z0-9_]/i.test(next)) continue;
      best = { command, trigger, args: line.slice(trigger.length).replace(/^[\s:]+/, "").trim() };
    }
  }
  return best;
}
