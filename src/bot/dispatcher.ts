// The fixed pipeline every channel feeds: claim the message, identify the sender, route,
// authorise, run, answer, handle errors. It reads top to bottom on purpose.
//
// Idempotency is one step: every message is claimed under its messageKey before anything is
// answered (refusals included), so a platform's re-delivery is silent; a report's record is
// stored once inside its atomic write. The contract with a channel: `reply` resolves once the
// reply is handed to the platform (or queued for the callback's answer), and throws when it
// could not be; then the message is released, the dispatch throws InternalError, and the
// platform's retry answers it — a stored record's confirmation is sent then, once.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import type { Logger } from "pino";
import { chinaDate } from "../domain/china-time.ts";
import { isConfirmation } from "../domain/confirmation.ts";
import { detectReportKind } from "../domain/detect-kind.ts";
import { formatConfirmation, formatYearTotals } from "../domain/format-report.ts";
import { normalizeText, stripMention } from "../domain/normalize.ts";
import type { ReportRecord } from "../domain/record.ts";
import { KIND_LABEL } from "../domain/types.ts";
import type { Store } from "../store/types.ts";
import type { BotRules, Command, CommandContext } from "./define.ts";
import { UserError, userErrorText } from "./errors.ts";
import { matchCommand, type CommandMatch } from "./match.ts";
import { messageKey } from "./message-key.ts";
import type { IncomingMessage, Reply, ReplyFn } from "./types.ts";

/** Longer lines are refused unread: nobody types a report that long, and it bounds our work. */
export const MAX_LINE_CHARS = 1000;

export interface DispatchResult {
  ok: boolean;
  replies: Reply[];
  record: ReportRecord | null;
  /** A re-delivered message: nothing stored, nothing answered. */
  duplicate: boolean;
  /** What happened (the log line's outcome); absent in results built outside the dispatcher. */
  outcome?: Outcome;
  /**
   * Why a line was refused or asked about, for metrics: too-long, not-understood, cancelled,
   * not-bound, viewer-report, not-admin, or the refusing/asking command's name.
   */
  reason?: string;
}

export interface DispatcherDeps {
  store: Store;
  commands: readonly Command[];
  rules: BotRules;
  log: Logger;
  now: () => Date;
  /** Names the bot is @-mentioned by, stripped from the start of a line. */
  botNames?: readonly string[];
}

/** Thrown for failures that are not the user's: the channel answers so the platform retries. */
export class InternalError extends Error {
  constructor(
    readonly reference: string,
    override readonly cause: unknown,
  ) {
    super(`internal error ${reference}`);
    this.name = "InternalError";
  }
}

export function internalErrorText(error: InternalError): string {
  return `抱歉，处理时出错了（编号 ${error.reference}），请稍后再试；如一直出错请把编号告诉管理员。`;
}

/** The channel's send for one message's answers. */
export type ChannelReply = (reply: Reply) => Promise<void>;
export type Dispatch = (message: IncomingMessage, reply: ChannelReply) => Promise<DispatchResult>;

/** What the one log line per handled message says happened. */
export type Outcome = "stored" | "answered" | "asked" | "refused" | "duplicate" | "resent" | "error";

export function createDispatcher(deps: DispatcherDeps): Dispatch {
  const { store, commands, rules, log } = deps;

  return async function dispatch(message, channelReply) {
    const started = performance.now();
    const key = messageKey(message);
    const replies: Reply[] = [];
    const reply: ReplyFn = async (r) => {
      const normalized: Reply = typeof r === "string" ? { kind: "text", text: r } : r;
      replies.push(normalized);
      await channelReply(normalized);
    };
    let commandName: string | null = null;
    const finish = async (
      outcome: Outcome,
      ok: boolean,
      record: ReportRecord | null,
      reason?: string,
    ): Promise<DispatchResult> => {
      // The reply went out: failing to note it must not fail the message (the platform would
      // retry and the reporter be answered twice); at worst a late re-delivery answers again.
      if (outcome !== "duplicate")
        await store.messages
          .answered(key)
          .catch((err: unknown) => log.warn({ err, message: key }, "could not mark the message answered"));
      log.info(
        {
          message: key,
          command: commandName,
          outcome,
          record: record?.id ?? null,
          ms: Math.round(performance.now() - started),
        },
        "message handled",
      );
      return { ok, replies, record, duplicate: outcome === "duplicate", outcome, ...(reason ? { reason } : {}) };
    };
    const answer = async (ok: boolean, text: string, reason?: string): Promise<DispatchResult> => {
      await reply(text);
      return finish(ok ? "answered" : "refused", ok, null, ok ? undefined : reason);
    };

    const pendingRef = {
      channel: message.conversation.channel,
      conversation: message.conversation.id,
      sender: message.sender.id,
    };
    try {
      // One round trip: who the sender is is read alongside the claim (wasted only on a re-delivery).
      const [claim, identity] = await Promise.all([
        store.messages.claim(key, store.pending.keyOf(pendingRef)),
        store.directory.identify(message.sender.id),
      ]);
      if (!claim.owner) return await finish("duplicate", true, null);
      const pending = claim.pendingReading;
      if (claim.recordId !== null) {
        const record = await confirmAgain(claim.recordId, reply);
        return await finish("resent", true, record);
      }

      if (message.text.length > MAX_LINE_CHARS) {
        return await answer(
          false,
          `这条消息有 ${message.text.length} 个字，超过了 ${MAX_LINE_CHARS} 字的上限，未登记。请一条消息只报一件事。`,
          "too-long",
        );
      }
      const text = normalizeText(stripMention(message.text, deps.botNames));
      // A reading waiting for 「是」 is cancelled by anything else its sender says, which is then handled as a new line.
      const cancelled = pending && !isConfirmation(text);
      if (cancelled) await store.pending.drop(pendingRef);
      const matched = matchCommand(text, commands) ?? detectCommand(text);
      if (!matched) {
        if (cancelled)
          return await answer(
            false,
            "好的，上一条待确认的内容已取消，未登记。请直接发送更正后的完整内容。",
            "cancelled",
          );
        return await answer(
          false,
          text ? "没看懂这条消息。发送「帮助」查看可用的命令和示例。" : "在呢。发送「帮助」查看可用的命令和示例。",
          "not-understood",
        );
      }
      const { command } = matched;
      commandName = command.name;
      const now = deps.now();

      const { unit, admin } = identity;
      const isAdmin = admin || rules.configAdmins.includes(message.sender.id);
      // Viewer role (领导/观察员): asked only of senders in no unit and not admins.
      const isViewer = !unit && !isAdmin && (await store.directory.isViewer(message.sender.id));
      if (command.access === "member" && !unit) {
        return await answer(
          false,
          isViewer ? VIEWER_REPORT_TEXT : notBoundText(message.sender.id),
          isViewer ? "viewer-report" : "not-bound",
        );
      }
      if (command.access === "admin" && !isAdmin)
        return await answer(false, `「${matched.trigger}」只有管理员可以使用。`, "not-admin");

      const ctx: CommandContext = {
        message,
        args: matched.args,
        trigger: matched.trigger,
        now,
        today: chinaDate(now),
        unit,
        isAdmin,
        isViewer,
        store,
        rules,
        log: log.child({ command: command.name, message: key }),
        reply,
        commands,
        ...(matched.detected ? { detected: matched.detected } : {}),
      };
      try {
        const result = (await command.run(ctx as never)) ?? {};
        // Another handler stored this message's record meanwhile (it took over a stale claim): it answers.
        if (result.duplicate) return await finish("duplicate", true, null);
        const record = result.record ?? null;
        const outcome =
          record && !record.revoked ? "stored" : result.asked ? "asked" : result.ok === false ? "refused" : "answered";
        return await finish(
          outcome,
          result.ok ?? true,
          record,
          outcome === "asked" || outcome === "refused" ? command.name : undefined,
        );
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        return await answer(false, userErrorText(error), command.name);
      }
    } catch (error) {
      const reference = randomBytes(4).toString("hex");
      log.error({ err: error, reference, command: commandName, message: key }, "message failed");
      // The platform's retry handles it again; a record already stored gets its confirmation then.
      await store.messages.release(key).catch(() => undefined);
      log.info(
        { message: key, command: commandName, outcome: "error", ms: Math.round(performance.now() - started) },
        "message handled",
      );
      throw new InternalError(reference, error);
    }
  };

  /** A line that starts with no command word but plainly reports something goes to that kind's command. */
  function detectCommand(text: string): CommandMatch | null {
    const detected = detectReportKind(text);
    const command = detected && commands.find((c) => c.reportKind === detected.kind);
    if (!detected || !command) return null;
    return {
      command,
      trigger: KIND_LABEL[detected.kind],
      args: detected.body,
      detected: { confident: detected.confident },
    };
  }

  /** A record was stored for this message but its confirmation never went out: send it now. */
  async function confirmAgain(recordId: number, reply: ReplyFn): Promise<ReportRecord | null> {
    const record = await store.records.getRecord(recordId);
    if (!record) return null;
    const unit = await store.directory.getUnit(record.unitId);
    const unitName = unit?.name ?? record.unitId;
    const year = Number(record.date.slice(0, 4));
    const totals = await store.records.yearTotals(record.unitId, year);
    await reply(
      `${formatConfirmation(record, unitName)}\n\n${formatYearTotals(unitName, year, totals, unit?.targets ?? {})}`,
    );
    return record;
  }
}

export const VIEWER_REPORT_TEXT =
  "你是领导（观察员），可以查询总览、排名、周报和各单位进度，不能上报。如需上报，请管理员把你绑定到单位。";

export function notBoundText(userId: string): string {
  return [
    "你还没有绑定所属单位，暂时不能上报。",
    "请发送「加入 单位名称」，例如：加入 城西镇",
    `或请管理员发送：绑定 ${userId} 城西镇`,
  ].join("\n");
}
