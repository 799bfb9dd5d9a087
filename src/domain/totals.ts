// Running totals kept on write (per unit, per day / ISO week / year), so queries and the
// weekly digest read a few hashes instead of scanning records. The same delta is applied
// with the opposite sign when a record is revoked, so it must depend on the record alone.
import { BIG_SIGNING_YUAN, type ReportRecord } from "./record.ts";
import { REPORT_KINDS } from "./report-kinds.ts";

/** Counts of records per kind (named after the kind), and the amounts and shares behind the rates. */
export const TOTAL_FIELDS = [
  "reports",
  ...REPORT_KINDS,
  "signingYuan",
  "signingUsd",
  "bigSigning",
  "bigSigningYuan",
  "signingProvOutYuan",
  "signingCityOutYuan",
  "fundsYuan",
  "fundsUsd",
  "fundsMfgYuan",
  "fundsProvOutYuan",
  "fundsCityOutYuan",
  /** Funds from abroad given in yuan (境外 in USD are fundsUsd). */
  "fundsForeignYuan",
  /** The total investment of projects registered as carried over (续建); their count is `carryOver`. */
  "carryOverYuan",
  /** 引才: people recruited (the kind's own field counts reports), and those at a 高层次 level. */
  "talentPeople",
  "talentHighPeople",
] as const;

export type TotalField = (typeof TOTAL_FIELDS)[number];
export type Totals = Record<TotalField, number>;

export function emptyTotals(): Totals {
  // A plain loop, not Object.fromEntries: this runs several times per stored report, and the
  // object it builds stays a fast-properties object.
  const totals = {} as Totals;
  for (const field of TOTAL_FIELDS) totals[field] = 0;
  return totals;
}

type RecordFacts = Pick<ReportRecord, "kind" | "amountYuan" | "amountUsd" | "manufacturing" | "source"> &
  Partial<Pick<ReportRecord, "headcount" | "highLevel">>;

/** The increments one record contributes; zero fields are left out. */
export function totalsDelta(record: RecordFacts): Partial<Totals> {
  const yuan = record.amountYuan ?? 0;
  const usd = record.amountUsd ?? 0;
  const delta: Partial<Totals> = { reports: 1 };
  const add = (field: TotalField, n: number) => {
    if (n !== 0) delta[field] = (delta[field] ?? 0) + n;
  };
  switch (record.kind) {
    case "signing":
      add("signing", 1);
      add("signingYuan", yuan);
      add("signingUsd", usd);
      if (yuan >= BIG_SIGNING_YUAN) {
        add("bigSigning", 1);
        add("bigSigningYuan", yuan);
      }
      if (record.source === "省外") add("signingProvOutYuan", yuan);
      if (record.source === "市外") add("signingCityOutYuan", yuan);
      break;
    case "fundsArrived":
      add("fundsArrived", 1);
      add("fundsYuan", yuan);
      add("fundsUsd", usd);
      if (record.manufacturing) add("fundsMfgYuan", yuan);
      if (record.source === "省外") add("fundsProvOutYuan", yuan);
      if (record.source === "市外") add("fundsCityOutYuan", yuan);
      if (record.source === "境外") add("fundsForeignYuan", yuan);
      break;
    case "carryOver":
      // Not a signing of this year: its own count and investment, nothing in the signing fields.
      add("carryOver", 1);
      add("carryOverYuan", yuan);
      break;
    case "talentRecruit":
      add("talentRecruit", 1);
      add("talentPeople", record.headcount ?? 0);
      if (record.highLevel) add("talentHighPeople", record.headcount ?? 0);
      break;
    default:
      add(record.kind, 1);
  }
  return delta;
}

/** Reads a Redis hash (string values) into totals, missing fields as 0. */
export function totalsFromHash(hash: Record<string, string>): Totals {
  const totals = emptyTotals();
  for (const field of TOTAL_FIELDS) {
    const raw = hash[field];
    if (raw !== undefined) totals[field] = Number(raw);
  }
  return totals;
}

export function addTotals(a: Totals, b: Totals): Totals {
  const sum = emptyTotals();
  for (const field of TOTAL_FIELDS) sum[field] = a[field] + b[field];
  return sum;
}

export function subtractTotals(a: Totals, b: Totals): Totals {
  const difference = emptyTotals();
  for (const field of TOTAL_FIELDS) difference[field] = a[field] - b[field];
  return difference;
}
