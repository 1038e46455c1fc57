import { describe, expect, it } from "vitest";
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
      expect(config.message).toMatch(message);
      expect(config.message).not.toContain("\n");
    }
  });

  it("selects PostgreSQL with DATABASE_URL", () => {
    expect(loadConfig({ ...base, DATABASE_URL: "postgres://app:pw@db:5432/advice" })).toMatchObject({
      ok: true,
      value: { databaseUrl: "postgres://app:pw@db:5432/advice" },
    });
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ ...base, SLACK_APP_TOKEN: "", PORT: "" })).toMatchObject({
      ok: true,
      value: { transport: { kind: "http", port: 3000 } },
    });
  });
});
