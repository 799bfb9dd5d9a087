// npm run import -- 台账.xlsx [--dry-run]: reads a clerk's ledger, shows what it would create and
// every problem (sheet, row, column), and writes only when there is no problem. Each record is
// stored through the same atomic Lua write as a chat report, under a key derived from the ledger
// (unit, project, stage or funds month), so importing the same file again writes nothing and an
// import cut short by a crash is completed by running it again.
import type { IndustryTable } from "./domain/industry.ts";
import { planLedgerSheet, type LedgerPlan, type LedgerRecordPlan } from "./domain/ledger-import.ts";
import { isPriorSheetName, planPriorSheet, type PriorPlan } from "./domain/prior-year-import.ts";
import { formatUsd, formatYuan } from "./domain/amount.ts";
import type { NewRecord } from "./domain/record.ts";
import { KIND_LABEL, type IsoDate, type ReportKind } from "./domain/types.ts";
import type { Store } from "./store/types.ts";
import { readXlsx } from "./xlsx/reader.ts";

export interface LedgerImportOptions {
  today: IsoDate;
  now: Date;
  industries: IndustryTable;
  dryRun: boolean;
}

export interface LedgerImportResult {
  ok: boolean;
  /** The preview / summary, in Chinese, for the terminal. */
  report: string;
  created: number;
  skipped: number;
}

/** Writes in flight at once (pipelined Lua calls on the one connection). */
const IN_FLIGHT = 256;

export async function importLedger(
  store: Store,
  data: Buffer | Uint8Array,
  options: LedgerImportOptions,
): Promise<LedgerImportResult> {
  let sheets: Awaited<ReturnType<typeof readXlsx>>;
  try {
    sheets = await readXlsx(data);
  } catch (error) {
    return { ok: false, report: `无法读取 xlsx 文件：${(error as Error).message}\n`, created: 0, skipped: 0 };
  }
  const units = new Map<string, { id: string; name: string }>();
  for (const u of await store.directory.listUnits())
    for (const n of [u.name, ...u.aliases]) units.set(n, { id: u.id, name: u.name });
  const year = Number(options.today.slice(0, 4));
  const ledgers: LedgerPlan[] = [];
  const priors: PriorPlan[] = [];
  const skippedSheets: string[] = [];
  for (const sheet of sheets) {
    const prior = isPriorSheetName(sheet.name) ? planPriorSheet(sheet.name, sheet.rows, year - 1, units) : null;
    const ledger = prior
      ? null
      : planLedgerSheet(sheet.name, sheet.rows, { today: options.today, units, industries: options.industries });
    if (prior) priors.push(prior);
    else if (ledger) ledgers.push(ledger);
    else skippedSheets.push(sheet.name);
  }
  const problems = [...ledgers.flatMap((l) => l.problems), ...priors.flatMap((p) => p.problems)];
  if (ledgers.length === 0 && priors.length === 0)
    problems.push("没有找到台账表头（需要「项目名称」和「责任单位」等列）");
  const unknownUnits = [
    ...new Set([...ledgers.flatMap((l) => l.unknownUnits), ...priors.flatMap((p) => p.unknownUnits)]),
  ];

  const { fresh, skipped, notes } = await partition(
    store,
    ledgers.flatMap((l) => l.records),
  );
  const lines: string[] = [];
  lines.push(`台账导入${options.dryRun ? "预览（演练，不写入）" : ""}：`);
  for (const l of ledgers)
    lines.push(
      `  工作表「${l.sheet}」：表头第${l.headerRows[0]}${l.headerRows[1] !== l.headerRows[0] ? `–${l.headerRows[1]}` : ""}行，项目 ${l.dataRows} 行`,
    );
  for (const p of priors)
    lines.push(`  工作表「${p.sheet}」：${p.year}年各单位月度数据 ${p.months.length} 行（用于同比）`);
  for (const s of skippedSheets) lines.push(`  工作表「${s}」：没有找到台账表头，已跳过`);
  lines.push(...summary(fresh));
  if (skipped > 0) lines.push(`已导入过的记录 ${skipped} 条，跳过（重复导入不会重复计数）。`);
  const allNotes = [...ledgers.flatMap((l) => l.notes), ...notes];
  if (allNotes.length) lines.push("说明：", ...allNotes.map((n) => `  - ${n}`));
  if (unknownUnits.length) lines.push(`未知单位（请先「添加单位」或设别名，不会自动新建）：${unknownUnits.join("、")}`);
  if (problems.length > 0) {
    lines.push(`问题 ${problems.length} 处，未导入任何内容：`, ...problems.map((p) => `  ${p}`));
    return { ok: false, report: `${lines.join("\n")}\n`, created: 0, skipped };
  }
  if (options.dryRun)
    return { ok: true, report: `${lines.join("\n")}\n没有问题。去掉 --dry-run 即可导入。\n`, created: 0, skipped };

  let created = 0;
  let repeats = 0;
  const createdAt = options.now.toISOString();
  // A window of writes in flight instead of batches that wait for their slowest write: Node
  // prepares the next writes while Redis runs the scripts. Each write is sent as it is started,
  // in plan order, so a project's records reach Redis in date order (the signing first).
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(IN_FLIGHT, fresh.length) }, async () => {
      while (next < fresh.length) {
        const r = fresh[next++]!;
        const result = await store.records.ingest(r.key, toRecord(r, createdAt), { mode: "new", name: r.project });
        if (result.status === "created") created++;
        // A once-per-project stage the project got meanwhile (another import key, a chat report): left as it is.
        else if (result.status === "repeat") repeats++;
      }
    }),
  );
  if (repeats > 0) lines.push(`${repeats} 条阶段记录该项目已经有了（每个项目只记一次），未重复导入。`);
  await store.records.setPriorMonths(priors.flatMap((p) => p.months));
  lines.push(
    `导入完成：新增记录 ${created} 条${priors.length ? `，上年月度数据 ${priors.reduce((n, p) => n + p.months.length, 0)} 行` : ""}。`,
  );
  return { ok: true, report: `${lines.join("\n")}\n`, created, skipped };
}

function toRecord(r: LedgerRecordPlan, createdAt: string): NewRecord {
  return {
    unitId: r.unitId,
    kind: r.kind,
    date: r.date,
    project: r.project,
    amountYuan: r.amountYuan,
    amountUsd: r.amountUsd,
    industry: r.industry,
    manufacturing: r.manufacturing,
    source: r.source,
    place: null,
    counterpart: r.counterpart,
    text: r.text,
    reporter: "ledger-import",
    reporterName: "台账导入",
    channel: "console",
    messageId: r.key,
    createdAt,
    ...(r.signedOn ? { signedOn: r.signedOn } : {}),
  };
}

/**
 * Splits planned records into new ones and ones already stored: by their import key, and — for a
 * project the bot already knows from chat reports — a stage it already has, or funds it already
 * has, are left to the chat records (never counted twice). Every read is batched: the import
 * keys in a few HMGETs, then the units' project names and the known projects with their records
 * in pipelined rounds (records already imported need neither).
 */
async function partition(
  store: Store,
  records: LedgerRecordPlan[],
): Promise<{ fresh: LedgerRecordPlan[]; skipped: number; notes: string[] }> {
  const fresh: LedgerRecordPlan[] = [];
  const notes: string[] = [];
  const existing = await store.reportRecordIds(records.map((r) => r.key));
  const open = records.filter((_, i) => existing[i] === null);
  const skipped = records.length - open.length;
  const unitIds = [...new Set(open.map((r) => r.unitId))];
  const names = await Promise.all(unitIds.map((id) => store.projects.namesOf(id)));
  const projectIds = new Map<string, string>();
  unitIds.forEach((unitId, i) => {
    for (const n of names[i]!) projectIds.set(projectKey(unitId, n.name), n.id);
  });
  const known = [...new Set(open.map((r) => projectIds.get(projectKey(r.unitId, r.project))))].filter(
    (id): id is string => id !== undefined,
  );
  /** Kinds of each known project's records that came from chat, not from a ledger. */
  const chatKinds = new Map<string, Set<string>>();
  /**
   * Import keys of ledger records the projects hold: the message-id map forgets keys after
   * 2 × MESSAGE_DEDUPE_DAYS, the records do not, so a ledger imported again weeks later still
   * changes nothing.
   */
  const imported = new Set<string>();
  for (let from = 0; from < known.length; from += PROJECT_BATCH) {
    const ids = known.slice(from, from + PROJECT_BATCH);
    const projects = await Promise.all(ids.map((id) => store.projects.getProject(id)));
    const histories = await Promise.all(
      projects.map((p) => Promise.all((p?.history ?? []).map((e) => store.records.getRecord(e.recordId)))),
    );
    ids.forEach((id, i) => {
      const kinds = new Set<string>();
      for (const rec of histories[i]!) {
        if (!rec || rec.revoked) continue;
        if (rec.messageId.startsWith("ledger:")) imported.add(rec.messageId);
        else kinds.add(rec.kind);
      }
      chatKinds.set(id, kinds);
    });
  }
  let lapsed = 0;
  for (const r of open) {
    if (imported.has(r.key)) {
      lapsed++;
      continue;
    }
    const id = projectIds.get(projectKey(r.unitId, r.project));
    const kinds = id === undefined ? undefined : chatKinds.get(id);
    // A 续建 and a 签约 are the same project's signing: either one from chat keeps the other out.
    const clash = [r.kind, ...(r.kind === "signing" ? ["carryOver"] : r.kind === "carryOver" ? ["signing"] : [])];
    const had = clash.find((k) => kinds?.has(k)) as ReportKind | undefined;
    if (had) {
      notes.push(`${r.unitName}「${r.project}」已有机器人上报的${KIND_LABEL[had]}记录，台账中的这一项不再导入。`);
      continue;
    }
    fresh.push(r);
  }
  return { fresh, skipped: skipped + lapsed, notes };
}

/** Known projects whose records are read together. */
const PROJECT_BATCH = 500;
const projectKey = (unitId: string, name: string) => `${unitId}\u0000${name}`;

function summary(records: readonly LedgerRecordPlan[]): string[] {
  const kinds = new Map<string, number>();
  const byUnit = new Map<
    string,
    {
      projects: Set<string>;
      signing: number;
      signingYuan: number;
      carryOver: number;
      fundsYuan: number;
      fundsUsd: number;
    }
  >();
  for (const r of records) {
    kinds.set(KIND_LABEL[r.kind], (kinds.get(KIND_LABEL[r.kind]) ?? 0) + 1);
    let u = byUnit.get(r.unitName);
    if (!u)
      byUnit.set(
        r.unitName,
        (u = { projects: new Set(), signing: 0, signingYuan: 0, carryOver: 0, fundsYuan: 0, fundsUsd: 0 }),
      );
    u.projects.add(r.project);
    if (r.kind === "signing") {
      u.signing++;
      u.signingYuan += r.amountYuan ?? 0;
    }
    if (r.kind === "carryOver") u.carryOver++;
    if (r.kind === "fundsArrived") {
      u.fundsYuan += r.amountYuan ?? 0;
      u.fundsUsd += r.amountUsd ?? 0;
    }
  }
  const projects = [...byUnit.values()].reduce((n, u) => n + u.projects.size, 0);
  const lines = [
    `将新增：单位 0 个（不自动新建），项目 ${projects} 个，记录 ${records.length} 条（${[...kinds].map(([k, n]) => `${k} ${n}`).join("、") || "无"}）`,
  ];
  const carried = [...byUnit.values()].reduce((n, u) => n + u.carryOver, 0);
  if (carried > 0) lines.push(`其中续建项目 ${carried} 个（往年签约，不计入今年签约个数和金额）`);
  if (byUnit.size) lines.push("按单位：");
  for (const [name, u] of byUnit) {
    lines.push(
      `  ${name}：项目 ${u.projects.size} 个，签约 ${u.signing} 个 ${formatYuan(u.signingYuan)}${u.carryOver ? `，续建 ${u.carryOver} 个` : ""}，到位 ${formatYuan(u.fundsYuan)}${u.fundsUsd ? ` + ${formatUsd(u.fundsUsd)}` : ""}`,
    );
  }
  return lines;
}
