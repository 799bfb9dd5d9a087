// Records are stored as one positional JSON array per stream entry: ~180 bytes instead of a
// hash that leaves Redis's compact encoding as soon as one value passes 64 bytes. Kind and
// channel are small codes and createdAt is epoch milliseconds, which saves ~30 bytes a record.
// The codes are explicit (kinds: src/domain/report-kinds.ts; channels: below) and pinned by
// tests/store/record-codec.test.ts: changing one would relabel every stored record.
import type { NewRecord, ReportRecord } from "../domain/record.ts";
import { kindCode, REPORT_KINDS } from "../domain/report-kinds.ts";
import type { ChannelName } from "../domain/types.ts";

/** The stored code of each channel. Never change or reuse one; a new channel takes the next number. */
export const CHANNEL_CODE = { console: 0, wecom: 1, dingtalk: 2 } as const satisfies Record<ChannelName, number>;
const CHANNEL_OF_CODE = new Map(
  Object.entries(CHANNEL_CODE).map(([name, code]) => [code as number, name as ChannelName]),
);

/** Report kinds by stored code (decoding looks one up per record). */
const KIND_OF_CODE = new Map(REPORT_KINDS.map((kind) => [kindCode(kind), kind]));

const ORDER = [
  "unitId",
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
  "messageId",
  // Appended last: records stored before it decode with null.
  "onBehalf",
  "signedOn",
  // 招才引智 (appended after signedOn; investment records leave them out).
  "headcount",
  "level",
  "highLevel",
  "employer",
] as const satisfies ReadonlyArray<keyof NewRecord>;

/** decodeRecord's object literal names the fields in ORDER's order: a new field goes in both. */
const DECODED_FIELDS = 20;
if (ORDER.length !== DECODED_FIELDS) throw new Error("record-codec: decodeRecord must read every field of ORDER");

/** [kind, channel, createdAt ms, ...ORDER]; the project id is stored beside it by the script. */
export function encodeRecord(record: NewRecord): string {
  const values: unknown[] = [kindCode(record.kind), CHANNEL_CODE[record.channel], Date.parse(record.createdAt)];
  for (const field of ORDER) values.push(record[field] ?? null);
  // Trailing nulls are left out (decodeRecord reads a missing tail as null): fields appended
  // later cost nothing on the records that do not use them, and older records keep their bytes.
  let end = values.length;
  while (end > 3 + ORDER.indexOf("messageId") + 1 && values[end - 1] === null) end--;
  return JSON.stringify(values.slice(0, end));
}

/**
 * `revokedInfo`: the record's entry in the revoked hash (JSON {by, at, s?}; s = the correcting
 * record), or null; `corrects`: the stream entry's c field (the record this one corrected).
 */
export function decodeRecord(
  id: number,
  projectId: string,
  json: string,
  revokedInfo: string | null,
  corrects?: string,
): ReportRecord {
  const values = JSON.parse(json) as unknown[];
  const [kind, channel, created] = values as [number, number, number];
  // Built field by field in one order (one object shape for every record): the 台账 export
  // decodes every record of the year, so this runs hundreds of thousands of times per export.
  // An object literal in ORDER's order (positions 3… of the stored array; a test pins that every
  // field round-trips), so V8 builds it with one fixed shape instead of keyed stores.
  const v = values as never[];
  const record = {
    unitId: v[3] ?? null,
    date: v[4] ?? null,
    project: v[5] ?? null,
    amountYuan: v[6] ?? null,
    amountUsd: v[7] ?? null,
    industry: v[8] ?? null,
    manufacturing: v[9] ?? null,
    source: v[10] ?? null,
    place: v[11] ?? null,
    counterpart: v[12] ?? null,
    text: v[13] ?? null,
    reporter: v[14] ?? null,
    reporterName: v[15] ?? null,
    messageId: v[16] ?? null,
    onBehalf: v[17] ?? null,
    signedOn: v[18] ?? null,
    headcount: v[19] ?? null,
    level: v[20] ?? null,
    highLevel: v[21] ?? null,
    employer: v[22] ?? null,
    kind: known(KIND_OF_CODE.get(kind), "report kind", kind),
    channel: known(CHANNEL_OF_CODE.get(channel), "channel", channel),
    createdAt: new Date(created).toISOString(),
    id,
    projectId: projectId === "" ? null : projectId,
    revoked: revokedInfo !== null,
  } as unknown as ReportRecord;
  if (revokedInfo?.includes('"s":')) record.supersededBy = (JSON.parse(revokedInfo) as { s: number }).s;
  if (corrects) record.corrects = Number(corrects);
  return record;
}

/** A code this version does not know means newer data or corruption: fail loudly, never mislabel. */
function known<T>(value: T | undefined, what: string, code: number): T {
  if (value === undefined) throw new Error(`stored record has unknown ${what} code ${code}`);
  return value;
}
