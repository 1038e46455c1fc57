import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { TokenCipherError, tokenCipher, tokenKeyProblem } from "../../src/store/token-cipher.js";

const KEY = randomBytes(32).toString("base64");

describe("tokenCipher", () => {
  it("round-trips a token and never writes it in the clear", () => {
    const cipher = tokenCipher(KEY);
    const stored = cipher.encrypt("xoxb-123-secret", "installation:team:T1");
    expect(stored).not.toContain("xoxb-");
    expect(stored).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(cipher.decrypt(stored, "installation:team:T1")).toBe("xoxb-123-secret");
  });

  it("uses a fresh IV for every value", () => {
    const cipher = tokenCipher(KEY);
    const values = new Set(Array.from({ length: 50 }, () => cipher.encrypt("xoxb-same", "row")));
    expect(values.size).toBe(50);
    expect(new Set([...values].map((value) => value.split(".")[2])).size).toBe(50);
  });

  it("refuses a value moved to another row, altered, or written with another key", () => {
    const cipher = tokenCipher(KEY);
    const stored = cipher.encrypt("xoxb-123", "installation:team:T1");
    expect(() => cipher.decrypt(stored, "installation:team:T2")).toThrow(/integrity check/);
    const parts = stored.split(".");
    const flipped = Buffer.from(parts[4]!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    parts[4] = flipped.toString("base64url");
    expect(() => cipher.decrypt(parts.join("."), "installation:team:T1")).toThrow(TokenCipherError);
    expect(() => cipher.decrypt("xoxb-plain", "installation:team:T1")).toThrow(/expected format/);
    const other = tokenCipher(randomBytes(32).toString("hex"));
    expect(() => other.decrypt(stored, "installation:team:T1")).toThrow(/another TOKEN_ENCRYPTION_KEY/);
  });

  it("takes 32 bytes as base64 or hex, and refuses anything else", () => {
    const bytes = randomBytes(32);
    expect(tokenKeyProblem(bytes.toString("base64"))).toBeUndefined();
    expect(tokenKeyProblem(bytes.toString("base64url"))).toBeUndefined();
    expect(tokenKeyProblem(bytes.toString("hex"))).toBeUndefined();
    const hexCipher = tokenCipher(bytes.toString("hex"));
    expect(tokenCipher(bytes.toString("base64")).decrypt(hexCipher.encrypt("x", "r"), "r")).toBe("x");
    for (const bad of [
      "",
      "correct horse battery staple",
      randomBytes(16).toString("base64"),
      "zz".repeat(32),
    ]) {
      expect(tokenKeyProblem(bad)).toMatch(/32 random bytes/);
      expect(() => tokenCipher(bad)).toThrow(/TOKEN_ENCRYPTION_KEY must be 32 random bytes/);
    }
  });
});
