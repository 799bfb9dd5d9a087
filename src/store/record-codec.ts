// Records are stored as a positional JSON array: a stream entry of ~200 bytes instead of a
// hash that leaves Redis's compact encoding as soon as one value passes 64 bytes.
import type { NewRecord, ReportRecord } from "../domain/record.ts";

const ORDER = [
  "unitId",
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
  "reporterName",
  "channel",
  "messageId",
  "createdAt",
] as const satisfies ReadonlyArray<keyof NewRecord>;

export function encodeRecord(record: NewRecord): string {
  return JSON.stringify(ORDER.map((field) => record[field]));
}

export function decodeRecord(id: number, projectId: string, json: string, revoked: boolean): ReportRecord {
  const values = JSON.parse(json) as unknown[];
  const record = Object.fromEntries(ORDER.map((field, i) => [field, values[i] ?? null])) as unknown as NewRecord;
  return { ...record, id, projectId: projectId === "" ? null : projectId, revoked };
}
