// 在谈 as leaders mean it: projects still under negotiation today, not the number of 在谈
// reports (an update on the same talks, or talks that have since signed, do not count).
import { summarizeProject } from "../domain/project.ts";
import type { Store } from "../store/types.ts";

/** Projects per unit whose furthest stage is 在谈; only units in `unitIds` are counted. */
export async function negotiatingProjects(store: Store, unitIds: readonly string[]): Promise<Map<string, number>> {
  const wanted = new Set(unitIds);
  const counts = new Map<string, number>();
  for (const project of await store.projects.all()) {
    if (!wanted.has(project.unitId)) continue;
    if (summarizeProject(project.history).stage === "negotiation")
      counts.set(project.unitId, (counts.get(project.unitId) ?? 0) + 1);
  }
  return counts;
}
