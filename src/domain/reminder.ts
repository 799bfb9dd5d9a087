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
/** Projects named per unit, and units named, in the nudge section. */
const NUDGE_PROJECTS = 3;
const NUDGE_UNITS = 2;
/** A phone's first screen. */
const SCREEN_LINES = 15;

/**
 * Laggards first, worst first, with reasons, their members @-mentioned; then, apart and
 * gentler, signed projects not started after `staleDays` (no @). null when there is neither.
 */
export function formatReminder(
  units: readonly ReminderUnit[],
  asOf: IsoDate,
  staleDays: number,
): { title: string; markdown: string; mention: string[] } | null {
  const laggards = units.filter((u) => u.reasons.length > 0);
  const nudges = units.filter((u) => u.staleProjects.length > 0);
  if (laggards.length === 0 && nudges.length === 0) return null;

  const nudgeLines: string[] = [];
  if (nudges.length > 0) {
    nudgeLines.push(`温馨提示：以下签约项目已超过 ${staleDays} 天未开工，请关注推进——`);
    for (const u of nudges.slice(0, NUDGE_UNITS)) {
      const names = u.staleProjects.slice(0, NUDGE_PROJECTS).map((p) => `${p.name}（${md(p.signedOn)}签约）`);
      nudgeLines.push(
        `${u.name}：${names.join("、")}${u.staleProjects.length > NUDGE_PROJECTS ? ` 等 ${u.staleProjects.length} 个` : ""}`,
      );
    }
    if (nudges.length > NUDGE_UNITS)
      nudgeLines.push(
        `另有 ${nudges
          .slice(NUDGE_UNITS)
          .map((u) => u.name)
          .join("、")}（发「项目」查看）`,
      );
  }

  const title = laggards.length > 0 ? "落后单位提醒" : "项目开工提示";
  const lines = [`## ${title}（截至${md(asOf)}）`, ""];
  if (laggards.length > 0) {
    // Header 2, a possible "另有" line, blank + closing 2, and the nudge block with its blank.
    const room = SCREEN_LINES - 2 - 1 - 2 - (nudgeLines.length > 0 ? nudgeLines.length + 1 : 0);
    const shown =
      laggards.length <= Math.min(REMINDER_DETAILED_MAX, room + 1)
        ? laggards.length
        : Math.min(REMINDER_DETAILED_MAX, room);
    for (const u of laggards.slice(0, shown)) lines.push(`**${u.name}**：${u.reasons.join("；")}`);
    const rest = laggards.slice(shown);
    if (rest.length > 0)
      lines.push(`另有 ${rest.length} 个单位：${rest.map((u) => u.name).join("、")}（原因发「/status 单位名」查看）`);
    lines.push("", "请以上单位抓紧推进，并及时在群里上报。");
    if (nudgeLines.length > 0) lines.push("");
  }
  lines.push(...nudgeLines);
  return { title, markdown: lines.join("\n"), mention: [...new Set(laggards.flatMap((u) => u.members))] };
}
