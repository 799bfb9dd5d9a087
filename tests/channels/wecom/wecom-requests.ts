// Builds callbacks the way WeCom does (protocol §1.2, §1.3, §2.3): encrypt, sign, put the
// signature, timestamp and nonce in the query (percent-encoded), the ciphertext in the body.
import { randomBytes } from "node:crypto";
import type { WecomCrypto } from "../../../src/channels/wecom/crypto.ts";

export interface Signed {
  timestamp?: string;
  nonce?: string;
}

let counter = 0;
export const freshNonce = () => `${Date.now() % 1e6}${++counter}${randomBytes(2).toString("hex")}`;

export function query(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}

/** GET URL verification: the signature covers echostr (§1.2). */
export function verificationPath(
  path: string,
  crypto: WecomCrypto,
  echo: string,
  s: Signed & { timestamp: string },
): string {
  const nonce = s.nonce ?? freshNonce();
  const echostr = crypto.encrypt(echo);
  return `${path}?${query({ msg_signature: crypto.sign(s.timestamp, nonce, echostr), timestamp: s.timestamp, nonce, echostr })}`;
}

/** A robot POST: body {"encrypt": …}, signature over the ciphertext (§1.3). */
export function robotCallback(
  path: string,
  crypto: WecomCrypto,
  plaintext: unknown,
  s: Signed & { timestamp: string },
) {
  const nonce = s.nonce ?? freshNonce();
  const encrypt = crypto.encrypt(typeof plaintext === "string" ? plaintext : JSON.stringify(plaintext));
  return {
    path: `${path}?${query({ msg_signature: crypto.sign(s.timestamp, nonce, encrypt), timestamp: s.timestamp, nonce })}`,
    body: JSON.stringify({ encrypt }),
    encrypt,
    nonce,
  };
}

/** An app POST: XML with <Encrypt> (§2.3). */
export function appCallback(
  path: string,
  crypto: WecomCrypto,
  xml: string,
  s: Signed & { timestamp: string; corpId: string },
) {
  const nonce = s.nonce ?? freshNonce();
  const encrypt = crypto.encrypt(xml);
  return {
    path: `${path}?${query({ msg_signature: crypto.sign(s.timestamp, nonce, encrypt), timestamp: s.timestamp, nonce })}`,
    body: `<xml><ToUserName><![CDATA[${s.corpId}]]></ToUserName><AgentID><![CDATA[1000002]]></AgentID><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`,
    encrypt,
    nonce,
  };
}
