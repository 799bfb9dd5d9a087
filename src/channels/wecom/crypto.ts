// Callback crypto (protocol §3): SHA1 signature and AES-256-CBC with PKCS#7 padding to 32 bytes,
// through @wecom/crypto. That library checks neither the receiveid, the padding bytes nor the
// length field, and with a wrong EncodingAESKey it returns garbage with id "" — exactly the
// robot's receiveid (§3.7-2). So every decryption is checked here against the exact plaintext:
// padding, length field, receiveid and UTF-8 must all be what a genuine message has, and the
// library's message must be exactly the bytes the length field names.
import { createDecipheriv, timingSafeEqual, type Decipher } from "node:crypto";
import { decrypt, encrypt, getSignature } from "@wecom/crypto";

/** Tencent's library error codes (§3.6), kept so logs match their documentation. */
export const CRYPTO_ERRORS = {
  signature: -40001,
  aesKey: -40004,
  receiveId: -40005,
  decrypt: -40007,
  buffer: -40008,
  base64: -40010,
} as const;

export class WecomCryptoError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = "WecomCryptoError";
  }
}

export interface WecomCryptoOptions {
  token: string;
  encodingAesKey: string;
  /** "" for the intelligent robot, the CorpID for a self-built app (§3.5). */
  receiveId: string;
}

export interface WecomCrypto {
  /** Lowercase hex SHA1 over the sorted token, timestamp, nonce and ciphertext (§3.4). */
  sign(timestamp: string, nonce: string, encrypted: string): string;
  /** Constant-time check of a request's msg_signature. */
  verify(signature: string, timestamp: string, nonce: string, encrypted: string): boolean;
  /** The message inside a ciphertext; throws WecomCryptoError unless it is well formed and ours. */
  decrypt(encrypted: string): string;
  /** Base64 ciphertext of a message for our receiveid; `random` only for known-answer tests. */
  encrypt(message: string, random?: Buffer): string;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/** WeCom pads to 32-byte blocks, not AES's 16 (§3.2); Tencent's Go sample rejects anything else (§3.3). */
const BLOCK = 32;
/** random16 + the 4-byte length field. */
const HEADER = 20;
const utf8 = new TextDecoder("utf-8", { fatal: true });

export function createWecomCrypto(options: WecomCryptoOptions): WecomCrypto {
  const { token, encodingAesKey: key, receiveId } = options;
  const aesKey = Buffer.from(`${key}=`, "base64");
  if (!/^[A-Za-z0-9]{43}$/.test(key) || aesKey.length !== 32) {
    throw new WecomCryptoError(CRYPTO_ERRORS.aesKey, "EncodingAESKey must be 43 letters or digits");
  }

  const sign = (timestamp: string, nonce: string, encrypted: string) =>
    getSignature(token, timestamp, nonce, encrypted);
  const plaintextOf = blockDecipher(aesKey);
  const malformed = (what: string) =>
    new WecomCryptoError(CRYPTO_ERRORS.decrypt, `ciphertext does not decrypt cleanly: ${what} (wrong EncodingAESKey?)`);

  return {
    sign,
    verify(signature, timestamp, nonce, encrypted) {
      const expected = Buffer.from(sign(timestamp, nonce, encrypted), "utf8");
      const given = Buffer.from(signature, "utf8");
      // The length of a valid signature (40) is public; only the content needs constant time.
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
    decrypt(encrypted) {
      if (!BASE64.test(encrypted)) throw new WecomCryptoError(CRYPTO_ERRORS.base64, "ciphertext is not base64");
      const raw = Buffer.from(encrypted, "base64");
      if (raw.length === 0 || raw.length % BLOCK !== 0) {
        throw new WecomCryptoError(
          CRYPTO_ERRORS.buffer,
          `ciphertext of ${raw.length} bytes is not a whole number of 32-byte blocks`,
        );
      }
      let opened: { message: string; id: string; random: Buffer };
      try {
        opened = decrypt(key, encrypted);
      } catch (error) {
        throw new WecomCryptoError(CRYPTO_ERRORS.decrypt, `cannot decrypt: ${(error as Error).message}`);
      }
      // The same plaintext, read here in full (§3.2 layout: random16, length, message, receiveid,
      // padding), so that a wrong key, a length field that overruns, bad padding or invalid
      // UTF-8 is refused rather than returned as garbage.
      const plain = plaintextOf(raw);
      const pad = plain[plain.length - 1]!;
      if (pad < 1 || pad > BLOCK) throw malformed(`padding byte ${pad}`);
      for (let i = plain.length - pad; i < plain.length; i++)
        if (plain[i] !== pad) throw malformed("inconsistent padding");
      const length = plain.readUInt32BE(16);
      const idStart = HEADER + length;
      if (idStart > plain.length - pad)
        throw malformed(`length field ${length} overruns the ${plain.length}-byte plaintext`);
      let message: string;
      let id: string;
      try {
        message = utf8.decode(plain.subarray(HEADER, idStart));
        id = utf8.decode(plain.subarray(idStart, plain.length - pad));
      } catch {
        throw malformed("message is not UTF-8");
      }
      if (message !== opened.message || id !== opened.id) throw malformed("the library read it differently");
      if (id !== receiveId) {
        throw new WecomCryptoError(
          CRYPTO_ERRORS.receiveId,
          `receiveid mismatch (expected ${JSON.stringify(receiveId)})`,
        );
      }
      return message;
    },
    encrypt(message, random) {
      return encrypt(key, message, receiveId, random);
    },
  };
}

/**
 * AES-256-CBC decryption without padding removal, for checking: one ECB decipher made once and
 * never finalised (ECB keeps no state between calls), then P[i] = D(C[i]) XOR C[i-1]. WeCom's IV
 * is the key's first 16 bytes (§3.2), so nothing else changes between messages.
 */
function blockDecipher(aesKey: Buffer): (ciphertext: Buffer) => Buffer {
  const iv = aesKey.subarray(0, 16);
  const ecb: Decipher = createDecipheriv("aes-256-ecb", aesKey, null);
  ecb.setAutoPadding(false);
  return (ciphertext) => {
    const plain = ecb.update(ciphertext);
    if (plain.length !== ciphertext.length) throw new Error("AES-ECB returned a partial block"); // never with whole blocks
    for (let i = plain.length - 1; i >= 16; i--) plain[i]! ^= ciphertext[i - 16]!;
    for (let i = 0; i < 16; i++) plain[i]! ^= iv[i]!;
    return plain;
  };
}
