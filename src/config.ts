import { existsSync } from "node:fs";
import { z } from "zod";

/** How the app receives Slack's requests: signed HTTP posts, or a Socket Mode WebSocket. */
export type Transport =
  | { kind: "http"; signingSecret: string; port: number }
  | { kind: "socket"; appToken: string; signingSecret?: string; port: number };

const LOG_LEVEL_NAMES = ["debug", "info", "warn", "error"] as const;
export type LogLevelName = (typeof LOG_LEVEL_NAMES)[number];

/** The environment (DESIGN.md §5) as typed settings. */
export interface Config {
  botToken: string;
  transport: Transport;
  slackApiUrl: string;
  databasePath: string;
  /** PostgreSQL instead of the SQLite file, when DATABASE_URL is set. */
  databaseUrl: string | null;
  logLevel: LogLevelName;
}

export type ConfigResult = { ok: true; value: Config } | { ok: false; message: string };

const optional = <T extends z.ZodType<string>>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const EnvSchema = z.object({
  SLACK_BOT_TOKEN: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string({ error: "is missing: set it to the app's bot token (xoxb-…)" })
      .regex(/^xoxb-\S+$/, "must be a bot token starting with xoxb-"),
  ),
  SLACK_SIGNING_SECRET: optional(z.string().regex(/^\S+$/, "must not contain spaces")),
  SLACK_APP_TOKEN: optional(z.string().regex(/^xapp-\S+$/, "must be an app-level token starting with xapp-")),
  PORT: z.preprocess(
    (value) => (value === "" || value === undefined ? "3000" : value),
    z.coerce
      .number({ error: "must be a port number (0-65535)" })
      .int("must be a port number (0-65535)")
      .min(0, "must be a port number (0-65535)")
      .max(65535, "must be a port number (0-65535)"),
  ),
  SLACK_API_URL: optional(z.url({ error: "must be a URL such as https://slack.com/api/" })),
  DATABASE_PATH: optional(z.string()),
  DATABASE_URL: optional(
    z
      .string()
      .regex(
        /^postgres(ql)?:\/\/\S+$/i,
        "must be a PostgreSQL URL such as postgres://user:password@host:5432/database",
      ),
  ),
  LOG_LEVEL: z.preprocess(
    (value) => (value === "" || value === undefined ? "info" : value),
    z.enum(LOG_LEVEL_NAMES, { error: `must be one of ${LOG_LEVEL_NAMES.join(", ")}` }),
  ),
});

/**
 * Reads the settings from `env`. Returns one message naming the first missing or malformed variable,
 * so the process can stop with a single clear line instead of a stack trace.
 */
export function loadConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      message: `${String(issue?.path[0] ?? "environment")} ${issue?.message ?? "is invalid"}`,
    };
  }
  const e = parsed.data;
  if (e.SLACK_APP_TOKEN === undefined && e.SLACK_SIGNING_SECRET === undefined) {
    return {
      ok: false,
      message:
        "SLACK_SIGNING_SECRET is missing: HTTP mode needs the app's signing secret (or set SLACK_APP_TOKEN for Socket Mode)",
    };
  }
  const transport: Transport =
    e.SLACK_APP_TOKEN !== undefined
      ? { kind: "socket", appToken: e.SLACK_APP_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, port: e.PORT }
      : { kind: "http", signingSecret: e.SLACK_SIGNING_SECRET ?? "", port: e.PORT };
  return {
    ok: true,
    value: {
      botToken: e.SLACK_BOT_TOKEN,
      transport,
      slackApiUrl: withTrailingSlash(e.SLACK_API_URL ?? "https://slack.com/api/"),
      databasePath: e.DATABASE_PATH ?? "data/endpoint-advice.db",
      databaseUrl: e.DATABASE_URL ?? null,
      logLevel: e.LOG_LEVEL,
    },
  };
}

/** Loads `.env` from the working directory when there is one; real environment variables win. */
export function loadDotEnv(path = ".env"): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

// The Web API client joins method names onto this base, so it must end with a slash.
function withTrailingSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}
