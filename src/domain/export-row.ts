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
  };
}

/** One CSV line (RFC 4180): fields with commas, quotes or line breaks are quoted; null is empty. */
export function csvLine(values: ReadonlyArray<string | number | boolean | null>): string {
  return values
    .map((v) => {
      if (v === null) return "";
      const s = String(v);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(",");
}
