// Turns a clerk's 项目台账 sheet into the records the bot would have stored had it been used
// from January (补录): each stage a record dated at its own date, funds as dated records (per
// month when the ledger has month columns, else one record at the import date). Every problem is
// collected with its sheet, row and column; nothing is planned from a sheet with problems.
import { findLedgerColumns, columnLetter, type LedgerField, type ScaledField } from "./ledger-headers.ts";
import {
  cellText,
  isBlank,
  readAmount,
  readDate,
  readSource,
  readYesNo,
  WAN_USD,
  WAN_YUAN,
  type AmountScale,
  type Cell,
} from "./ledger-cells.ts";
import { monthEnd } from "./bulletin-period.ts";
import { addDays } from "./china-time.ts";
import { industryOfWord, type IndustryTable } from "./industry.ts";
import { KIND_LABEL, type IsoDate, type ReportKind, type Source } from "./types.ts";

export interface LedgerRecordPlan {
  /** Idempotency key: importing the same ledger again writes nothing. */
  key: string;
  unitId: string;
  unitName: string;
  project: string;
  kind: ReportKind;
  date: IsoDate;
  amountYuan: number | null;
  amountUsd: number | null;
  industry: string | null;
  manufacturing: boolean | null;
  source: Source | null;
  counterpart: string | null;
  text: string;
  /** A 续建 (signed before the import year): its signing date; `date` is the import date. */
  signedOn?: IsoDate;
}

export interface LedgerPlan {
  sheet: string;
  headerRows: [number, number];
  dataRows: number;
  projects: number;
  records: LedgerRecordPlan[];
  /** Things done on the clerk's behalf that the preview must say. */
  notes: string[];
  problems: string[];
  unknownUnits: string[];
}

export interface LedgerContext {
  today: IsoDate;
  /** Unit name or alias → unit. */
  units: ReadonlyMap<string, { id: string; name: string }>;
  industries: IndustryTable;
}

const STAGES = ["signing", "landed", "started", "producing", "registered"] as const;
const TOTAL_WORDS = ["小计", "合计", "总计"];

export function planLedgerSheet(
  sheet: string,
  rows: ReadonlyArray<readonly Cell[]>,
  ctx: LedgerContext,
): LedgerPlan | null {
  const cols = findLedgerColumns(rows);
  if (!cols) return null;
  const plan: LedgerPlan = {
    sheet,
    headerRows: [cols.headerStart + 1, cols.headerEnd + 1],
    dataRows: 0,
    projects: 0,
    records: [],
    notes: [],
    problems: [],
    unknownUnits: [],
  };
  const year = Number(ctx.today.slice(0, 4));
  const scaleOf = (which: ScaledField): AmountScale =>
    cols.scale[which] ?? (which.endsWith("Usd") ? WAN_USD : WAN_YUAN);
  for (const which of ["investment", "funds", "monthFunds", "investmentUsd", "fundsUsd"] as const) {
    if (cols.at[which] !== undefined && !cols.scale[which])
      plan.notes.push(
        `「${cols.header[which]}」列没有写金额单位，按${which.endsWith("Usd") ? "万美元" : "万元"}读取。`,
      );
  }
  const seen = new Map<string, number>();
  const unknown = new Set<string>();
  let totalOnly = 0;
  let splitTotal = 0;
  let carriedOver = 0;
  for (let r = cols.headerEnd + 1; r < rows.length; r++) {
    const row = rows[r]!;
    const excelRow = r + 1;
    const get = (f: LedgerField): Cell => (cols.at[f] === undefined ? null : (row[cols.at[f]!] ?? null));
    const where = (f: LedgerField) => `${sheet} 第${excelRow}行 ${columnLetter(cols.at[f]!)}列「${cols.header[f]}」`;
    if (row.every(isBlank)) continue;
    const name = cellText(get("project"));
    const unitText = cellText(get("unit"));
    if (TOTAL_WORDS.some((w) => name.includes(w) || (name === "" && unitText.includes(w)))) continue;
    if (!name) {
      plan.problems.push(`${where("project")}：缺项目名称`);
      continue;
    }
    plan.dataRows++;
    const before = plan.problems.length;
    const problem = (f: LedgerField, text: string) => plan.problems.push(`${where(f)}：${text}`);
    const unit = ctx.units.get(unitText);
    if (!unitText) problem("unit", "缺责任单位");
    else if (!unit) {
      unknown.add(unitText);
      problem("unit", `没有这个单位「${unitText}」`);
    }
    const dupKey = `${unit?.id ?? unitText}\u0000${name}`;
    if (seen.has(dupKey)) problem("project", `与第${seen.get(dupKey)}行是同一单位的同名项目`);
    seen.set(dupKey, excelRow);

    const read = <T>(f: LedgerField, result: { ok: true; value: T } | { ok: false; problem: string }): T | null => {
      if (result.ok) return result.value;
      problem(f, result.problem);
      return null;
    };
    const investment = read("investment", readAmount(get("investment"), scaleOf("investment")));
    const funds = read("funds", readAmount(get("funds"), scaleOf("funds")));
    const investmentUsd = read("investmentUsd", readAmount(get("investmentUsd"), scaleOf("investmentUsd")));
    const fundsUsd = read("fundsUsd", readAmount(get("fundsUsd"), scaleOf("fundsUsd")));
    const monthFunds = read("monthFunds", readAmount(get("monthFunds"), scaleOf("monthFunds")));
    const source = read("source", readSource(get("source")));
    const manufacturingCell = read("manufacturing", readYesNo(get("manufacturing")));
    const dates: Partial<Record<(typeof STAGES)[number], IsoDate>> = {};
    const beforeDates = plan.problems.length;
    for (const stage of STAGES) {
      const d = read(stage, readDate(get(stage), year));
      if (d && d > ctx.today) problem(stage, `日期 ${d} 在今天之后`);
      else if (d) dates[stage] = d;
    }
    const monthly: Array<{ month: number; amount: { currency: "CNY" | "USD"; value: number } }> = [];
    for (const m of cols.monthly) {
      const cell = row[m.column] ?? null;
      const amount = readAmount(cell, scaleOf("monthly"));
      if (!amount.ok)
        plan.problems.push(`${sheet} 第${excelRow}行 ${columnLetter(m.column)}列「${m.header}」：${amount.problem}`);
      else if (amount.value && amount.value.value > 0) monthly.push({ month: m.month, amount: amount.value });
    }
    const stageText = cellText(get("stage"));
    const hasStage = Object.keys(dates).length > 0;
    if (!hasStage && !stageText.includes("在谈") && plan.problems.length === beforeDates)
      problem(cols.at.signing !== undefined ? "signing" : "project", "没有签约（或落地、开工…）日期，无法记入对应月份");
    if (funds && monthFunds && funds.currency === monthFunds.currency && monthFunds.value > funds.value)
      problem("monthFunds", "本月到位大于累计到位");
    const monthlySum = monthly.reduce((s, m) => s + (m.amount.currency === "CNY" ? m.amount.value : 0), 0);
    if (monthly.length > 0 && funds && funds.currency === "CNY" && funds.value !== monthlySum) {
      problem("funds", `累计到位与各月到位之和（${monthlySum / 10_000}万元）不符`);
    }
    if (plan.problems.length > before || !unit) continue;

    plan.projects++;
    const industryText = cellText(get("industry"));
    const industry = industryText ? (industryOfWord(industryText, ctx.industries) ?? industryText) : null;
    const manufacturing = manufacturingCell ?? (industry ? ctx.industries.manufacturing.has(industry) : null);
    const investor = cellText(get("investor")) || null;
    const progress = cellText(get("progress")) || null;
    const base = {
      unitId: unit.id,
      unitName: unit.name,
      project: name,
      industry,
      manufacturing,
      source,
      counterpart: null as string | null,
    };
    type Amount = { currency: "CNY" | "USD"; value: number } | null;
    /** One record may carry yuan and dollars (a 总投资 in both columns). */
    const money = (a: Amount, b: Amount = null) => ({
      amountYuan: a?.currency === "CNY" ? a.value : b?.currency === "CNY" ? b.value : null,
      amountUsd: b?.currency === "USD" ? b.value : a?.currency === "USD" ? a.value : null,
    });
    const key = (suffix: string) => `ledger:${unit.id}:${name}:${suffix}`;
    const text = (kind: ReportKind) => `台账导入（${sheet}第${excelRow}行）：${KIND_LABEL[kind]} ${name}`;
    const planned: LedgerRecordPlan[] = [];
    if (!hasStage)
      planned.push({
        ...base,
        key: key("negotiation"),
        kind: "negotiation",
        date: ctx.today,
        counterpart: investor,
        ...money(investment, investmentUsd),
        text: text("negotiation"),
      });
    for (const stage of STAGES) {
      const date = dates[stage];
      if (!date) continue;
      const withDetails =
        stage === "signing" ? { counterpart: investor, ...money(investment, investmentUsd) } : money(null);
      // Signed in an earlier year: a 续建 project, registered at the import date, not a signing of this year.
      const carried = stage === "signing" && Number(date.slice(0, 4)) < year;
      if (carried) carriedOver++;
      const kind = carried ? "carryOver" : stage;
      const when = carried ? { date: ctx.today, signedOn: date } : { date };
      planned.push({ ...base, key: key(kind), kind, ...when, ...withDetails, text: text(kind) });
    }
    const fundsRecord = (suffix: string, date: IsoDate, amount: { currency: "CNY" | "USD"; value: number }) =>
      planned.push({
        ...base,
        key: key(`fundsArrived:${suffix}`),
        kind: "fundsArrived",
        date,
        ...money(amount),
        text: text("fundsArrived"),
      });
    if (monthly.length > 0) {
      for (const m of monthly) {
        const end = monthEnd(year, m.month);
        fundsRecord(`${year}-${String(m.month).padStart(2, "0")}`, end > ctx.today ? ctx.today : end, m.amount);
      }
    } else if (funds && monthFunds && funds.currency === monthFunds.currency && monthFunds.value > 0) {
      if (funds.value > monthFunds.value)
        fundsRecord("before-month", addDays(`${ctx.today.slice(0, 7)}-01`, -1), {
          currency: funds.currency,
          value: funds.value - monthFunds.value,
        });
      fundsRecord("month", ctx.today, monthFunds);
      splitTotal++;
    } else if (funds && funds.value > 0) {
      fundsRecord("total", ctx.today, funds);
      totalOnly++;
    }
    if (fundsUsd && fundsUsd.value > 0) fundsRecord("total-usd", ctx.today, fundsUsd);
    // In the order things happened: a 续建 at its signing date.
    const at = (p: LedgerRecordPlan) => p.signedOn ?? p.date;
    planned.sort((a, b) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : 0));
    if (progress && planned.length > 0) planned[planned.length - 1]!.text = progress;
    plan.records.push(...planned);
  }
  if (totalOnly > 0)
    plan.notes.push(`${totalOnly} 个项目只有累计到位，按导入日 ${ctx.today} 记为一笔到位（计入本月）。`);
  if (splitTotal > 0)
    plan.notes.push(`${splitTotal} 个项目按「累计 − 本月」记在上月末、「本月到位」记在导入日 ${ctx.today}。`);
  if (carriedOver > 0)
    plan.notes.push(
      `${carriedOver} 个项目签约时间在${year}年之前，按续建项目导入（不计入今年签约；之后的落地、开工、到位按各自日期计入）。`,
    );
  plan.unknownUnits = [...unknown];
  return plan;
}
