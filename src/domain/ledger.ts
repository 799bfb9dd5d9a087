// The 项目台账: one row per project as a clerk keeps it, grouped by unit with a subtotal per
// unit and a county total. Pure: the insights layer supplies projects and the facts their
// records carry (investor, industry, source, the last progress text).
import { summarizeProject, type Project } from "./project.ts";
import { BIG_SIGNING_YUAN } from "./record.ts";
import { KIND_LABEL, type IsoDate, type Source, type Stage } from "./types.ts";

/** What a project's records say that its history line does not. */
export interface ProjectFacts {
  counterpart: string | null;
  industry: string | null;
  manufacturing: boolean | null;
  source: Source | null;
  /** The text of its latest record that is not revoked (最近进展). */
  lastText: string | null;
}

export interface LedgerRow {
  project: string;
  unit: string;
  investor: string | null;
  industry: string | null;
  manufacturing: boolean | null;
  source: Source | null;
  investmentYuan: number | null;
  investmentUsd: number | null;
  big: boolean;
  stage: Stage | null;
  dates: Partial<Record<Stage, IsoDate>>;
  monthFundsYuan: number;
  fundsYuan: number;
  fundsUsd: number;
  lastText: string | null;
  note: string | null;
}

export interface LedgerSums {
  projects: number;
  investmentYuan: number;
  investmentUsd: number;
  big: number;
  monthFundsYuan: number;
  fundsYuan: number;
  fundsUsd: number;
}

export function emptySums(): LedgerSums {
  return { projects: 0, investmentYuan: 0, investmentUsd: 0, big: 0, monthFundsYuan: 0, fundsYuan: 0, fundsUsd: 0 };
}

export function addRow(sums: LedgerSums, row: LedgerRow): void {
  sums.projects++;
  sums.investmentYuan += row.investmentYuan ?? 0;
  sums.investmentUsd += row.investmentUsd ?? 0;
  if (row.big) sums.big++;
  sums.monthFundsYuan += row.monthFundsYuan;
  sums.fundsYuan += row.fundsYuan;
  sums.fundsUsd += row.fundsUsd;
}

/** A project's ledger row as of `asOf` (本月 = asOf's month); null when every record of it was revoked. */
export function ledgerRow(
  project: Project,
  unitName: string,
  facts: ProjectFacts | undefined,
  asOf: IsoDate,
): LedgerRow | null {
  const summary = summarizeProject(project.history);
  if (summary.stage === null && summary.arrivedYuan === 0 && summary.arrivedUsd === 0) return null;
  const month = asOf.slice(0, 7);
  let monthFundsYuan = 0;
  for (const e of project.history)
    if (e.kind === "fundsArrived" && e.date.slice(0, 7) === month) monthFundsYuan += e.amountYuan ?? 0;
  const signed = summary.stageDates.signing;
  return {
    project: project.name,
    unit: unitName,
    investor: facts?.counterpart ?? null,
    industry: facts?.industry ?? null,
    manufacturing: facts?.manufacturing ?? null,
    source: facts?.source ?? null,
    investmentYuan: summary.investmentYuan,
    investmentUsd: summary.investmentUsd,
    big: (summary.investmentYuan ?? 0) >= BIG_SIGNING_YUAN,
    stage: summary.stage,
    dates: summary.stageDates,
    monthFundsYuan,
    fundsYuan: summary.arrivedYuan,
    fundsUsd: summary.arrivedUsd,
    lastText: facts?.lastText ?? null,
    note: signed && signed.slice(0, 4) < asOf.slice(0, 4) ? `续建（${signed.slice(0, 4)}年签约）` : null,
  };
}

export const stageText = (stage: Stage | null) => (stage ? KIND_LABEL[stage] : "");
