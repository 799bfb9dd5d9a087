// Known answers from Tencent (§3.8 of the protocol reference) and a reference implementation
// written in this file from §3.2–3.4 — neither uses the code under test.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { decrypt as libraryDecrypt } from "@wecom/crypto";
import { describe, expect, it } from "vitest";
import { CRYPTO_ERRORS, createWecomCrypto, WecomCryptoError } from "../../../src/channels/wecom/crypto.ts";
import { readXmlFields } from "../../../src/channels/wecom/xml.ts";

const vectors = JSON.parse(
  readFileSync(new URL("../../fixtures/wecom/official-vectors.json", import.meta.url), "utf8"),
);
const { A, B, C } = vectors;

// --- reference implementation (§3.1–3.4) -----------------------------------------------------
const keyOf = (k43: string) => Buffer.from(`${k43}=`, "base64");
const refSign = (...v: string[]) =>
  createHash("sha1")
    .update([...v].sort().join(""))
    .digest("hex");
function aes(k43: string, data: Buffer, mode: "enc" | "dec"): Buffer {
  const key = keyOf(k43);
  const c =
    mode === "enc"
      ? createCipheriv("aes-256-cbc", key, key.subarray(0, 16))
      : createDecipheriv("aes-256-cbc", key, key.subarray(0, 16));
  c.setAutoPadding(false);
  return Buffer.concat([c.update(data), c.final()]);
}
/** random16 || len || msg || rid, then `pad` as given (default: PKCS#7 to 32). */
function refEncrypt(
  k43: string,
  msg: string,
  rid: string,
  opts: { random?: Buffer; len?: number; pad?: Buffer } = {},
): string {
  const m = Buffer.from(msg, "utf8");
  const len = Buffer.alloc(4);
  len.writeUInt32BE(opts.len ?? m.length);
  const body = Buffer.concat([opts.random ?? randomBytes(16), len, m, Buffer.from(rid, "utf8")]);
  const n = 32 - (body.length % 32);
  return aes(k43, Buffer.concat([body, opts.pad ?? Buffer.alloc(n, n)]), "enc").toString("base64");
}
function refDecrypt(k43: string, b64: string): { msg: string; rid: string; pad: number } {
  const p = aes(k43, Buffer.from(b64, "base64"), "dec");
  const pad = p[p.length - 1]!;
  const c = p.subarray(0, p.length - pad);
  const n = c.readUInt32BE(16);
  return { msg: c.subarray(20, 20 + n).toString("utf8"), rid: c.subarray(20 + n).toString("utf8"), pad };
}

const ROBOT_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
const robot = createWecomCrypto({ token: "robotToken", encodingAesKey: ROBOT_KEY, receiveId: "" });
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof WecomCryptoError) return error.code;
    throw error;
  }
  return "no error";
};

describe("official vectors (§3.8)", () => {
  it("A: signature, decryption and byte-identical re-encryption of the doc's worked example", () => {
    const crypto = createWecomCrypto({ token: A.token, encodingAesKey: A.encodingAesKey, receiveId: A.receiveId });
    expect(crypto.sign(A.timestamp, A.nonce, A.encrypt)).toBe(A.msgSignature);
    expect(crypto.verify(A.msgSignature, A.timestamp, A.nonce, A.encrypt)).toBe(true);
    const plaintext = crypto.decrypt(A.encrypt);
    expect(Object.fromEntries(readXmlFields(plaintext))).toMatchObject(A.expect.fields);
    expect(plaintext.split(A.expect.lineSeparator).length).toBeGreaterThan(5);
    const random = Buffer.from(A.expect.random16, "ascii");
    expect(libraryDecrypt(A.encodingAesKey, A.encrypt).random.equals(random)).toBe(true);
    expect(crypto.encrypt(plaintext, random)).toBe(A.encrypt);
    expect(refEncrypt(A.encodingAesKey, plaintext, A.receiveId, { random })).toBe(A.encrypt);
  });

  it("B: the URL-verification echostr WeCom produced decrypts to the body to return", () => {
    const crypto = createWecomCrypto({ token: B.token, encodingAesKey: B.encodingAesKey, receiveId: B.receiveId });
    expect(crypto.verify(B.msgSignature, B.timestamp, B.nonce, B.echostr)).toBe(true);
    expect(crypto.decrypt(B.echostr)).toBe(B.expect.plaintext);
  });

  it("C: the real app message WeCom produced", () => {
    const crypto = createWecomCrypto({ token: C.token, encodingAesKey: C.encodingAesKey, receiveId: C.receiveId });
    expect(crypto.verify(C.msgSignature, C.timestamp, C.nonce, C.encrypt)).toBe(true);
    expect(crypto.decrypt(C.encrypt)).toBe(C.expect.plaintext);
    const { random } = libraryDecrypt(C.encodingAesKey, C.encrypt);
    expect(crypto.encrypt(C.expect.plaintext, random)).toBe(C.encrypt);
  });

  it("sorts the signed values as strings, not numbers (§3.4)", () => {
    const crypto = createWecomCrypto({ token: "aaa", encodingAesKey: ROBOT_KEY, receiveId: "" });
    const expected = createHash("sha1").update("1000999AAAaaa").digest("hex");
    expect(crypto.sign("999", "1000", "AAA")).toBe(expected);
    expect(refSign("aaa", "999", "1000", "AAA")).toBe(expected);
  });
});

describe('round trips with receiveid "" (the robot)', () => {
  const cases: [string, string][] = [
    ["an empty message", ""],
    ["a 12-byte message (random16 + len + msg = 32: a whole block of padding)", "x".repeat(12)],
    ["a 44-byte message (64 bytes: pad 32 again)", "y".repeat(44)],
    ["8 KB of Chinese", "走出去上海拜访华谊集团洽谈新材料项目".repeat(160)],
    ["JSON with emoji and a CR", JSON.stringify({ text: { content: "签约 5.2亿元 🚀\r\n完成" } })],
  ];
  it.each(cases)("%s", (_name, message) => {
    const encrypted = robot.encrypt(message);
    expect(robot.decrypt(encrypted)).toBe(message);
    const ref = refDecrypt(ROBOT_KEY, encrypted);
    expect(ref).toMatchObject({ msg: message, rid: "" });
    const unpadded = 20 + Buffer.byteLength(message);
    expect(ref.pad).toBe(32 - (unpadded % 32));
    expect(robot.decrypt(refEncrypt(ROBOT_KEY, message, ""))).toBe(message);
  });

  it("counts the length field in bytes: 8 KB of Chinese is > 8,000 bytes but < 3,000 characters", () => {
    const message = "招商引资".repeat(700);
    expect(Buffer.byteLength(message)).toBe(8400);
    expect(refDecrypt(ROBOT_KEY, robot.encrypt(message)).msg).toBe(message);
  });
});

describe("tampering", () => {
  const message = JSON.stringify({ msgid: "m1", msgtype: "text", text: { content: "签约 项目 1亿" } });
  const encrypted = robot.encrypt(message);
  const signature = robot.sign("1732000000", "n1", encrypted);

  it("refuses a wrong, truncated or missing signature", () => {
    expect(robot.verify(signature, "1732000000", "n1", encrypted)).toBe(true);
    const flipped = (signature[0] === "a" ? "b" : "a") + signature.slice(1);
    expect(robot.verify(flipped, "1732000000", "n1", encrypted)).toBe(false);
    expect(robot.verify(signature.slice(0, 39), "1732000000", "n1", encrypted)).toBe(false);
    expect(robot.verify("", "1732000000", "n1", encrypted)).toBe(false);
    expect(robot.verify(signature, "1732000001", "n1", encrypted)).toBe(false);
    expect(robot.verify(signature, "1732000000", "n1", robot.encrypt(message))).toBe(false);
  });

  it('fails loudly with a wrong EncodingAESKey instead of returning garbage with receiveid "" (§3.7-2)', () => {
    for (let i = 0; i < 50; i++) {
      const wrongKey = randomBytes(32)
        .toString("base64")
        .replace(/[^A-Za-z0-9]/g, "a")
        .slice(0, 43);
      const wrong = createWecomCrypto({ token: "robotToken", encodingAesKey: wrongKey, receiveId: "" });
      expect(code(() => wrong.decrypt(encrypted))).toBe(CRYPTO_ERRORS.decrypt);
    }
  });

  it("refuses another receiveid: an app's ciphertext at the robot and the robot's at an app", () => {
    const app = createWecomCrypto({ token: "t", encodingAesKey: ROBOT_KEY, receiveId: "ww1436e0e65a779aee" });
    expect(code(() => robot.decrypt(app.encrypt(message)))).toBe(CRYPTO_ERRORS.receiveId);
    expect(code(() => app.decrypt(encrypted))).toBe(CRYPTO_ERRORS.receiveId);
    expect(code(() => robot.decrypt(refEncrypt(ROBOT_KEY, message, "x")))).toBe(CRYPTO_ERRORS.receiveId);
  });

  it("refuses bad padding", () => {
    const body = 20 + Buffer.byteLength(message);
    const n = 32 - (body % 32);
    const inconsistent = Buffer.alloc(n, n);
    inconsistent[0] = (n % 32) + 1;
    expect(code(() => robot.decrypt(refEncrypt(ROBOT_KEY, message, "", { pad: inconsistent })))).toBe(
      CRYPTO_ERRORS.decrypt,
    );
    const zero = Buffer.alloc(n, 0);
    expect(code(() => robot.decrypt(refEncrypt(ROBOT_KEY, message, "", { pad: zero })))).toBe(CRYPTO_ERRORS.decrypt);
    // 16-byte PKCS#7 (Node's default, §3.7-1) leaves a ciphertext that is not a multiple of 32.
    const node16 = (() => {
      const key = keyOf(ROBOT_KEY);
      const c = createCipheriv("aes-256-cbc", key, key.subarray(0, 16));
      const len = Buffer.alloc(4);
      len.writeUInt32BE(Buffer.byteLength(message));
      return Buffer.concat([c.update(Buffer.concat([randomBytes(16), len, Buffer.from(message)])), c.final()]);
    })();
    if (node16.length % 32 !== 0)
      expect(code(() => robot.decrypt(node16.toString("base64")))).toBe(CRYPTO_ERRORS.buffer);
  });

  it("refuses a length field that overruns or underruns the message", () => {
    const len = Buffer.byteLength(message);
    expect(code(() => robot.decrypt(refEncrypt(ROBOT_KEY, message, "", { len: len + 1000 })))).toBe(
      CRYPTO_ERRORS.decrypt,
    );
    expect(code(() => robot.decrypt(refEncrypt(ROBOT_KEY, message, "", { len: 0xffffffff })))).toBe(
      CRYPTO_ERRORS.decrypt,
    );
    // A shorter length moves the tail of the message into receiveid.
    expect(code(() => robot.decrypt(refEncrypt(ROBOT_KEY, message, "", { len: len - 3 })))).toBe(
      CRYPTO_ERRORS.receiveId,
    );
  });

  it("refuses truncated, extended, non-block and non-base64 ciphertexts", () => {
    const raw = Buffer.from(encrypted, "base64");
    expect(code(() => robot.decrypt(raw.subarray(0, raw.length - 32).toString("base64")))).toBe(CRYPTO_ERRORS.decrypt);
    expect(code(() => robot.decrypt(Buffer.concat([raw, randomBytes(32)]).toString("base64")))).toBe(
      CRYPTO_ERRORS.decrypt,
    );
    expect(code(() => robot.decrypt(raw.subarray(0, raw.length - 16).toString("base64")))).toBe(CRYPTO_ERRORS.buffer);
    expect(code(() => robot.decrypt(""))).toBe(CRYPTO_ERRORS.base64);
    expect(code(() => robot.decrypt(`${encrypted.slice(0, 10)} ${encrypted.slice(11)}`))).toBe(CRYPTO_ERRORS.base64);
  });

  it("leaves bit flips to the signature: CBC has no MAC, the signature is the integrity check (§3.4)", () => {
    const flipped = Buffer.from(encrypted, "base64");
    flipped[5]! ^= 1;
    const tampered = flipped.toString("base64");
    expect(robot.verify(signature, "1732000000", "n1", tampered)).toBe(false);
  });

  it("refuses a malformed EncodingAESKey at construction", () => {
    expect(code(() => createWecomCrypto({ token: "t", encodingAesKey: ROBOT_KEY.slice(1), receiveId: "" }))).toBe(
      CRYPTO_ERRORS.aesKey,
    );
    expect(code(() => createWecomCrypto({ token: "t", encodingAesKey: `${ROBOT_KEY.slice(1)}+`, receiveId: "" }))).toBe(
      CRYPTO_ERRORS.aesKey,
    );
  });
});
