// Who gets this week's reminder: the laggards with their reasons and the members to
// @-mention (worst first), and apart from them the gentler nudge: units whose signed projects
// have not started after N days, named without @. A unit is reminded at most `maxPerWeek`
// times a week.
import { daysBetween } from "../domain/china-time.ts";
import { worstFirst } from "../domain/laggards.ts";
import { weekId } from "../domain/periods.ts";
import { summarizeProject } from "../domain/project.ts";
import type { ReminderUnit } from "../domain/reminder.ts";
import type { IsoDate } from "../domain/types.ts";
import type { Store } from "../store/types.ts";
import { loadStandings } from "./standings.ts";

export interface ReminderOptions {
  /** Signed projects not started after this many days are named; 0 turns the nudge off. */
  staleDays: number;
  maxPerWeek: number;
}

export async function loadReminderUnits(
  store: Store,
  today: IsoDate,
  options: ReminderOptions,
): Promise<Array<ReminderUnit & { unitId: string }>> {
  const standings = await loadStandings(store, today);
  const reasons = new Map(standings.laggards.map((l) => [l.unitId, l.reasons]));
  const counts = await store.metrics.remindersSent(weekId(today));
  const candidates = worstFirst(standings.ranked).filter((u) => (counts.get(u.unitId) ?? 0) < options.maxPerWeek);
  // Units are read concurrently: ioredis pipelines the reads, the order of the list is kept.
  const units = await Promise.all(
    candidates.map(async (unit) => {
      const staleProjects =
        options.staleDays > 0 ? await staleProjectsOf(store, unit.unitId, today, options.staleDays) : [];
      const unitReasons = reasons.get(unit.unitId) ?? [];
      if (unitReasons.length === 0 && staleProjects.length === 0) return null;
      // Only laggards' members are @-mentioned; a stage-age nudge alone names the unit, no one in it.
      const members = unitReasons.length > 0 ? await store.directory.membersOf(unit.unitId) : [];
      return { unitId: unit.unitId, name: unit.name, reasons: unitReasons, staleProjects, members };
    }),
  );
  return units.filter((u): u is ReminderUnit & { unitId: string } => u !== null);
}

async function staleProjectsOf(store: Store, unitId: string, today: IsoDate, days: number) {
  const stale: Array<{ name: string; signedOn: IsoDate }> = [];
  const projects = await Promise.all(
    (await store.projects.namesOf(unitId)).map(({ id }) => store.projects.getProject(id)),
  );
  for (const project of projects) {
    if (!project) continue;
    const { stageDates } = summarizeProject(project.history);
    const started = stageDates.started ?? stageDates.producing ?? stageDates.registered;
    if (stageDates.signing && !started && daysBetween(stageDates.signing, today) > days) {
      stale.push({ name: project.name, signedOn: stageDates.signing });
    }
  }
  return stale.sort((a, b) => (a.signedOn < b.signedOn ? -1 : 1));
}
