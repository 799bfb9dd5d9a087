// Who gets this week's reminder: the laggards with their reasons, plus units whose signed
// projects have not started after N days, each with the members to @-mention. A unit is
// reminded at most `maxPerWeek` times a week.
import { daysBetween } from "../domain/china-time.ts";
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

export async function loadReminderUnits(store: Store, today: IsoDate, options: ReminderOptions): Promise<Array<ReminderUnit & { unitId: string }>> {
  const standings = await loadStandings(store, today);
  const reasons = new Map(standings.laggards.map((l) => [l.unitId, l.reasons]));
  const counts = await store.metrics.remindersSent(weekId(today));
  const candidates = standings.ranked.filter((u) => (counts.get(u.unitId) ?? 0) < options.maxPerWeek);
  // Units are read concurrently: ioredis pipelines the reads, the order of the list is kept.
  const units = await Promise.all(
    candidates.map(async (unit) => {
      const staleProjects = options.staleDays > 0 ? await staleProjectsOf(store, unit.unitId, today, options.staleDays) : [];
      const unitReasons = [...(reasons.get(unit.unitId) ?? [])];
      if (staleProjects.length > 0) unitReasons.push(`${staleProjects.length} 个签约项目超过 ${options.staleDays} 天未开工`);
      if (unitReasons.length === 0) return null;
      return { unitId: unit.unitId, name: unit.name, reasons: unitReasons, staleProjects, members: await store.directory.membersOf(unit.unitId) };
    }),
  );
  return units.filter((u): u is ReminderUnit & { unitId: string } => u !== null);
}

async function staleProjectsOf(store: Store, unitId: string, today: IsoDate, days: number) {
  const stale: Array<{ name: string; signedOn: IsoDate }> = [];
  const projects = await Promise.all((await store.projects.namesOf(unitId)).map(({ id }) => store.projects.getProject(id)));
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
