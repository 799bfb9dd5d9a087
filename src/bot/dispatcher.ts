// The fixed pipeline every channel feeds: identify the sender, route, authorise, run, answer,
// handle errors. It reads top to bottom on purpose.
import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import { chinaDate } from "../domain/china-time.ts";
import { normalizeText, stripMention } from "../domain/normalize.ts";
import type { ReportRecord } from "../domain/record.ts";
import type { Store } from "../store/store.ts";
import type { BotRules, Command, CommandContext } from "./define.ts";
import { UserError, userErrorText } from "./errors.ts";
import { matchCommand } from "./match.ts";
import type { IncomingMessage, Reply, ReplyFn } from "./types.ts";

/** Longer lines are refused unread: nobody types a report that long, and it bounds our work. */
export const MAX_LINE_CHARS = 1000;

export interface DispatchResult {
  ok: boolean;
  replies: Reply[];
  record: ReportRecord | null;
  /** A re-delivered message: nothing stored, nothing answered. */
  duplicate: boolean;
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

export function createDispatcher(deps: DispatcherDeps): Dispatch {
  const { store, commands, rules, log } = deps;

  return async function dispatch(message, channelReply) {
    const replies: Reply[] = [];
    const reply: ReplyFn = async (r) => {
      const normalized: Reply = typeof r === "string" ? { kind: "text", text: r } : r;
      replies.push(normalized);
      await channelReply(normalized);
    };
    const answer = async (ok: boolean, text: string, record: ReportRecord | null = null): Promise<DispatchResult> => {
      await reply(text);
      return { ok, replies, record, duplicate: false };
    };
    const silent: DispatchResult = { ok: true, replies, record: null, duplicate: true };

    const messageKey = `${message.conversation.channel}:${message.id}`;
    /** Lines refused before routing are answered once too: platforms re-deliver them as well. */
    const refuse = async (text: string): Promise<DispatchResult> =>
      (await store.claimMessage(messageKey)) ? answer(false, text) : silent;

    if (message.text.length > MAX_LINE_CHARS) {
      return refuse(`这条消息有 ${message.text.length} 个字，超过了 ${MAX_LINE_CHARS} 字的上限，未登记。请一条消息只报一件事。`);
    }
    const text = normalizeText(stripMention(message.text, deps.botNames));
    const matched = matchCommand(text, commands);
    if (!matched) {
      return refuse(text ? "没看懂这条消息。发送「帮助」查看可用的命令和示例。" : "在呢。发送「帮助」查看可用的命令和示例。");
    }
    const { command } = matched;
    const now = deps.now();

    try {
      // Reports are deduplicated inside their atomic write; everything else by a claim.
      if (!command.writesReport && !(await store.claimMessage(messageKey))) return silent;

      const { unit, admin } = await store.directory.identify(message.sender.id);
      const isAdmin = admin || rules.configAdmins.includes(message.sender.id);

      if (command.access === "member" && !unit) {
        return answer(false, notBoundText(message.sender.id));
      }
      if (command.access === "admin" && !isAdmin) {
        return answer(false, `「${matched.trigger}」只有管理员可以使用。`);
      }

      const ctx: CommandContext = {
        message,
        args: matched.args,
        trigger: matched.trigger,
        now,
        today: chinaDate(now),
        unit,
        isAdmin,
        store,
        rules,
        log: log.child({ command: command.name, msg: messageKey }),
        reply,
        commands,
      };
      const result = (await command.run(ctx as never)) ?? {};
      if (result.duplicate) return silent;
      return { ok: result.ok ?? true, replies, record: result.record ?? null, duplicate: false };
    } catch (error) {
      if (error instanceof UserError) {
        // A re-delivered report can be refused as a repeat of itself ("already signed" by its
        // own first delivery): stay silent when this message was stored, and answer a refused
        // report only once.
        if (command.writesReport) {
          if ((await store.reportRecordId(messageKey)) !== null || !(await store.claimMessage(messageKey))) return silent;
        }
        return answer(false, userErrorText(error));
      }
      const reference = randomBytes(4).toString("hex");
      log.error({ err: error, reference, command: command.name, msg: messageKey }, "command failed");
      if (!command.writesReport) await store.releaseMessage(messageKey).catch(() => undefined);
      throw new InternalError(reference, error);
    }
  };
}

export function notBoundText(userId: string): string {
  return [
    "你还没有绑定所属单位，暂时不能上报。",
    "请发送「加入 单位名称」，例如：加入 城西镇",
    `或请管理员发送：绑定 ${userId} 城西镇`,
  ].join("\n");
}
