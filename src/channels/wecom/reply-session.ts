// One callback's answers leave in one call: a response_url works only once (protocol §1.7)
// and a stream's content is the whole text (§1.6). The reply function the dispatcher calls
// starts the send, which waits for dispatch to settle so every reply of the message goes out
// together — and nothing goes out when dispatch failed and WeCom is told to retry. The send
// promise is tracked, so the callback's 200 never waits for it while tests and shutdown can.
import type { ChannelReply } from "../../bot/dispatcher.ts";
import type { Reply } from "../../bot/types.ts";
import type { InFlight } from "../shared/in-flight.ts";

export interface ReplySession {
  reply: ChannelReply;
  /** Call once dispatch settled: true sends what was collected, false drops it. */
  settle(dispatched: boolean): void;
}

export function createReplySession(send: (replies: Reply[]) => Promise<unknown>, inFlight: InFlight): ReplySession {
  const replies: Reply[] = [];
  let settle!: (dispatched: boolean) => void;
  const settled = new Promise<boolean>((resolve) => (settle = resolve));
  return {
    async reply(reply) {
      replies.push(reply);
      if (replies.length === 1) inFlight.track(settled.then((ok) => (ok ? send(replies) : undefined)));
    },
    settle: (dispatched) => settle(dispatched),
  };
}
