// A corrected record's current version: 撤销 and 更正 of an old number act on what counts now.
import type { ReportRecord } from "../../src/domain/record.ts";
import type { Store } from "../../src/store/types.ts";

export async function currentVersion(store: Pick<Store, "records">, record: ReportRecord): Promise<ReportRecord> {
  let current = record;
  // Corrections form a chain; the bound only guards against a damaged store.
  for (let hops = 0; current.supersededBy && hops < 100; hops++) {
    const next = await store.records.getRecord(current.supersededBy);
    if (!next) break;
    current = next;
  }
  return current;
}
