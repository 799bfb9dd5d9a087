// Callback crypto (protocol §3): SHA1 signature and AES-256-CBC with PKCS#7 padding to 32 bytes,
// through @wecom/crypto. That library checks neither the receiveid, the padding bytes nor the
// length field, and with a wrong EncodingAESKey it returns garbage with id "" — exactly the
// robot's receiveid (§3.7-2). So every decryption is checked here: the ciphertext must be the
// exact encryption of what came out of it (same random16, length field, receiveid and padding),
// and the receiveid must be ours.
import { timingSafeEqual } from "node:crypto";
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

export function createWecomCrypto(options: WecomCryptoOptions): WecomCrypto {
  const { token, encodingAesKey: key, receiveId } = options;
  if (!/^[A-Za-z0-9]{43}$/.test(key) || Buffer.from(`${key}=`, "base64").length !== 32) {
    throw new WecomCryptoError(CRYPTO_ERRORS.aesKey, "EncodingAESKey must be 43 letters or digits");
  }

  const sign = (timestamp: string, nonce: string, encrypted: string) => getSignature(token, timestamp, nonce, encrypted);

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
        throw new WecomCryptoError(CRYPTO_ERRORS.buffer, `ciphertext of ${raw.length} bytes is not a whole number of 32-byte blocks`);
      }
      let opened: { message: string; id: string; random: Buffer };
      try {
        opened = decrypt(key, encrypted);
      } catch (error) {
        throw new WecomCryptoError(CRYPTO_ERRORS.decrypt, `cannot decrypt: ${(error as Error).message}`);
      }
      // Re-encrypting with the recovered random16 reproduces a genuine ciphertext byte for byte
      // (§3.8 A). A wrong key, a length field that overruns, bad padding or invalid UTF-8 cannot.
      const again = Buffer.from(encrypt(key, opened.message, opened.id, opened.random), "base64");
      if (!again.equals(raw)) {
        throw new WecomCryptoError(
          CRYPTO_ERRORS.decrypt,
          "ciphertext does not decrypt cleanly (wrong EncodingAESKey, bad length field or bad padding)",
        );
      }
      if (opened.id !== receiveId) {
        throw new WecomCryptoError(CRYPTO_ERRORS.receiveId, `receiveid mismatch (expected ${JSON.stringify(receiveId)})`);
      }
      return opened.message;
    },
    encrypt(message, random) {
      return encrypt(key, message, receiveId, random);
    },
  };
}
