// Gathers a 通报 from month totals: the period's months, the year's months up to the period's
// end, the previous period of the same length (rank change) and last year's same months (同比,
// from records or from figures imported with the ledger). O(units × months) hashes, one round trip.
import type { BulletinPeriod } from "../domain/bulletin-period.ts";
import { buildBulletin, type Bulletin, type BulletinUnitInput } from "../domain/bulletin.ts";
import { timeProgress } from "../domain/periods.ts";
import { addTotals, emptyTotals, TOTAL_FIELDS, type Totals } from "../domain/totals.ts";
import type { TotalsScope } from "../domain/year-to-date.ts";
import type { Store } from "../store/types.ts";

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
  const rows = await store.metrics.totalsMany(ids, scopes);
  const n = months.length;
  const sumMonths = (offset: number, from: number, to: number, unit: number): Totals => {
    // Added in place: a thousand units × a year of months × four sums.
    const sum = emptyTotals();
    for (let m = from; m <= to; m++) {
      const month = rows[offset + m - 1]![unit]!;
      for (const field of TOTAL_FIELDS) sum[field] += month[field];
    }
    return sum;
  };
  const length = period.toMonth - period.fromMonth + 1;
  const inputs: BulletinUnitInput[] = units.map((u, i) => {
    const lastYear = addTotals(sumMonths(n, 1, period.toMonth, i), sumMonths(2 * n, 1, period.toMonth, i));
    return {
      unitId: u.id,
      name: u.name,
      targets: u.targets,
      period: sumMonths(0, period.fromMonth, period.toMonth, i),
      cumulative: sumMonths(0, 1, period.toMonth, i),
      previousCumulative: period.toMonth - length >= 1 ? sumMonths(0, 1, period.toMonth - length, i) : null,
      lastYear: TOTAL_FIELDS.some((f) => lastYear[f] !== 0) ? lastYear : null,
    };
  });
  return buildBulletin(period, inputs, rules, timeProgress(period.end));
}
