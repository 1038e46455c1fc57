import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Encrypts installation secrets (bot, user and refresh tokens, webhook URLs) for the database with
 * AES-256-GCM: a fresh random 96-bit IV per value, and the row the value belongs to as additional
 * authenticated data, so a ciphertext copied onto another installation's row does not decrypt.
 *
 * The key is TOKEN_ENCRYPTION_KEY: 32 random bytes, written as base64 (`openssl rand -base64 32`) or as 64
 * hex digits. It is used as is, with no derivation, which is why a passphrase is refused: only a random key
 * has the full 256 bits. Each value is stored as `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url), where the
 * key id (the first bytes of a SHA-256 of the key) tells "encrypted with another key" apart from tampering.
 */
export interface TokenCipher {
  encrypt(plaintext: string, boundTo: string): string;
  /** Throws a TokenCipherError when the value was written with another key or has been altered. */
  decrypt(stored: string, boundTo: string): string;
}

export class TokenCipherError extends Error {
  override readonly name = "TokenCipherError";
}

/** Why `text` is not a usable TOKEN_ENCRYPTION_KEY, or undefined when it is one. */
export function tokenKeyProblem(text: string): string | undefined {
  return parseKey(text) === undefined
    ? "must be 32 random bytes as base64 (openssl rand -base64 32) or as 64 hex digits"
    : undefined;
}

export function tokenCipher(keyText: string): TokenCipher {
  const key = parseKey(keyText);
  if (key === undefined) throw new TokenCipherError(`TOKEN_ENCRYPTION_KEY ${tokenKeyProblem(keyText)}`);
  const keyId = createHash("sha256").update("endpoint-advice token key").update(key).digest().subarray(0, 6);
  const keyIdText = keyId.toString("base64url");
  return {
    encrypt(plaintext, boundTo) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, key, iv);
      cipher.setAAD(Buffer.from(boundTo, "utf8"));
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [FORMAT, keyIdText, iv, cipher.getAuthTag(), ciphertext]
        .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
        .join(".");
    },
    decrypt(stored, boundTo) {
      const [format, storedKeyId, iv, tag, ciphertext, ...rest] = stored.split(".");
      if (format !== FORMAT || rest.length > 0 || [iv, tag, ciphertext].some((part) => part === undefined)) {
        throw new TokenCipherError("a stored token is not in the expected format");
      }
      if (storedKeyId !== keyIdText) {
        throw new TokenCipherError(
          "a stored token was encrypted with another TOKEN_ENCRYPTION_KEY: set the key it was written with",
        );
      }
      try {
        const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv!, "base64url"));
        decipher.setAAD(Buffer.from(boundTo, "utf8"));
        decipher.setAuthTag(Buffer.from(tag!, "base64url"));
        return Buffer.concat([
          decipher.update(Buffer.from(ciphertext!, "base64url")),
          decipher.final(),
        ]).toString("utf8");
      } catch (error) {
        throw new TokenCipherError("a stored token failed its integrity check (altered or moved)", {
          cause: error,
        });
      }
    },
  };
}

const ALGORITHM = "aes-256-gcm";
const FORMAT = "v1";
const IV_BYTES = 12;
const KEY_BYTES = 32;

function parseKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, "hex");
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) return undefined;
  const key = Buffer.from(trimmed, "base64");
  return key.length === KEY_BYTES ? key : undefined;
}
