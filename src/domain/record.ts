// A stored report. Records are immutable once written; an undo only marks them revoked.
import type { ChannelName, IsoDate, ReportKind, Source } from "./types.ts";

export interface ReportRecord {
  id: number;
  unitId: string;
  kind: ReportKind;
  date: IsoDate;
  projectId: string | null;
  project: string | null;
  amountYuan: number | null;
  amountUsd: number | null;
  industry: string | null;
  manufacturing: boolean | null;
  source: Source | null;
  place: string | null;
  counterpart: string | null;
  text: string;
  reporter: string;
  reporterName: string | null;
  channel: ChannelName;
  messageId: string;
  /** Entered by an admin on the unit's behalf (代报): `reporter` is the admin, `unitId` the unit. */
  onBehalf?: boolean | null;
  /** A 续建 record: the day the project was signed, in an earlier year (`date` is the day it was entered). */
  signedOn?: IsoDate | null;
  /** 引才: how many people. */
  headcount?: number | null;
  /** 引才: the talent level (博士, 急需紧缺 …); 人才项目/创新团队: 国家级/省级/市级/县级. */
  level?: string | null;
  /** 引才: whether the level counted as 高层次人才 when stored (TALENT_HIGH_LEVELS then). */
  highLevel?: boolean | null;
  /** 招才引智: the employer or host (用人单位, 依托单位), as written. */
  employer?: string | null;
  /** ISO instant the record was written. */
  createdAt: string;
  /** Revoked, or superseded by a correction: it no longer counts. */
  revoked: boolean;
  /** The record that corrected this one (更正), when it was superseded. */
  supersededBy?: number | null;
  /** The record this one corrected. */
  corrects?: number | null;
}

/** What a command hands to the store: everything but what the store assigns. */
export type NewRecord = Omit<ReportRecord, "id" | "projectId" | "revoked" | "supersededBy" | "corrects">;

/** Signed projects of at least 1亿元 are a headline category of their own. */
export const BIG_SIGNING_YUAN = 100_000_000;
