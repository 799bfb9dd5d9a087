// Records are stored as one positional JSON array per stream entry: ~180 bytes instead of a
// hash that leaves Redis's compact encoding as soon as one value passes 64 bytes. Kind and
// channel are small codes and createdAt is epoch milliseconds, which saves ~30 bytes a record.
import type { NewRecord, ReportRecord } from "../domain/record.ts";
import { REPORT_KINDS, type ChannelName } from "../domain/types.ts";

const CHANNELS: readonly ChannelName[] = ["console", "wecom", "dingtalk"];

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
] as const satisfies ReadonlyArray<keyof NewRecord>;

/** [kind, channel, createdAt ms, ...ORDER]; the project id is stored beside it by the script. */
export function encodeRecord(record: NewRecord): string {
  return JSON.stringify([
    REPORT_KINDS.indexOf(record.kind),
    CHANNELS.indexOf(record.channel),
    Date.parse(record.createdAt),
    ...ORDER.map((field) => record[field]),
  ]);
}

/**
 * `revokedInfo`: the record's entry in the revoked hash (JSON {by, at, s?}; s = the correcting
 * record), or null; `corrects`: the stream entry's c field (the record this one corrected).
 */
export function decodeRecord(id: number, projectId: string, json: string, revokedInfo: string | null, corrects?: string): ReportRecord {
  const [kind, channel, created, ...values] = JSON.parse(json) as [number, number, number, ...unknown[]];
  const fields = Object.fromEntries(ORDER.map((field, i) => [field, values[i] ?? null]));
  return {
    ...(fields as Pick<NewRecord, (typeof ORDER)[number]>),
    kind: REPORT_KINDS[kind]!,
    channel: CHANNELS[channel]!,
    createdAt: new Date(created).toISOString(),
    id,
    projectId: projectId === "" ? null : projectId,
    revoked: revokedInfo !== null,
    ...(revokedInfo?.includes('"s":') ? { supersededBy: (JSON.parse(revokedInfo) as { s: number }).s } : {}),
    ...(corrects ? { corrects: Number(corrects) } : {}),
  };
}
