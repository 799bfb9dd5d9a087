// The one external shape of a record: console --json and npm run export both use it.
import type { ReportRecord } from "./record.ts";
import { KIND_LABEL } from "./types.ts";

export const EXPORT_FIELDS = [
  "id",
  "unit",
  "kind",
  "date",
  "project",
  "amountYuan",
  "amountUsd",
  "industry",
  "manufacturing",
  "source",
  "place",
  "counterpart",
  "text",
  "reporter",
  "channel",
  "messageId",
  "createdAt",
  "revoked",
  /** 续建 only: the signing date in an earlier year (`date` is the day it was entered). */
  "signedOn",
  // 招才引智 (引才: people and level; 人才项目/创新团队: level); empty for investment records.
  "headcount",
  "level",
  "highLevel",
  "employer",
] as const;

export type ExportRow = Record<(typeof EXPORT_FIELDS)[number], string | number | boolean | null>;

export function toExportRow(record: ReportRecord, unitName: string): ExportRow {
  return {
    id: record.id,
    unit: unitName,
    kind: KIND_LABEL[record.kind],
    date: record.date,
    project: record.project,
    amountYuan: record.amountYuan,
    amountUsd: record.amountUsd,
    industry: record.industry,
    manufacturing: record.manufacturing,
    source: record.source,
    place: record.place,
    counterpart: record.counterpart,
    text: record.text,
    reporter: record.reporter,
    channel: record.channel,
    messageId: record.messageId,
    createdAt: record.createdAt,
    revoked: record.revoked,
    signedOn: record.signedOn ?? null,
    headcount: record.headcount ?? null,
    level: record.level ?? null,
    highLevel: record.highLevel ?? null,
    employer: record.employer ?? null,
  };
}

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (=1+2, +SUM(1), @HYPERLINK…,
 * and tab/CR that Excel skips before one): the OWASP "CSV injection" rule.
 */
const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r"]);

/** Text that would start a formula gets a leading apostrophe, which Excel and WPS show as text. */
export function csvCell(text: string): string {
  return text.length > 0 && FORMULA_START.has(text[0]!) ? `'${text}` : text;
}

/**
 * One CSV line (RFC 4180): fields with commas, quotes or line breaks are quoted; null is empty.
 * Text cells are neutralised with csvCell; numbers and booleans are written exactly.
 */
export function csvLine(values: ReadonlyArray<string | number | boolean | null>): string {
  return values
    .map((v) => {
      if (v === null) return "";
      const s = typeof v === "string" ? csvCell(v) : String(v);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(",");
}
