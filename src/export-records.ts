// npm run export: every record, oldest first, streamed as a JSON array or as CSV (CRLF rows;
// with a BOM on request so that Excel reads the Chinese text as UTF-8).
import { csvLine, EXPORT_FIELDS, toExportRow } from "./domain/export-row.ts";
import type { Store } from "./store/types.ts";

export interface ExportOptions {
  format: "json" | "csv";
  bom?: boolean;
}

export async function writeExport(store: Store, out: NodeJS.WritableStream, options: ExportOptions): Promise<void> {
  const names = new Map((await store.directory.listUnits()).map((u) => [u.id, u.name]));
  const csv = options.format === "csv";
  let first = true;
  out.write(csv ? `${options.bom ? "\ufeff" : ""}${csvLine([...EXPORT_FIELDS])}\r\n` : "[");
  for await (const record of store.records.allRecords()) {
    const row = toExportRow(record, names.get(record.unitId) ?? record.unitId);
    out.write(
      csv ? `${csvLine(EXPORT_FIELDS.map((f) => row[f]))}\r\n` : `${first ? "\n" : ",\n"}${JSON.stringify(row)}`,
    );
    first = false;
  }
  if (!csv) out.write(first ? "]\n" : "\n]\n");
}
