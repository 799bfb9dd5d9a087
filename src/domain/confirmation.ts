// Whether a whole line says "yes" to a reading the bot asked about: 是 / 是的 / 确认 / 对 / 好 /
// ok…, with full-width letters, any case and trailing punctuation tolerated ("ＯＫ！", "好的。").
import { normalizeText } from "./normalize.ts";

const YES: ReadonlySet<string> = new Set([
  "是",
  "是的",
  "确认",
  "确定",
  "对",
  "对的",
  "好",
  "好的",
  "ok",
  "okay",
  "嗯",
  "嗯嗯",
]);
const TRAILING = " .,!~。，！～、";

export function isConfirmation(text: string): boolean {
  if (text.length > 12) return false;
  let line = normalizeText(text).toLowerCase();
  while (line.length > 0 && TRAILING.includes(line[line.length - 1]!)) line = line.slice(0, -1);
  return YES.has(line);
}
