// The self-built application's XML callback (protocol §2): one-to-one chats with the app only
// (§2.1: apps never receive group messages). Same pipeline as the robot; receiveid = CorpID.
// Apps have no response_url: the answer goes back as the encrypted passive reply in the 200
// itself (§2.5). Dispatch has handed over every reply by the time it resolves, well inside the
// 5 s WeCom waits (§2.6), and this needs no app secret or access token.
import type Router from "@koa/router";
import type { Reply } from "../../bot/types.ts";
import type { CallbackDeps } from "./callback-handler.ts";
import { createCallbackRouter } from "./callback-handler.ts";
import type { WecomCrypto } from "./crypto.ts";
import { MalformedPayloadError, parseAppMessage } from "./parse.ts";
import { replyPlain, shortenToBytes, TEXT_MAX_BYTES } from "./render.ts";
import { cdata, readXmlFields, XmlFormatError } from "./xml.ts";

export const APP_CALLBACK_PATH = "/wecom/app/callback";

export interface AppRoutesOptions extends CallbackDeps {
  /** receiveid = corpId (§2.2). */
  crypto: WecomCrypto;
  corpId: string;
  path?: string;
}

export function createAppRoutes(options: AppRoutesOptions): Router {
  const { crypto, corpId } = options;
  return createCallbackRouter(
    options.path ?? APP_CALLBACK_PATH,
    {
      name: "app",
      crypto,
      encryptedOf(body) {
        let encrypt: string | undefined;
        try {
          encrypt = readXmlFields(body).get("Encrypt");
        } catch (error) {
          if (error instanceof XmlFormatError) throw new MalformedPayloadError(`body: ${error.message}`);
          throw error;
        }
        if (!encrypt) throw new MalformedPayloadError("body has no <Encrypt>");
        return encrypt;
      },
      parse: (plaintext) => parseAppMessage(plaintext),
      open({ message }, { nonce }) {
        const replies: Reply[] = [];
        return {
          reply: async (reply) => void replies.push(reply),
          failed: () => void (replies.length = 0),
          done() {
            if (replies.length === 0) return undefined; // a re-delivery: an empty 200
            const now = String(Math.floor(options.now().getTime() / 1000));
            const text = shortenToBytes(replies.map(replyPlain).join("\n\n"), TEXT_MAX_BYTES);
            const plain =
              `<xml><ToUserName>${cdata(message.sender.id)}</ToUserName><FromUserName>${cdata(corpId)}</FromUserName>` +
              `<CreateTime>${now}</CreateTime><MsgType>${cdata("text")}</MsgType><Content>${cdata(text)}</Content></xml>`;
            const encrypted = crypto.encrypt(plain);
            // §2.5: Tencent's sample reuses the request's nonce; the signature covers our ciphertext.
            const body =
              `<xml><Encrypt>${cdata(encrypted)}</Encrypt><MsgSignature>${cdata(crypto.sign(now, nonce, encrypted))}</MsgSignature>` +
              `<TimeStamp>${now}</TimeStamp><Nonce>${cdata(nonce)}</Nonce></xml>`;
            return { type: "application/xml", body };
          },
        };
      },
    },
    options,
  );
}
