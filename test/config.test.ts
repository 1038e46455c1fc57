import { describe, expect, it } from "vitest";
import type { FieldError } from "../src/vocabulary/index.js";
import { loadConfig } from "../src/config.js";

const base = { SLACK_BOT_TOKEN: "xoxb-1-2-abc", SLACK_SIGNING_SECRET: "secret" };

describe("loadConfig", () => {
  it("reads HTTP mode with the documented defaults", () => {
    expect(loadConfig(base)).toEqual({
      ok: true,
      value: {
        botToken: "xoxb-1-2-abc",
        transport: { kind: "http", signingSecret: "secret", port: 3000 },
        slackApiUrl: "https://slack.com/api/",
        databasePath: "data/endpoint-advice.db",
        databaseUrl: null,
        logLevel: "info",
      },
    });
  });

  it("uses Socket Mode when an app token is set, and needs no signing secret then", () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_APP_TOKEN: "xapp-1-A",
      SLACK_API_URL: "http://127.0.0.1:9/api",
    });
    expect(config).toMatchObject({
      ok: true,
      value: { transport: { kind: "socket", appToken: "xapp-1-A" }, slackApiUrl: "http://127.0.0.1:9/api/" },
    });
  });

  it.each([
    [{ SLACK_SIGNING_SECRET: "s" }, /^SLACK_BOT_TOKEN is missing/],
    [{ ...base, SLACK_BOT_TOKEN: "xoxp-user" }, /^SLACK_BOT_TOKEN must be a bot token/],
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, /^SLACK_SIGNING_SECRET is missing/],
    [{ ...base, SLACK_APP_TOKEN: "xoxb-wrong" }, /^SLACK_APP_TOKEN must be an app-level token/],
    [{ ...base, PORT: "http" }, /^PORT must be a port number/],
    [{ ...base, PORT: "70000" }, /^PORT must be a port number/],
    [{ ...base, SLACK_API_URL: "not a url" }, /^SLACK_API_URL must be a URL/],
    [{ ...base, LOG_LEVEL: "loud" }, /^LOG_LEVEL must be one of debug, info, warn, error/],
    [{ ...base, DATABASE_URL: "mysql://db/x" }, /^DATABASE_URL must be a PostgreSQL URL/],
  ])("refuses %o with one message naming the variable", (env, message) => {
    const config = loadConfig(env);
    expect(config.ok).toBe(false);
    if (!config.ok) {
      expect(config.errors).toHaveLength(1);
      const [{ field, message: text }] = config.errors as [FieldError];
      expect(text).toMatch(message);
      expect(text.startsWith(field)).toBe(true);
      expect(text).not.toContain("\n");
    }
  });

  it("selects PostgreSQL with DATABASE_URL", () => {
    expect(loadConfig({ ...base, DATABASE_URL: "postgres://app:pw@db:5432/advice" })).toMatchObject({
      ok: true,
      value: { databaseUrl: "postgres://app:pw@db:5432/advice" },
    });
  });

  describe("OAuth installs", () => {
    const key = Buffer.alloc(32, 7).toString("base64");
    const oauth = {
      SLACK_SIGNING_SECRET: "secret",
      SLACK_CLIENT_ID: "123.456",
      SLACK_CLIENT_SECRET: "client-secret",
      SLACK_STATE_SECRET: "state-secret",
      TOKEN_ENCRYPTION_KEY: key,
    };

    it("reads the three OAuth variables, the key and the retention (default 30 days), with no bot token", () => {
      expect(loadConfig(oauth)).toEqual({
        ok: true,
        value: {
          oauth: {
            clientId: "123.456",
            clientSecret: "client-secret",
            stateSecret: "state-secret",
            tokenEncryptionKey: key,
            retentionDaysAfterUninstall: 30,
          },
          transport: { kind: "http", signingSecret: "secret", port: 3000 },
          slackApiUrl: "https://slack.com/api/",
          databasePath: "data/endpoint-advice.db",
          databaseUrl: null,
          logLevel: "info",
        },
      });
      expect(loadConfig({ ...oauth, RETENTION_DAYS_AFTER_UNINSTALL: "0" })).toMatchObject({
        ok: true,
        value: { oauth: { retentionDaysAfterUninstall: 0 } },
      });
    });

    it.each([
      [
        { ...oauth, SLACK_STATE_SECRET: "" },
        /^SLACK_STATE_SECRET is missing: OAuth installs need SLACK_CLIENT_ID, /,
      ],
      [
        { SLACK_SIGNING_SECRET: "s", SLACK_CLIENT_SECRET: "c" },
        /^SLACK_CLIENT_ID and SLACK_STATE_SECRET are missing: OAuth installs need/,
      ],
      [{ ...oauth, SLACK_BOT_TOKEN: "xoxb-1" }, /^SLACK_BOT_TOKEN must not be set with OAuth installs/],
      [
        { ...oauth, SLACK_APP_TOKEN: "xapp-1" },
        /^SLACK_APP_TOKEN must not be set with OAuth installs: Socket Mode/,
      ],
      [
        { ...oauth, TOKEN_ENCRYPTION_KEY: undefined },
        /^TOKEN_ENCRYPTION_KEY is missing: .*openssl rand -base64 32/,
      ],
      [
        { ...oauth, TOKEN_ENCRYPTION_KEY: "hunter2" },
        /^TOKEN_ENCRYPTION_KEY must be 32 random bytes as base64/,
      ],
      [
        { ...oauth, TOKEN_ENCRYPTION_KEY: Buffer.alloc(16).toString("hex") },
        /^TOKEN_ENCRYPTION_KEY must be 32/,
      ],
      [
        { ...oauth, RETENTION_DAYS_AFTER_UNINSTALL: "-1" },
        /^RETENTION_DAYS_AFTER_UNINSTALL must be a whole number/,
      ],
      [{ ...oauth, SLACK_SIGNING_SECRET: undefined }, /^SLACK_SIGNING_SECRET is missing/],
      [{ SLACK_SIGNING_SECRET: "s" }, /^SLACK_BOT_TOKEN is missing: .* or set SLACK_CLIENT_ID, /],
    ])("refuses %o with one message naming the variable", (env, message) => {
      const config = loadConfig(env);
      expect(config.ok).toBe(false);
      if (!config.ok) {
        expect(config.errors).toHaveLength(1);
        const [{ field, message: text }] = config.errors as [FieldError];
        expect(text).toMatch(message);
        expect(text.startsWith(field)).toBe(true);
        expect(text).not.toContain("\n");
      }
    });
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ ...base, SLACK_APP_TOKEN: "", PORT: "" })).toMatchObject({
      ok: true,
      value: { transport: { kind: "http", port: 3000 } },
    });
  });
});
