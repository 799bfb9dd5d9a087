// What the record scripts' callers share: the digest's event lists, list caps, reply decoding.
import type { NewRecord, ReportRecord } from "../domain/record.ts";
import { refusingKinds } from "../domain/carry-over.ts";
import { digestList, isNamedItem, type ReportKind } from "../domain/report-kinds.ts";
import { signingDay } from "../domain/signing-date.ts";
import type { Keys } from "./keys.ts";

/** How many of a reporter's latest records 撤销 can walk back through. */
export const USER_RECENT_CAP = 50;

/** Which project a report belongs to: none, an existing one, or a new one by name. */
export type ProjectTarget = { mode: "none" } | { mode: "id"; id: string } | { mode: "new"; name: string };

/**
 * The hashes a kind's named entities live in: investment projects, or 人才项目/创新团队 apart
 * (same shapes, same numbering, other hashes: 到位 and 项目 never see a talent item).
 */
export function entityKeysOf(keys: Keys, kind: ReportKind, unitId: string): { all: string; ofUnit: string } {
  return isNamedItem(kind)
    ? { all: keys.talentItems, ofUnit: keys.unitTalentItems(unitId) }
    : { all: keys.projects, ofUnit: keys.unitProjects(unitId) };
}

/** The digest's event list a record belongs to (a placeholder key for the others). */
export function eventKeyOf(keys: Keys, r: Pick<ReportRecord, "kind" | "date">): string {
  const list = digestList(r.kind);
  return list ? keys.weekEvents(r.date, list) : `${keys.prefix}wk:none`;
}

/** Signings and funds rank by amount (dollars count at face value); stage moves by recency ("" = none). */
export function eventScore(r: NewRecord): string {
  const list = digestList(r.kind);
  if (list === "signing" || list === "funds") return String(r.amountYuan ?? r.amountUsd ?? 0);
  return list === "stage" ? "id" : "";
}

export function pairs(flat: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) out[flat[i]!] = flat[i + 1]!;
  return out;
}

/** The scripts' refusal argument: "" none, "*" any existing project, else the kinds, space-separated. */
export function refusalArg(kind: ReportKind, oncePerProject: boolean | undefined): string {
  const kinds = refusingKinds(kind, oncePerProject ?? false);
  return kinds === "any" ? "*" : kinds.join(" ");
}

/** The project history line after kind and id: ",date,yuan,usd"; a 续建 is dated by its signing. */
export function historyTail(r: Pick<NewRecord, "kind" | "date" | "signedOn" | "amountYuan" | "amountUsd">): string {
  const date = r.kind === "carryOver" && r.signedOn ? signingDay(r.signedOn) : r.date;
  return `,${date},${r.amountYuan ?? ""},${r.amountUsd ?? ""}`;
}
