// The shape of the report-line tables: a line as typed, and what a careful clerk would record.
// Every table is read with the message time fixed at TODAY (a Saturday, China time).
import type { Money, ReportKind, Source } from "../../../src/domain/types.ts";

/** Saturday 20 June 2026. This week: 06-15 … 06-21; last week: 06-08 … 06-14. */
export const TODAY = "2026-06-20";

export interface Expect {
  kind: ReportKind;
  /** "06-18" (this year) or a full date; absent = today and no date given. */
  on?: string;
  project?: string;
  money?: Money;
  industry?: string;
  source?: Source;
  place?: string;
  counterpart?: string;
  /** For a line whose kind word is not first: whether the kind is certain (default true). */
  confident?: boolean;
}

export type Row = readonly [line: string, expect: Expect];

/** 亿元, 万元, 万美元 as exact integers (the decimal is scaled in integers, never multiplied as a float). */
function scaled(n: number | string, zeros: number): number {
  const [int, frac = ""] = String(n).split(".");
  return Number(BigInt(int + frac.padEnd(zeros, "0").slice(0, zeros)));
}
export const yi = (n: number | string): Money => ({ currency: "CNY", value: scaled(n, 8) });
export const wan = (n: number | string): Money => ({ currency: "CNY", value: scaled(n, 4) });
export const yuan = (n: number): Money => ({ currency: "CNY", value: n });
export const wanUsd = (n: number | string): Money => ({ currency: "USD", value: scaled(n, 4) });

/** A line the bot must not store as it reads it, and a word its question or refusal must contain. */
export type AskRow = readonly [line: string, word: string, reading?: Partial<Expect>];
