// When each unit last reported, by the day the report was entered (a 补录 dated earlier counts
// on the day it was typed), ignoring undone records. Read from the unit's newest-first list.
import { chinaDate } from "../domain/china-time.ts";
import type { IsoDate } from "../domain/types.ts";
import type { Store } from "../store/types.ts";

/**
 * Records looked at per unit: a few first (the newest is almost always in force), then more; a
 * unit with more undone or later-entered records than SCAN reads as silent.
 */
const FIRST = 3;
const SCAN = 30;

/** The China date of the unit's latest report still in force entered on or before `asOf` (any, when absent). */
export async function lastEnteredOf(store: Store, unitId: string, asOf?: IsoDate): Promise<IsoDate | null> {
  for (const count of [FIRST, SCAN]) {
    const recent = await store.records.recentOfUnit(unitId, count);
    for (const record of recent) {
      if (record.revoked) continue;
      const day = chinaDate(new Date(record.createdAt));
      if (asOf === undefined || day <= asOf) return day;
    }
    if (recent.length < count) break;
  }
  return null;
}

export async function lastEnteredMany(
  store: Store,
  unitIds: readonly string[],
  asOf?: IsoDate,
): Promise<Map<string, IsoDate | null>> {
  const days = await Promise.all(unitIds.map((id) => lastEnteredOf(store, id, asOf)));
  return new Map(unitIds.map((id, i) => [id, days[i]!]));
}
