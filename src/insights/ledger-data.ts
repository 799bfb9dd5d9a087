// Reads what the 台账 needs, each read once: the units' projects in pipelined batches (their
// histories say which signings a later signing superseded), and the facts a project's records
// carry — investor/industry/source from its latest signing, 续建 or 在谈 and its latest progress text —
// folded from the same pass over the records that writes the 记录明细 sheet.
import type { ProjectFacts } from "../domain/ledger.ts";
import type { Project } from "../domain/project.ts";
import type { ReportRecord } from "../domain/record.ts";
import type { Unit } from "../domain/unit.ts";
import type { Store } from "../store/types.ts";

/** Records read per XRANGE page: fewer round trips on a big deployment, a few MB at most. */
export const RECORD_PAGE = 5000;

/** Units whose projects are read together: one pipelined round trip for all of them. */
const UNIT_BATCH = 50;

/**
 * The units' projects, a batch of units at a time in directory order (the next batch is read
 * from Redis while the caller handles this one): memory holds two batches, not the deployment.
 */
export async function* projectsByUnit(
  store: Store,
  units: readonly Unit[],
): AsyncGenerator<Array<{ unit: Unit; projects: Project[] }>> {
  const read = (from: number) =>
    Promise.all(
      units
        .slice(from, from + UNIT_BATCH)
        .map(async (unit) => ({ unit, projects: await store.projects.projectsOfUnit(unit.id) })),
    );
  let reading = read(0);
  for (let from = 0; from < units.length; from += UNIT_BATCH) {
    const batch = await reading;
    if (from + UNIT_BATCH < units.length) reading = read(from + UNIT_BATCH);
    yield batch;
  }
}

/**
 * Record ids of signings replaced by a later signing of the same project → the latest one. A
 * project's history lists its records that still count, in id order (a revoked record leaves it).
 */
export async function loadSuperseded(store: Store, units: readonly Unit[]): Promise<Map<number, number>> {
  const superseded = new Map<number, number>();
  for await (const batch of projectsByUnit(store, units))
    for (const { projects } of batch)
      for (const project of projects) {
        const signings = project.history.filter((e) => e.kind === "signing").map((e) => e.recordId);
        const last = signings[signings.length - 1];
        for (const id of signings.slice(0, -1)) superseded.set(id, last!);
      }
  return superseded;
}

/** Folds records, in id order, into each project's facts. */
export function createFactsCollector(): { add(r: ReportRecord): void; facts: Map<string, ProjectFacts> } {
  const facts = new Map<string, ProjectFacts>();
  return {
    facts,
    add(r) {
      if (r.revoked || r.projectId === null) return;
      let f = facts.get(r.projectId);
      if (!f) {
        f = { counterpart: null, industry: null, manufacturing: null, source: null, lastText: null };
        facts.set(r.projectId, f);
      }
      f.lastText = r.text;
      if (r.kind === "signing" || r.kind === "negotiation" || r.kind === "carryOver") {
        f.counterpart = r.counterpart ?? f.counterpart;
        f.industry = r.industry ?? f.industry;
        f.manufacturing = r.manufacturing ?? f.manufacturing;
        f.source = r.source ?? f.source;
      }
    },
  };
}
