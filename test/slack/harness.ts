import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect } from "vitest";
import { failureText } from "../../src/vocabulary/index.js";
import { loadConfig } from "../../src/config.js";
import { createSlackApp } from "../../src/slack/app.js";
import type { SlackApp } from "../../src/slack/app.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { openStore } from "../../src/store/index.js";
import type { DecisionStore } from "../../src/store/index.js";
import { violations } from "./limits.js";
import { FORM, JSON_TYPE, SIGNING_SECRET, commandBody, interactionBody, postSigned } from "./signer.js";
import type { SignOptions, SignedResponse } from "./signer.js";
import { WebApiStub } from "./stub.js";

export const TEAM = "T1";
export const AUTHOR = "U0AUTHOR";
export const CHANNEL = "C0GENERAL";

/** The app on an ephemeral port, a temp SQLite file, the Web API stub, and Slack-shaped request senders. */
export interface TestApp {
  url: string;
  /** The app's SQLite file. */
  dbPath: string;
  stub: WebApiStub;
  store: DecisionStore;
  slack: SlackApp;
  command(text: string, overrides?: Record<string, string>, options?: SignOptions): Promise<SignedResponse>;
  interact(payload: unknown, options?: SignOptions): Promise<SignedResponse>;
  event(event: Record<string, unknown>, options?: SignOptions): Promise<SignedResponse>;
  /** Every Block Kit limit broken by any payload the app sent so far. */
  limitViolations(): string[];
  stop(): Promise<void>;
}

let triggers = 0;

/**
 * Starts a fresh app before each test of the file and stops it after, first checking that no payload the
 * app sent broke a Block Kit limit. Returns the running app.
 */
export function useTestApp(): () => TestApp {
  let current: TestApp | undefined;
  beforeEach(async () => {
    current = await startTestApp();
  });
  afterEach(async () => {
    try {
      expect(current?.limitViolations()).toEqual([]);
    } finally {
      await current?.stop();
    }
  });
  return () => {
    if (current === undefined) throw new Error("the test app is not running");
    return current;
  };
}

// Loaded once: the shipped data, as the app runs with it.
const knowledge = loadKnowledge();

/** `readOnly`: the app runs on a history it can only read (created and migrated first). */
export async function startTestApp(options: { readOnly?: boolean } = {}): Promise<TestApp> {
  const stub = new WebApiStub();
  await stub.start();
  const dir = mkdtempSync(join(tmpdir(), "endpoint-advice-slack-"));
  const dbPath = join(dir, "decisions.db");
  if (options.readOnly === true) await (await openStore(dbPath)).close();
  const store = await openStore(dbPath, { readOnly: options.readOnly ?? false });
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-test",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: stub.apiUrl,
    PORT: "0",
    LOG_LEVEL: "error",
  });
  if (!config.ok) throw new Error(failureText(config.errors));
  const slack = createSlackApp(
    config.value,
    { store, knowledge },
    {
      retryConfig: { retries: 1, factor: 1, minTimeout: 10, maxTimeout: 20 },
    },
  );
  const { port } = await slack.start();
  slack.startDeliveries();
  const url = `http://127.0.0.1:${port}/slack/events`;
  return {
    url,
    dbPath,
    stub,
    store,
    slack,
    command: (text, overrides = {}, options) =>
      postSigned(url, commandBody({ ...commandFields(stub, text), ...overrides }), FORM, options),
    interact: (payload, options) => postSigned(url, interactionBody(payload), FORM, options),
    event: (event, options) =>
      postSigned(
        url,
        JSON.stringify({
          type: "event_callback",
          team_id: TEAM,
          api_app_id: "A1",
          event,
          event_id: `Ev${++triggers}`,
          event_time: 1,
        }),
        JSON_TYPE,
        options,
      ),
    limitViolations: () => stub.calls.flatMap((call) => violations(call.method, call.body)),
    async stop() {
      await slack.stop();
      await store.close();
      await stub.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A slash command as Slack sends it, each with its own trigger id and response_url. */
export function commandFields(stub: WebApiStub, text: string): Record<string, string> {
  triggers += 1;
  return {
    token: "legacy-verification-token",
    team_id: TEAM,
    team_domain: "example",
    channel_id: CHANNEL,
    channel_name: "general",
    user_id: AUTHOR,
    user_name: "author",
    command: "/endpoint-advice",
    text,
    api_app_id: "A1",
    response_url: `${stub.responseUrl}/${triggers}`,
    trigger_id: `trigger.${triggers}`,
  };
}
