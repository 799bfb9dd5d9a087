// Fetches year-to-date totals as of several days (and any other scopes) in one round trip.
import type { Totals } from "../domain/totals.ts";
import type { IsoDate } from "../domain/types.ts";
import { type TotalsScope, yearToDateFrom, yearToDateScopes } from "../domain/year-to-date.ts";
import type { Store } from "../store/types.ts";

export interface TotalsAsOf {
  /** asOf[i][u]: unit u's year-to-date at the end of dates[i]. */
  asOf: Totals[][];
  /** extra[s][u]: unit u's totals for extra scope s. */
  extra: Totals[][];
}

export async function loadTotalsAsOf(
  store: Pick<Store, "metrics">,
  ids: readonly string[],
  today: IsoDate,
  dates: readonly IsoDate[],
  extra: readonly TotalsScope[] = [],
): Promise<TotalsAsOf> {
  const plans = dates.map((date) => yearToDateScopes(date, today));
  const fetched = await store.metrics.totalsMany(ids, [...extra, ...plans.flat()]);
  let next = extra.length;
  const asOf = plans.map((plan) => {
    const parts = fetched.slice(next, next + plan.length);
    next += plan.length;
    return ids.map((_, u) => yearToDateFrom(parts.map((p) => p[u]!)));
  });
  return { asOf, extra: fetched.slice(0, extra.length) };
}
