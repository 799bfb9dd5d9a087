// The shared flow of the report commands: parse, check, resolve the project, store once,
// confirm with the unit's running totals.
import { defineCommand, type Command, type ContextFor } from "../../src/bot/define.ts";
import { UserError } from "../../src/bot/errors.ts";
import { messageKey } from "../../src/bot/message-key.ts";
import { formatUsd, formatYuan } from "../../src/domain/amount.ts";
import { daysBetween } from "../../src/domain/china-time.ts";
import { formatConfirmation, formatYearTotals } from "../../src/domain/format-report.ts";
import { formatReading } from "../../src/domain/format-reading.ts";
import { matchProject, suggestProjects } from "../../src/domain/project-match.ts";
import type { Project } from "../../src/domain/project.ts";
import type { NewRecord } from "../../src/domain/record.ts";
import { parseReportBody, type ParseOutcome, type ReportFields } from "../../src/domain/report-parser.ts";
import { refuseRepeat, refuseUndone, repeatRefusal } from "./repeat-refusal.ts";
import { createsProject, isNamedItem, oncePerProject, REPORT_KINDS } from "../../src/domain/report-kinds.ts";
import { KIND_LABEL, type ReportKind } from "../../src/domain/types.ts";
import type { ProjectTarget } from "../../src/store/types.ts";
import { refuseNamedRepeat, talentRecordFields } from "./talent-report.ts";

type Ctx = ContextFor<"member">;

interface ReportSpec {
  name: string;
  kind: ReportKind;
  triggers: readonly string[];
  summary: string;
  examples: readonly string[];
  /**
   * Reads the line when the kind needs more than parseReportBody (续建: its signing date first;
   * 招才引智: headcount, level and employer).
   */
  parse?: (body: string, ctx: Pick<Ctx, "today" | "rules">) => ParseOutcome;
}

/** Kinds that create or update a project; the rest must name an existing one. */
export const CREATES_PROJECT: ReadonlySet<ReportKind> = new Set(REPORT_KINDS.filter(createsProject));
/** Kinds that happen once per project: a second report is almost always a colleague's duplicate. */
export const ONCE_PER_PROJECT: ReadonlySet<ReportKind> = new Set(REPORT_KINDS.filter(oncePerProject));

export function reportCommand(spec: ReportSpec): Command {
  if (spec.examples[0]) EXAMPLES.set(spec.kind, spec.examples[0]);
  return defineCommand({
    name: spec.name,
    triggers: spec.triggers,
    group: "report",
    summary: spec.summary,
    examples: spec.examples,
    access: "member",
    reportKind: spec.kind,
    run: (ctx) => recordReport(ctx, spec),
  });
}

/** A correct example for each kind, for refusals (the first example of its command). */
const EXAMPLES = new Map<ReportKind, string>();

async function recordReport(ctx: Ctx, spec: ReportSpec) {
  const example = spec.examples[0];
  checkActive(ctx);
  const parsed = spec.parse
    ? spec.parse(ctx.args, ctx)
    : parseReportBody(spec.kind, ctx.args, { today: ctx.today, industries: ctx.rules.industries });
  if (!parsed.ok) throw new UserError(`${KIND_LABEL[spec.kind]}未登记：${parsed.problem}`, example);
  const fields = parsed.fields;
  // Never store a guess: a doubt of the parser, or a kind guessed from a line without its keyword.
  const doubt = parsed.doubt ?? (ctx.detected && !ctx.detected.confident ? "" : null);
  if (doubt !== null) {
    // What would be refused anyway is refused now rather than asked about.
    checkFields(ctx, spec.kind, fields);
    await resolveProject(ctx, spec.kind, fields);
    return ask(ctx, spec.kind, fields, doubt);
  }
  return storeReading(ctx, spec.kind, fields, { text: ctx.message.text, messageId: ctx.message.id });
}

function checkActive(ctx: Ctx) {
  if (ctx.unit.inactive)
    throw new UserError(`「${ctx.unit.name}」已停用，不能再为它上报。如已调整到其他单位，请联系管理员重新绑定。`);
}

function checkFields(ctx: Ctx, kind: ReportKind, fields: ReportFields) {
  checkDate(ctx, fields, EXAMPLES.get(kind));
  checkMoney(ctx, fields, EXAMPLES.get(kind));
}

/** Stores nothing: keeps the reading for the sender's 「是」 and asks. */
async function ask(ctx: Ctx, kind: ReportKind, fields: ReportFields, doubt: string) {
  const minutes = ctx.rules.pendingReadingMinutes ?? 10;
  const expiresAt = new Date(ctx.now.getTime() + minutes * 60_000).toISOString();
  await ctx.store.pending.put(
    pendingRef(ctx),
    { kind, fields, text: ctx.message.text, messageId: ctx.message.id, expiresAt },
    minutes * 60_000,
  );
  await ctx.reply(questionText(kind, fields, doubt, minutes));
  return { ok: false, asked: true };
}

export function questionText(kind: ReportKind, fields: ReportFields, doubt: string, minutes: number): string {
  return [
    `我理解为：${formatReading(kind, fields)}`,
    ...(doubt ? [doubt] : []),
    `回复「是」登记，或直接发送更正后的内容。（${minutes}分钟内有效）`,
  ].join("\n");
}

export function pendingRef(ctx: Pick<Ctx, "message">) {
  const { message } = ctx;
  return { channel: message.conversation.channel, conversation: message.conversation.id, sender: message.sender.id };
}

/**
 * Checks a reading, resolves its project and stores it once, atomically (for a confirmed
 * reading: only while it is still pending), then confirms with the unit's running totals.
 */
export async function storeReading(
  ctx: Ctx,
  kind: ReportKind,
  fields: ReportFields,
  source: { text: string; messageId: string },
  pending?: { key: string; token: string },
) {
  checkActive(ctx);
  checkFields(ctx, kind, fields);
  const target = await resolveProject(ctx, kind, fields);
  if (target.mode === "id" && !CREATES_PROJECT.has(kind)) await takeFromProject(ctx, target.project, fields);
  const record: NewRecord = {
    unitId: ctx.unit.id,
    kind,
    date: fields.date,
    project: target.mode === "none" ? null : target.name,
    amountYuan: fields.money?.currency === "CNY" ? fields.money.value : null,
    amountUsd: fields.money?.currency === "USD" ? fields.money.value : null,
    industry: fields.industry,
    manufacturing: fields.manufacturing,
    source: fields.source,
    place: fields.place,
    counterpart: fields.counterpart,
    ...talentRecordFields(fields),
    text: source.text,
    reporter: ctx.message.sender.id,
    reporterName: ctx.message.sender.name ?? null,
    ...(ctx.onBehalf ? { onBehalf: true } : {}),
    ...(fields.signedOn ? { signedOn: fields.signedOn } : {}),
    channel: ctx.message.conversation.channel,
    messageId: source.messageId,
    createdAt: ctx.now.toISOString(),
  };
  const storeTarget: ProjectTarget = target.mode === "id" ? { mode: "id", id: target.id } : target;
  const result = await ctx.store.records.ingest(messageKey(ctx.message), record, storeTarget, {
    oncePerProject: ONCE_PER_PROJECT.has(kind),
    ...(pending ? { pending } : {}),
  });
  if (result.status === "duplicate") return { duplicate: true };
  if (result.status === "gone") throw new UserError("这条待确认的内容已经登记过或已取消，未重复登记。");
  if (result.status === "repeat") {
    const name = target.mode === "none" ? "" : target.name;
    throw await repeatRefusal(ctx, name, kind, result.earlierId, result.earlierDate, result.earlierKind);
  }
  const { record: stored, yearTotals } = result;
  const year = Number(stored.date.slice(0, 4));
  await ctx.reply(
    `${formatConfirmation(stored, ctx.unit.name)}\n\n${formatYearTotals(ctx.unit.name, year, yearTotals, ctx.unit.targets)}`,
  );
  return { record: stored };
}

export function checkDate(
  ctx: Pick<Ctx, "today" | "rules">,
  fields: Pick<ReportFields, "date">,
  example: string | undefined,
) {
  const ahead = daysBetween(ctx.today, fields.date);
  if (ahead > 0) {
    throw new UserError(`日期 ${fields.date} 还没到（今天是 ${ctx.today}），不能登记未来的事项，未登记。`, example);
  }
  if (-ahead > ctx.rules.maxAgeDays) {
    throw new UserError(
      `日期 ${fields.date} 距今已超过 ${ctx.rules.maxAgeDays} 天，未登记。较早的事项请联系管理员补录。`,
      example,
    );
  }
}

export function checkMoney(ctx: Pick<Ctx, "rules">, fields: Pick<ReportFields, "money">, example: string | undefined) {
  const money = fields.money;
  if (!money) return;
  const show = money.currency === "USD" ? formatUsd : formatYuan;
  if (money.value <= 0) throw new UserError("金额必须大于 0，未登记。", example);
  if (money.value > ctx.rules.amountCeiling) {
    throw new UserError(
      `金额 ${show(money.value)} 超过上限 ${show(ctx.rules.amountCeiling)}，请核对单位（万/亿），未登记。`,
      example,
    );
  }
}

type Resolved =
  | { mode: "none" }
  | { mode: "new"; name: string }
  /** The project as read once for the checks and for its industry and source. */
  | { mode: "id"; id: string; name: string; project: Project | null };

async function resolveProject(ctx: Ctx, kind: ReportKind, fields: ReportFields): Promise<Resolved> {
  if (!fields.project) return { mode: "none" };
  if (isNamedItem(kind)) {
    await refuseNamedRepeat(ctx.store, ctx.unit.id, kind, fields.project);
    return { mode: "new", name: fields.project };
  }
  const candidates = await ctx.store.projects.namesOf(ctx.unit.id);
  const match = matchProject(fields.project, candidates);
  if (match) {
    const project = await ctx.store.projects.getProject(match.id);
    if (project && ONCE_PER_PROJECT.has(kind)) await refuseRepeat(ctx, kind, project);
    if (project && !CREATES_PROJECT.has(kind)) refuseUndone(kind, project, EXAMPLES.get("signing"));
    return { mode: "id", id: match.id, name: match.name, project };
  }
  if (CREATES_PROJECT.has(kind)) return { mode: "new", name: fields.project };
  const suggestions = suggestProjects(fields.project, candidates);
  const hint = suggestions.length > 0 ? `\n你是不是要找：${suggestions.map((p) => `「${p.name}」`).join("、")}` : "";
  throw new UserError(
    `${ctx.unit.name}还没有登记项目「${fields.project}」，${KIND_LABEL[kind]}未登记。${hint}\n新项目请先发「签约」或「在谈」登记。`,
    EXAMPLES.get(kind),
  );
}

/**
 * 到位 and milestones carry their project's industry and source, never their own wording's: one
 * project has one industry on every record. They come from the latest 签约 (else 在谈) that
 * gave them (a 续建 is the project's signing); a source the project never had may come from the
 * line (境外 for dollars).
 */
export async function takeFromProject(
  ctx: Pick<Ctx, "store" | "rules">,
  project: Project | null,
  fields: ReportFields,
) {
  const defining = [...(project?.history ?? [])]
    .filter((event) => CREATES_PROJECT.has(event.kind))
    .sort((a, b) => signingFirst(a.kind) - signingFirst(b.kind) || b.recordId - a.recordId);
  let industry: string | null = null;
  let source: ReportFields["source"] = null;
  for (const event of defining) {
    const earlier = await ctx.store.records.getRecord(event.recordId);
    if (!earlier || earlier.revoked) continue;
    industry ??= earlier.industry;
    source ??= earlier.source;
    if (industry && source) break;
  }
  fields.industry = industry;
  fields.manufacturing = industry ? ctx.rules.industries.manufacturing.has(industry) : null;
  fields.source = source ?? fields.source;
}

/** 签约 and 续建 define a project before 在谈 does. */
const signingFirst = (kind: ReportKind): number => (kind === "signing" || kind === "carryOver" ? 0 : 1);
