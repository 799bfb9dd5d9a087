// 更正 #128 总投资 6亿: one field of a record, corrected atomically and audited. The old record is
// kept as superseded, the corrected one (a new number) links to it, and every total moves by the
// difference once. An admin may correct any record, a member their own.
import { defineCommand, type CommandContext } from "../src/bot/define.ts";
import { notBoundText } from "../src/bot/dispatcher.ts";
import { UserError } from "../src/bot/errors.ts";
import { messageKey } from "../src/bot/message-key.ts";
import { parseCorrection, type Correction } from "../src/domain/correction.ts";
import { formatConfirmation, formatMoneyOf, formatYearTotals } from "../src/domain/format-report.ts";
import { matchProject, suggestProjects } from "../src/domain/project-match.ts";
import type { NewRecord, ReportRecord } from "../src/domain/record.ts";
import { formatSigningDate } from "../src/domain/signing-date.ts";
import { KIND_LABEL, type ReportKind } from "../src/domain/types.ts";
import { carriesMoney, isNamedItem, isTalentKind, REPORT_KINDS } from "../src/domain/report-kinds.ts";
import { correctTalent } from "./lib/correct-talent.ts";
import type { ProjectTarget } from "../src/store/types.ts";
import { currentVersion } from "./lib/current-version.ts";
import { checkDate, checkMoney, CREATES_PROJECT, ONCE_PER_PROJECT, takeFromProject } from "./lib/record-report.ts";
import { repeatRefusal } from "./lib/repeat-refusal.ts";

const EXAMPLE = "更正 #122 总投资 6亿";
const MONEY_KINDS: ReadonlySet<ReportKind> = new Set(REPORT_KINDS.filter(carriesMoney));
const FIELD_LABEL = {
  money: "金额",
  date: "日期",
  project: "项目",
  industry: "产业",
  source: "来源",
  headcount: "人数",
  level: "层次",
  employer: "用人单位",
} as const;

export default defineCommand({
  name: "correct",
  triggers: ["更正", "修改"],
  group: "report",
  summary:
    "更正一条记录的一项（总投资/金额、日期、项目、产业、来源；续建记录的日期即签约日期；引才的人数、层次、用人单位），统计随之调整；管理员可更正任何记录",
  examples: [EXAMPLE, "更正 #129 日期 3月8日", "更正 #135 人数 5人"],
  access: "public",
  async run(ctx) {
    if (!ctx.unit && !ctx.isAdmin) {
      await ctx.reply(notBoundText(ctx.message.sender.id));
      return { ok: false };
    }
    const correction = parseCorrection(ctx.args, ctx.today, ctx.rules.industries);
    if (!correction.ok) throw new UserError(`更正未完成：${correction.problem}`, EXAMPLE);
    const found = await ctx.store.records.getRecord(correction.recordId);
    if (!found) throw new UserError(`没有编号为 #${correction.recordId} 的记录。`);
    const old = await currentVersion(ctx.store, found);
    if (old.revoked) throw new UserError(`#${old.id} 已经撤销，不能更正；请重新上报。`);
    if (old.reporter !== ctx.message.sender.id && !ctx.isAdmin) {
      throw new UserError(`#${old.id} 不是你登记的记录，只能更正自己的记录；如需更正请联系管理员。`);
    }
    const { next, target, before, after } = await corrected(ctx, old, correction);
    if (before === after)
      throw new UserError(`#${old.id} 的${FIELD_LABEL[correction.field]}已经是「${after}」，无需更正。`);

    const result = await ctx.store.records.correct(messageKey(ctx.message), old, next, target, {
      by: ctx.message.sender.id,
      at: ctx.now,
      oncePerProject: ONCE_PER_PROJECT.has(old.kind),
    });
    if (result.status === "duplicate") return { duplicate: true };
    if (result.status === "stale") throw new UserError(`#${old.id} 刚刚被撤销或更正过，请查看最新记录后再试。`);
    if (result.status === "repeat") {
      const { earlierId, earlierDate, earlierKind } = result;
      throw await repeatRefusal(ctx, next.project ?? "", old.kind, earlierId, earlierDate, earlierKind);
    }
    const stored = result.record;
    const unit = await ctx.store.directory.getUnit(stored.unitId);
    const unitName = unit?.name ?? stored.unitId;
    const year = Number(stored.date.slice(0, 4));
    await ctx.reply(
      [
        `✏️ 已更正 #${old.id} 的${FIELD_LABEL[correction.field]}：${before} → ${after}（原记录保留为已更正，新编号 #${stored.id}）`,
        "",
        formatConfirmation(stored, unitName),
        "",
        formatYearTotals(unitName, year, result.yearTotals, unit?.targets ?? {}),
      ].join("\n"),
    );
    return { record: stored };
  },
});

type Ok = Extract<Correction, { ok: true }>;

/** The corrected record, its project, and the field before and after, as shown in the reply. */
async function corrected(ctx: CommandContext, old: ReportRecord, c: Ok) {
  const { id: _id, projectId: _p, revoked: _r, supersededBy: _s, corrects: _c, ...fields } = old;
  const next: NewRecord = { ...fields, createdAt: ctx.now.toISOString() };
  let target: ProjectTarget = old.projectId ? { mode: "id", id: old.projectId } : { mode: "none" };
  const label = KIND_LABEL[old.kind];
  switch (c.field) {
    case "money": {
      if (!MONEY_KINDS.has(old.kind)) throw new UserError(`${label}记录没有金额可更正。`, EXAMPLE);
      checkMoney(ctx, { money: c.money }, EXAMPLE);
      next.amountYuan = c.money.currency === "CNY" ? c.money.value : null;
      next.amountUsd = c.money.currency === "USD" ? c.money.value : null;
      const show = (r: Pick<ReportRecord, "amountYuan" | "amountUsd">) => formatMoneyOf(r) ?? "无";
      return { next, target, before: show(old), after: show(next) };
    }
    case "date":
      if (old.kind === "carryOver") return correctSigningDate(ctx, old, next, target, c.date);
      if (c.date.length !== 10) throw new UserError("日期请写到哪一天，未更正。", "更正 #129 日期 3月8日");
      checkDate(ctx, { date: c.date }, "更正 #129 日期 3月8日");
      next.date = c.date;
      return { next, target, before: old.date, after: c.date };
    case "headcount":
    case "level":
    case "employer":
      return { next, target, ...correctTalent(ctx, old, next, c) };
    case "industry":
      if (!CREATES_PROJECT.has(old.kind) && !isTalentKind(old.kind))
        throw new UserError(`${label}记录的产业随项目，请更正该项目的签约（或在谈）记录。`);
      next.industry = c.industry;
      next.manufacturing = ctx.rules.industries.manufacturing.has(c.industry);
      return { next, target, before: old.industry ?? "无", after: c.industry };
    case "source":
      if (!CREATES_PROJECT.has(old.kind))
        throw new UserError(`${label}记录的来源随项目，请更正该项目的签约（或在谈）记录。`);
      next.source = c.source;
      return { next, target, before: old.source ?? "无", after: c.source };
    case "project": {
      if (isNamedItem(old.kind)) {
        next.project = c.project;
        const named: ProjectTarget = { mode: "new", name: c.project };
        return { next, target: named, before: old.project ?? "无", after: c.project };
      }
      if (isTalentKind(old.kind))
        throw new UserError(`${label}记录没有项目名称；用人单位请用「更正 #${old.id} 用人单位 …」。`);
      const candidates = await ctx.store.projects.namesOf(old.unitId);
      const match = matchProject(c.project, candidates);
      if (match) target = { mode: "id", id: match.id };
      else if (CREATES_PROJECT.has(old.kind)) target = { mode: "new", name: c.project };
      else {
        const suggestions = suggestProjects(c.project, candidates);
        const hint =
          suggestions.length > 0
            ? `你是不是要找：${suggestions.map((p) => `「${p.name}」`).join("、")}`
            : "新项目请先发「签约」或「在谈」登记。";
        throw new UserError(`还没有登记项目「${c.project}」，未更正。${hint}`);
      }
      next.project = match?.name ?? c.project;
      if (target.mode === "id" && !CREATES_PROJECT.has(old.kind)) {
        const facts = {
          industry: next.industry,
          manufacturing: next.manufacturing,
          source: next.source,
          date: next.date,
          dateGiven: true,
          project: next.project,
          money: null,
          place: null,
          counterpart: null,
        };
        await takeFromProject(ctx, await ctx.store.projects.getProject(target.id), facts);
        next.industry = facts.industry;
        next.manufacturing = facts.manufacturing;
        next.source = facts.source;
      }
      return { next, target, before: old.project ?? "无", after: next.project };
    }
  }
}

/** A 续建's date is its signing date: it must stay in an earlier year (the record keeps its entry date). */
function correctSigningDate(
  ctx: CommandContext,
  old: ReportRecord,
  next: NewRecord,
  target: ProjectTarget,
  date: string,
) {
  if (date.slice(0, 4) >= ctx.today.slice(0, 4))
    throw new UserError(
      `续建项目的签约日期应在往年，${date} 在今年，未更正。今年签约的项目请撤销后发「签约」登记。`,
      "更正 #12 签约日期 2025-05-12",
    );
  next.signedOn = date;
  return {
    next,
    target,
    before: old.signedOn ? formatSigningDate(old.signedOn) : "无",
    after: formatSigningDate(date),
  };
}
