// Core domain vocabulary. See glossary.md for the Chinese ↔ English names.

/** A civil date in China time (Asia/Shanghai), "YYYY-MM-DD". */
export type IsoDate = string;

export type ReportKind =
  | "visitOut"
  | "visitIn"
  | "negotiation"
  | "signing"
  | "fundsArrived"
  | "landed"
  | "started"
  | "producing"
  | "registered";

export const REPORT_KINDS: readonly ReportKind[] = [
  "visitOut",
  "visitIn",
  "negotiation",
  "signing",
  "fundsArrived",
  "landed",
  "started",
  "producing",
  "registered",
];

/** The Chinese keyword users type and exports show. */
export const KIND_LABEL: Record<ReportKind, string> = {
  visitOut: "走出去",
  visitIn: "请进来",
  negotiation: "在谈",
  signing: "签约",
  fundsArrived: "到位",
  landed: "落地",
  started: "开工",
  producing: "投产",
  registered: "入库",
};

/** Project milestones in lifecycle order (到位资金 does not move the stage). */
export const STAGE_ORDER = ["negotiation", "signing", "landed", "started", "producing", "registered"] as const;
export type Stage = (typeof STAGE_ORDER)[number];

export type Source = "省外" | "市外" | "境外";

export type Currency = "CNY" | "USD";

/** Exact money: integer yuan for CNY, integer US dollars for USD. */
export interface Money {
  currency: Currency;
  value: number;
}

export type ChannelName = "wecom" | "dingtalk" | "console";
