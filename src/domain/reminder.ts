// 落后单位提醒: one message listing the lagging units with their reasons, @-mentioning only
// their members. Few and targeted (the rules against 指尖上的形式主义).
import type { IsoDate } from "./types.ts";
import { shortDate as md } from "./periods.ts";

export interface ReminderUnit {
  name: string;
  reasons: string[];
  /** Signed projects with no start for too long. */
  staleProjects: Array<{ name: string; signedOn: IsoDate }>;
  members: string[];
}


/** Units listed with their reasons; more are named on one line, so the message stays one screen. */
export const REMINDER_DETAILED_MAX = 8;
/** Lines before the "另有" line, the blank line and the closing line: 15 in all at most. */
const DETAIL_LINES_MAX = 12;

/** null when nobody lags: no message at all. */
export function formatReminder(
  units: readonly ReminderUnit[],
  asOf: IsoDate,
  staleDays: number,
): { title: string; markdown: string; mention: string[] } | null {
  if (units.length === 0) return null;
  const title = "落后单位提醒";
  const lines = [`## ${title}（截至${md(asOf)}）`, ""];
  // One phone screen: the first units with their reasons, the rest by name on one line.
  let shown = 0;
  for (const u of units) {
    if (shown === REMINDER_DETAILED_MAX || lines.length + (u.staleProjects.length > 0 ? 2 : 1) > DETAIL_LINES_MAX) break;
    shown++;
    lines.push(`**${u.name}**：${u.reasons.join("；")}`);
    if (u.staleProjects.length > 0) {
      const names = u.staleProjects.slice(0, 5).map((p) => `${p.name}（${md(p.signedOn)}签约）`);
      lines.push(`签约超过 ${staleDays} 天未开工：${names.join("、")}${u.staleProjects.length > 5 ? " 等" : ""}`);
    }
  }
  const rest = units.slice(shown);
  if (rest.length > 0) lines.push(`另有 ${rest.length} 个单位：${rest.map((u) => u.name).join("、")}（原因发「/status 单位名」查看）`);
  lines.push("", "请以上单位抓紧推进，并及时在群里上报。");
  return { title, markdown: lines.join("\n"), mention: [...new Set(units.flatMap((u) => u.members))] };
}
