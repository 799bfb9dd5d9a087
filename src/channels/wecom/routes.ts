// The intelligent robot's URL callback (protocol §1): GET verifies the URL, POST carries
// {"encrypt": …} (§1.3). The callback is answered with an empty 200 once the report is stored
// (§1.6 allows the empty body); the reply goes out once through response_url as markdown (§1.7).
import type Router from "@koa/router";
import type { CallbackDeps } from "./callback-handler.ts";
import { createCallbackRouter } from "./callback-handler.ts";
import type { WecomCrypto } from "./crypto.ts";
import { MalformedPayloadError, parseRobotCallback } from "./parse.ts";
import { replyMarkdown } from "./render.ts";
import type { InFlight } from "../shared/in-flight.ts";
import { createReplySession } from "./reply-session.ts";
import type { ResponseUrlClient } from "./response-url-client.ts";

export const ROBOT_CALLBACK_PATH = "/wecom/callback";

export interface RobotRoutesOptions extends CallbackDeps {
  /** receiveid "" (§1.1). */
  crypto: WecomCrypto;
  responseUrl: ResponseUrlClient;
  /** Where reply sends are tracked, so tests and shutdown can await them. */
  inFlight: InFlight;
  path?: string;
}

export function createRobotRoutes(options: RobotRoutesOptions): Router {
  const { log, inFlight } = options;
  return createCallbackRouter(
    options.path ?? ROBOT_CALLBACK_PATH,
    {
      name: "robot",
      crypto: options.crypto,
      encryptedOf(body) {
        let json: unknown;
        try {
          json = JSON.parse(body);
        } catch {
          throw new MalformedPayloadError("body is not JSON");
        }
        const encrypt = (json as { encrypt?: unknown } | null)?.encrypt;
        if (typeof encrypt !== "string" || !encrypt) throw new MalformedPayloadError("body has no encrypt field");
        return encrypt;
      },
      parse: (plaintext, receivedAt) => parseRobotCallback(plaintext, { receivedAt }),
      open({ message, responseUrl }) {
        const session = createReplySession(async (replies) => {
          if (!responseUrl) {
            log.warn({ msgid: message.id }, "message has no response_url: reply not sent");
            return;
          }
          await options.responseUrl.send(responseUrl, replyMarkdown(replies), { msgid: message.id });
        }, inFlight);
        return {
          reply: session.reply,
          done: () => {
            session.settle(true);
            return undefined;
          },
          failed: () => session.settle(false),
        };
      },
    },
    options,
  );
}
