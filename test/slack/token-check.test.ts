import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { failureText } from "../../src/vocabulary/index.js";
import { loadConfig } from "../../src/config.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { createSlackApp } from "../../src/slack/app.js";
import { openStore } from "../../src/store/index.js";
import type { DecisionStore } from "../../src/store/index.js";
import { SIGNING_SECRET } from "./signer.js";
import { WebApiStub } from "./stub.js";

let dir: string;
let store: DecisionStore;
let stub: WebApiStub;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "endpoint-advice-token-"));
  store = await openStore(join(dir, "decisions.db"));
  stub = new WebApiStub();
  await stub.start();
});
afterEach(async () => {
  await store.close();
  await stub.close();
  rmSync(dir, { recursive: true, force: true });
});

function appFor(slackApiUrl: string) {
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-test",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slackApiUrl,
    PORT: "0",
    LOG_LEVEL: "error",
  });
  if (!config.ok) throw new Error(failureText(config.errors));
  return createSlackApp(config.value, { store, knowledge: loadKnowledge() }, { retryConfig: { retries: 0 } });
}

describe("the bot token is checked before the app listens", () => {
  it("starts after one auth.test, and requests do not ask again", async () => {
    const slack = appFor(stub.apiUrl);
    await slack.start();
    expect(stub.callsTo("auth.test")).toHaveLength(1);
    await slack.stop();
  });

  it("refuses to start with a token Slack refuses, naming the variable and Slack's code", async () => {
    stub.fail("auth.test", "invalid_auth");
    await expect(appFor(stub.apiUrl).start()).rejects.toThrow("Slack refused SLACK_BOT_TOKEN (invalid_auth)");
  });

  it("refuses to start when the Web API cannot be reached, naming its URL", async () => {
    await stub.close();
    await expect(appFor(stub.apiUrl).start()).rejects.toThrow(
      `cannot reach the Slack Web API at ${stub.apiUrl}`,
    );
    await stub.start();
  });
});
