import { existsSync } from "node:fs";
import { z } from "zod";
import { tokenKeyProblem } from "./store/token-cipher.js";
import { failure, type Result } from "./vocabulary/index.js";

/** How the app receives Slack's requests: signed HTTP posts, or a Socket Mode WebSocket. */
export type Transport =
  | { kind: "http"; signingSecret: string; port: number }
  | { kind: "socket"; appToken: string; signingSecret?: string; port: number };

const LOG_LEVEL_NAMES = ["debug", "info", "warn", "error"] as const;
export type LogLevelName = (typeof LOG_LEVEL_NAMES)[number];

/** Installs by many workspaces through Slack's OAuth flow (then there is no bot token in the environment). */
export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  /** TOKEN_ENCRYPTION_KEY: seals the installations' tokens in the database. */
  tokenEncryptionKey: string;
  retentionDaysAfterUninstall: number;
}

/** The environment (DESIGN.md §5) as typed settings. Exactly one of `botToken` and `oauth` is set. */
export interface Config {
  /** One workspace's bot token (SLACK_BOT_TOKEN). */
  botToken?: string;
  oauth?: OAuthSettings;
  transport: Transport;
  slackApiUrl: string;
  databasePath: string;
  /** PostgreSQL instead of the SQLite file, when DATABASE_URL is set. */
  databaseUrl: string | null;
  logLevel: LogLevelName;
}

/** A whole number from 0 to `max`, `default` when unset or empty; any other text fails with `error`. */
function wholeNumber(limits: { default: number; max: number; error: string }) {
  const { error } = limits;
  return z.preprocess(
    (value) => (value === "" || value === undefined ? limits.default : value),
    z.coerce.number({ error }).int(error).min(0, error).max(limits.max, error),
  );
}

const optional = <T extends z.ZodType<string>>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const EnvSchema = z.object({
  SLACK_BOT_TOKEN: optional(z.string().regex(/^xoxb-\S+$/, "must be a bot token starting with xoxb-")),
  SLACK_SIGNING_SECRET: optional(z.string().regex(/^\S+$/, "must not contain spaces")),
  SLACK_APP_TOKEN: optional(z.string().regex(/^xapp-\S+$/, "must be an app-level token starting with xapp-")),
  PORT: wholeNumber({ default: 3000, max: 65535, error: "must be a port number (0-65535)" }),
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
  SLACK_CLIENT_ID: optional(z.string().regex(/^\S+$/, "must not contain spaces")),
  SLACK_CLIENT_SECRET: optional(z.string().regex(/^\S+$/, "must not contain spaces")),
  SLACK_STATE_SECRET: optional(z.string().regex(/^\S+$/, "must not contain spaces")),
  TOKEN_ENCRYPTION_KEY: optional(
    z.string().refine((key) => tokenKeyProblem(key) === undefined, {
      error: (issue) => tokenKeyProblem(String(issue.input)),
    }),
  ),
  RETENTION_DAYS_AFTER_UNINSTALL: wholeNumber({
    default: 30,
    max: 99_999,
    error: "must be a whole number of days (0 deletes at once)",
  }),
});

const OAUTH_TRIO = ["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"] as const;

/**
 * Reads the settings from `env`. Fails with one error, on the first missing or malformed variable, whose
 * message names it: the process can stop with a single clear line instead of a stack trace.
 */
export function loadConfig(env: NodeJS.ProcessEnv): Result<Config> {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? "environment");
    return failure(variable, `${variable} ${issue?.message ?? "is invalid"}`);
  }
  const e = parsed.data;
  const workspaces = workspaceSettings(e);
  if (!workspaces.ok) return workspaces;
  if (e.SLACK_APP_TOKEN === undefined && e.SLACK_SIGNING_SECRET === undefined) {
    return failure(
      "SLACK_SIGNING_SECRET",
      "SLACK_SIGNING_SECRET is missing: HTTP mode needs the app's signing secret (or set SLACK_APP_TOKEN for Socket Mode)",
    );
  }
  const transport: Transport =
    e.SLACK_APP_TOKEN !== undefined
      ? { kind: "socket", appToken: e.SLACK_APP_TOKEN, signingSecret: e.SLACK_SIGNING_SECRET, port: e.PORT }
      : { kind: "http", signingSecret: e.SLACK_SIGNING_SECRET ?? "", port: e.PORT };
  return {
    ok: true,
    value: {
      ...workspaces.value,
      transport,
      slackApiUrl: withTrailingSlash(e.SLACK_API_URL ?? "https://slack.com/api/"),
      databasePath: e.DATABASE_PATH ?? "data/endpoint-advice.db",
      databaseUrl: e.DATABASE_URL ?? null,
      logLevel: e.LOG_LEVEL,
    },
  };
}

type Env = z.output<typeof EnvSchema>;

/** One workspace's bot token, or OAuth installs by many: the variables of one, never a mix. */
function workspaceSettings(e: Env): Result<Pick<Config, "botToken" | "oauth">> {
  const given = OAUTH_TRIO.filter((name) => e[name] !== undefined);
  if (given.length === 0) {
    if (e.SLACK_BOT_TOKEN === undefined) {
      return failure(
        "SLACK_BOT_TOKEN",
        "SLACK_BOT_TOKEN is missing: set it to the app's bot token (xoxb-…), or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for OAuth installs",
      );
    }
    return { ok: true, value: { botToken: e.SLACK_BOT_TOKEN } };
  }
  const missing = OAUTH_TRIO.filter((name) => e[name] === undefined);
  if (missing.length > 0) {
    return failure(
      missing[0]!,
      `${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} missing: OAuth installs need SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET together`,
    );
  }
  if (e.SLACK_BOT_TOKEN !== undefined) {
    return failure(
      "SLACK_BOT_TOKEN",
      "SLACK_BOT_TOKEN must not be set with OAuth installs (SLACK_CLIENT_ID …): each workspace's token comes from its installation",
    );
  }
  if (e.SLACK_APP_TOKEN !== undefined) {
    return failure(
      "SLACK_APP_TOKEN",
      "SLACK_APP_TOKEN must not be set with OAuth installs: Socket Mode is for a single workspace, installs by many are served over HTTP",
    );
  }
  if (e.TOKEN_ENCRYPTION_KEY === undefined) {
    return failure(
      "TOKEN_ENCRYPTION_KEY",
      "TOKEN_ENCRYPTION_KEY is missing: OAuth installs store each workspace's tokens encrypted with it (generate one with openssl rand -base64 32)",
    );
  }
  return {
    ok: true,
    value: {
      oauth: {
        clientId: e.SLACK_CLIENT_ID!,
        clientSecret: e.SLACK_CLIENT_SECRET!,
        stateSecret: e.SLACK_STATE_SECRET!,
        tokenEncryptionKey: e.TOKEN_ENCRYPTION_KEY,
        retentionDaysAfterUninstall: e.RETENTION_DAYS_AFTER_UNINSTALL,
      },
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
