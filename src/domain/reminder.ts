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


/** null when nobody lags: no message at all. */
export function formatReminder(
  units: readonly ReminderUnit[],
  asOf: IsoDate,
  staleDays: number,
): { title: string; markdown: string; mention: string[] } | null {
  if (units.length === 0) return null;
  const title = "落后单位提醒";
  const lines = [`## ${title}（截至${md(asOf)}）`, ""];
  for (const u of units) {
    lines.push(`**${u.name}**：${u.reasons.join("；")}`);
    if (u.staleProjects.length > 0) {
      const names = u.staleProjects.slice(0, 5).map((p) => `${p.name}（${md(p.signedOn)}签约）`);
      lines.push(`签约超过 ${staleDays} 天未开工：${names.join("、")}${u.staleProjects.length > 5 ? " 等" : ""}`);
    }
  }
  lines.push("", "请以上单位抓紧推进，并及时在群里上报。");
  return { title, markdown: lines.join("\n"), mention: [...new Set(units.flatMap((u) => u.members))] };
}
