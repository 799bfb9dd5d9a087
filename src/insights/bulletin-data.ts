// Gathers a 通报 from month totals: the period's months, the year's months up to the period's
// end, the previous period of the same length (rank change) and last year's same months (同比,
// from records or from figures imported with the ledger). O(units × months) hashes, read a hundred units at a time.
import type { BulletinPeriod } from "../domain/bulletin-period.ts";
import { buildBulletin, type Bulletin, type BulletinUnitInput } from "../domain/bulletin.ts";
import { timeProgress } from "../domain/periods.ts";
import { addTotals, emptyTotals, TOTAL_FIELDS, type Totals } from "../domain/totals.ts";
import type { TotalsScope } from "../domain/year-to-date.ts";
import type { Store } from "../store/types.ts";

/** Units whose month totals are read in one round trip. */
const UNITS_PER_READ = 100;

const month = (year: number, m: number) => `${year}-${String(m).padStart(2, "0")}`;

export async function loadBulletin(store: Store, period: BulletinPeriod): Promise<Bulletin> {
  const [all, rules] = await Promise.all([store.directory.listUnits(), store.metrics.rankingRules()]);
  const units = all.filter((u) => !u.inactive);
  const ids = units.map((u) => u.id);
  const months = Array.from({ length: period.toMonth }, (_, i) => i + 1);
  const scopes: TotalsScope[] = [
    ...months.map((m): TotalsScope => ({ kind: "month", date: `${month(period.year, m)}-01` })),
    ...months.map((m): TotalsScope => ({ kind: "month", date: `${month(period.year - 1, m)}-01` })),
    ...months.map((m): TotalsScope => ({ kind: "prior", month: month(period.year - 1, m) })),
  ];
  const n = months.length;
  const length = period.toMonth - period.fromMonth + 1;
  const inputs: BulletinUnitInput[] = [];
  // A chunk of units per round trip: each unit's months are summed and dropped before the next
  // chunk is read, so a thousand units never hold all their month hashes at once.
  for (let from = 0; from < units.length; from += UNITS_PER_READ) {
    const chunk = units.slice(from, from + UNITS_PER_READ);
    const rows = await store.metrics.totalsMany(ids.slice(from, from + UNITS_PER_READ), scopes);
    const sumMonths = (offset: number, first: number, last: number, unit: number): Totals => {
      // Added in place: a thousand units × a year of months × four sums.
      const sum = emptyTotals();
      for (let m = first; m <= last; m++) {
        const month = rows[offset + m - 1]![unit]!;
        for (const field of TOTAL_FIELDS) sum[field] += month[field];
      }
      return sum;
    };
    chunk.forEach((u, i) => {
      const lastYear = addTotals(sumMonths(n, 1, period.toMonth, i), sumMonths(2 * n, 1, period.toMonth, i));
      inputs.push({
        unitId: u.id,
        name: u.name,
        targets: u.targets,
        period: sumMonths(0, period.fromMonth, period.toMonth, i),
        cumulative: sumMonths(0, 1, period.toMonth, i),
        previousCumulative: period.toMonth - length >= 1 ? sumMonths(0, 1, period.toMonth - length, i) : null,
        lastYear: TOTAL_FIELDS.some((f) => lastYear[f] !== 0) ? lastYear : null,
      });
    });
  }
  return buildBulletin(period, inputs, rules, timeProgress(period.end));
}
