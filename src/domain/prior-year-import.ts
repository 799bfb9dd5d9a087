// Last year's figures per unit and month (a sheet named 上年…/去年…), so that 同比 works from the
// first 通报. Columns by header: 单位, 月份, 到位资金, 签约项目, 亿元以上, 签约金额, 走出去, 请进来.
import { cellText, isBlank, readAmount, scaleOfHeader, WAN_YUAN, type Cell } from "./ledger-cells.ts";
import { columnLetter, normalizeHeader } from "./ledger-headers.ts";
import type { TotalField } from "./totals.ts";

export interface PriorMonth {
  unitId: string;
  unitName: string;
  /** "2025-10". */
  month: string;
  figures: Partial<Record<TotalField, number>>;
}

export interface PriorPlan {
  sheet: string;
  year: number;
  months: PriorMonth[];
  problems: string[];
  unknownUnits: string[];
}

export const isPriorSheetName = (name: string) => name.includes("上年") || name.includes("去年");

type PriorField = "unit" | "month" | TotalField;

function priorField(header: string): PriorField | null {
  const t = normalizeHeader(header);
  if (t.includes("单位") || t === "乡镇") return "unit";
  if (t === "月份" || t === "月") return "month";
  if (t.includes("亿元以上")) return "bigSigning";
  if (t.includes("签约金额") || t.includes("签约额")) return "signingYuan";
  if (t.includes("签约")) return "signing";
  if (t.includes("到位")) return "fundsYuan";
  if (t.includes("走出去")) return "visitOut";
  if (t.includes("请进来")) return "visitIn";
  return null;
}

export function planPriorSheet(
  sheet: string,
  rows: ReadonlyArray<readonly Cell[]>,
  year: number,
  units: ReadonlyMap<string, { id: string; name: string }>,
): PriorPlan | null {
  const headerIndex = rows.findIndex(
    (r, i) =>
      i < 10 && r.some((c) => priorField(cellText(c)) === "unit") && r.some((c) => priorField(cellText(c)) === "month"),
  );
  if (headerIndex < 0) return null;
  const at = new Map<PriorField, { column: number; header: string }>();
  rows[headerIndex]!.forEach((c, column) => {
    const header = cellText(c);
    const field = priorField(header);
    if (field && !at.has(field)) at.set(field, { column, header });
  });
  const plan: PriorPlan = { sheet, year, months: [], problems: [], unknownUnits: [] };
  const unknown = new Set<string>();
  const seen = new Set<string>();
  for (let r = headerIndex + 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.every(isBlank)) continue;
    const where = (f: PriorField) =>
      `${sheet} 第${r + 1}行 ${columnLetter(at.get(f)!.column)}列「${at.get(f)!.header}」`;
    const unitText = cellText(row[at.get("unit")!.column] ?? null);
    const unit = units.get(unitText);
    if (!unit) {
      if (unitText.includes("合计") || unitText.includes("全县")) continue;
      unknown.add(unitText || "（空）");
      plan.problems.push(`${where("unit")}：没有这个单位「${unitText}」`);
      continue;
    }
    const monthText = cellText(row[at.get("month")!.column] ?? null).replace(/月份?$/, "");
    const month = Number(monthText);
    if (!Number.isInteger(month) || month < 1 || month > 12) {
      plan.problems.push(`${where("month")}：月份应为 1–12，不是「${monthText}」`);
      continue;
    }
    const key = `${unit.id}-${month}`;
    if (seen.has(key)) plan.problems.push(`${where("month")}：${unit.name} ${month}月 重复`);
    seen.add(key);
    const figures: PriorMonth["figures"] = {};
    for (const [field, { column, header }] of at) {
      if (field === "unit" || field === "month") continue;
      const cell = row[column] ?? null;
      const money = field === "fundsYuan" || field === "signingYuan";
      const read = readAmount(
        cell,
        money ? (scaleOfHeader(header) ?? WAN_YUAN) : { currency: "CNY", factor: 1, label: "个" },
      );
      if (
        !read.ok ||
        (read.value && (read.value.currency !== "CNY" || (!money && !Number.isInteger(read.value.value))))
      ) {
        plan.problems.push(`${where(field)}：${read.ok ? "应为人民币金额或整数" : read.problem}`);
      } else if (read.value) figures[field] = read.value.value;
    }
    plan.months.push({
      unitId: unit.id,
      unitName: unit.name,
      month: `${year}-${String(month).padStart(2, "0")}`,
      figures,
    });
  }
  plan.unknownUnits = [...unknown];
  return plan;
}
