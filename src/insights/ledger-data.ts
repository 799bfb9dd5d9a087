// Reads what the 台账 needs: every project (scanned in pages) and, from one pass over the
// records, each project's investor/industry/source (from its latest signing or 在谈) and its
// latest progress text, plus which signings a later signing superseded.
import type { ProjectFacts } from "../domain/ledger.ts";
import type { Store } from "../store/types.ts";

/** Records read per XRANGE page: fewer round trips on a big deployment, a few MB at most. */
export const RECORD_PAGE = 5000;

export interface LedgerFacts {
  facts: Map<string, ProjectFacts>;
  /** Record ids of signings replaced by a later signing of the same project → the later id. */
  superseded: Map<number, number>;
}

export async function loadProjectFacts(store: Store): Promise<LedgerFacts> {
  const facts = new Map<string, ProjectFacts>();
  const lastSigning = new Map<string, number>();
  const superseded = new Map<number, number>();
  for await (const r of store.records.allRecords(RECORD_PAGE)) {
    if (r.revoked || r.projectId === null) continue;
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
    if (r.kind === "signing") {
      const before = lastSigning.get(r.projectId);
      if (before !== undefined) superseded.set(before, r.id);
      lastSigning.set(r.projectId, r.id);
    }
  }
  // A chain a → b → c: a was replaced by c in the end.
  for (const [id, by] of superseded) {
    let last = by;
    while (superseded.has(last)) last = superseded.get(last)!;
    superseded.set(id, last);
  }
  return { facts, superseded };
}
