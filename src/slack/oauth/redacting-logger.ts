import type { LogLevel, Logger } from "@slack/bolt";
import { ConsoleLogger } from "@slack/logger";

/**
 * A console logger that blanks out secrets before anything is written: Slack tokens by their shape, and
 * the given secrets (the client and state secrets, which Slack's OAuth client logs in its request bodies at
 * debug level). Used for the OAuth install flow, the one path where tokens pass through log calls' reach.
 */
export function redactingLogger(level: LogLevel, secrets: readonly string[]): Logger {
  const inner = new ConsoleLogger();
  inner.setLevel(level);
  inner.setName("OAuth");
  const redact = (message: unknown): unknown => {
    let text = typeof message === "string" ? message : message instanceof Error ? message.stack : undefined;
    if (text === undefined) {
      try {
        text = JSON.stringify(message);
      } catch {
        text = String(message);
      }
    }
    text = text.replace(TOKEN_SHAPE, "[redacted token]");
    for (const secret of secrets) text = text.split(secret).join("[redacted]");
    return text;
  };
  return {
    debug: (...messages) => inner.debug(...messages.map(redact)),
    info: (...messages) => inner.info(...messages.map(redact)),
    warn: (...messages) => inner.warn(...messages.map(redact)),
    error: (...messages) => inner.error(...messages.map(redact)),
    setLevel: (next) => inner.setLevel(next),
    getLevel: () => inner.getLevel(),
    setName: (name) => inner.setName(name),
  };
}

// Bot, user, refresh, app-level and configuration tokens: xoxb-, xoxp-, xoxe-, xoxe.xoxb-, xapp-, …
const TOKEN_SHAPE = /\bx(?:ox[a-z]|app)(?:\.xox[a-z])?-[\w.-]+/g;
