// Core domain vocabulary. See glossary.md for the Chinese ↔ English names.

/** A civil date in China time (Asia/Shanghai), "YYYY-MM-DD". */
export type IsoDate = string;

// Report kinds live in one table (report-kinds.ts); re-exported here for code that imports them
// with the other vocabulary.
export { KIND_LABEL, REPORT_KINDS, STAGE_ORDER, type ReportKind, type Stage } from "./report-kinds.ts";

export type Source = "省外" | "市外" | "境外";

export type Currency = "CNY" | "USD";

/** Exact money: integer yuan for CNY, integer US dollars for USD. */
export interface Money {
  currency: Currency;
  value: number;
}

export type ChannelName = "wecom" | "dingtalk" | "console";
