// A project is an entity of its unit; its stage and amounts derive from its history, so an
// undo only has to remove one history entry.
import { KIND_LABEL, STAGE_ORDER, type IsoDate, type ReportKind, type Stage } from "./types.ts";

export interface ProjectEvent {
  kind: ReportKind;
  recordId: number;
  date: IsoDate;
  amountYuan: number | null;
  amountUsd: number | null;
}

export interface Project {
  id: string;
  name: string;
  unitId: string;
  createdOn: IsoDate;
  history: ProjectEvent[];
}

export interface ProjectSummary {
  /** The furthest stage reached, or null when every stage event was revoked. */
  stage: Stage | null;
  /** Total investment: the latest amount given with 签约, else with 在谈. */
  investmentYuan: number | null;
  investmentUsd: number | null;
  arrivedYuan: number;
  arrivedUsd: number;
  /** Date each stage was first reached. */
  stageDates: Partial<Record<Stage, IsoDate>>;
  /** Registered as carried over from an earlier year (续建): its 签约 stage and date come from that record. */
  carriedOver: boolean;
}

/** Parses the store's history lines "kind,recordId,date,yuan,usd". */
export function parseHistory(lines: string): ProjectEvent[] {
  if (!lines) return [];
  return lines.split("\n").map((line) => {
    const [kind, id, date, yuan, usd] = line.split(",");
    return {
      kind: kind as ReportKind,
      recordId: Number(id),
      date: date ?? "",
      amountYuan: yuan ? Number(yuan) : null,
      amountUsd: usd ? Number(usd) : null,
    };
  });
}

export function summarizeProject(history: readonly ProjectEvent[]): ProjectSummary {
  const summary: ProjectSummary = {
    stage: null,
    investmentYuan: null,
    investmentUsd: null,
    arrivedYuan: 0,
    arrivedUsd: 0,
    stageDates: {},
    carriedOver: false,
  };
  let investmentFromSigning = false;
  for (const event of history) {
    if (event.kind === "fundsArrived") {
      summary.arrivedYuan += event.amountYuan ?? 0;
      summary.arrivedUsd += event.amountUsd ?? 0;
      continue;
    }
    // A 续建 is the project's signing in an earlier year (its history date is the signing date).
    if (event.kind === "carryOver") summary.carriedOver = true;
    const stage = (event.kind === "carryOver" ? "signing" : event.kind) as Stage;
    if (!STAGE_ORDER.includes(stage)) continue;
    summary.stageDates[stage] ??= event.date;
    if (summary.stage === null || STAGE_ORDER.indexOf(stage) > STAGE_ORDER.indexOf(summary.stage))
      summary.stage = stage;
    const hasAmount = event.amountYuan !== null || event.amountUsd !== null;
    if (hasAmount && (stage === "signing" || (stage === "negotiation" && !investmentFromSigning))) {
      summary.investmentYuan = event.amountYuan;
      summary.investmentUsd = event.amountUsd;
      investmentFromSigning ||= stage === "signing";
    }
  }
  return summary;
}

export function stageLabel(stage: Stage | null): string {
  return stage ? KIND_LABEL[stage] : "已撤销";
}

/** The stage as a project list shows it: a carried-over project not yet further along reads 续建（2025年签约）. */
export function projectStageLabel(summary: Pick<ProjectSummary, "stage" | "carriedOver" | "stageDates">): string {
  const signed = summary.stageDates.signing;
  if (summary.carriedOver && summary.stage === "signing" && signed) return `续建（${signed.slice(0, 4)}年签约）`;
  return stageLabel(summary.stage);
}
