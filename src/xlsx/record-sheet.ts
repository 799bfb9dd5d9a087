// 记录明细: every stored record in id order, the export fields with Chinese headers; revoked
// and superseded records stay in the list, marked in 状态. The one pass over the records: each
// record is also handed to `each` (the 项目台账's facts are folded from it).
import type { ReportRecord } from "../domain/record.ts";
import { KIND_LABEL } from "../domain/types.ts";
import type { Unit } from "../domain/unit.ts";
import type { Store } from "../store/types.ts";
import { RECORD_PAGE } from "../insights/ledger-data.ts";
import { sheetDate, wan } from "./cells.ts";
import type { ColumnSpec, XlsxWriter } from "./writer.ts";

const COLUMNS: ColumnSpec[] = [
  { header: "编号", width: 8, kind: "count" },
  { header: "单位", width: 14, kind: "text" },
  { header: "类型", width: 7, kind: "text" },
  { header: "日期", width: 11, kind: "date" },
  { header: "项目", width: 26, kind: "text" },
  { header: "金额（万元）", width: 12, kind: "wan" },
  { header: "金额（万美元）", width: 12, kind: "wan" },
  { header: "产业类别", width: 12, kind: "text" },
  { header: "是否制造业", width: 8, kind: "text" },
  { header: "来源地", width: 7, kind: "text" },
  { header: "地点", width: 10, kind: "text" },
  { header: "对方", width: 18, kind: "text" },
  { header: "原文", width: 40, kind: "text" },
  { header: "上报人", width: 12, kind: "text" },
  { header: "渠道", width: 9, kind: "text" },
  { header: "消息编号", width: 16, kind: "text" },
  { header: "录入时间", width: 20, kind: "text" },
  { header: "状态", width: 16, kind: "text" },
  // 招才引智: 引才's people and level, a team's or talent project's level, the employer or host.
  { header: "人数", width: 6, kind: "count" },
  { header: "层次/级别", width: 10, kind: "text" },
  { header: "用人/依托单位", width: 20, kind: "text" },
];

export async function writeRecordSheet(
  xlsx: XlsxWriter,
  store: Store,
  units: readonly Unit[],
  superseded: ReadonlyMap<number, number>,
  sheet: { title: string; tab?: number },
  each: (record: ReportRecord) => void = () => {},
): Promise<number> {
  const names = new Map(units.map((u) => [u.id, u.name]));
  const rows = xlsx.sheet({ name: "记录明细", title: sheet.title, columns: COLUMNS, tab: sheet.tab });
  let count = 0;
  for await (const record of store.records.allRecords(RECORD_PAGE)) {
    each(record);
    const replacedBy = superseded.get(record.id);
    const status = record.revoked ? "已撤销" : replacedBy !== undefined ? `已被 #${replacedBy} 更新` : "有效";
    rows.row([
      record.id,
      names.get(record.unitId) ?? record.unitId,
      KIND_LABEL[record.kind],
      sheetDate(record.date),
      record.project,
      wan(record.amountYuan),
      wan(record.amountUsd),
      record.industry,
      record.manufacturing === null ? null : record.manufacturing ? "是" : "否",
      record.source,
      record.place,
      record.counterpart,
      record.text,
      record.reporterName ?? record.reporter,
      record.channel,
      record.messageId,
      record.createdAt,
      status,
      record.headcount ?? null,
      record.level ?? null,
      record.employer ?? null,
    ]);
    if (++count % RECORD_PAGE === 0) await rows.flush();
  }
  return count;
}
