import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TEAM, startTestApp } from "./harness.js";
import type { TestApp } from "./harness.js";
import { FORM, JSON_TYPE, commandBody, postSigned } from "./signer.js";
import { listed } from "../store/new-decision.js";

let t: TestApp;
let callsBefore: number;
beforeEach(async () => {
  t = await startTestApp();
  // Bolt checks its token once at start (auth.test); count only what requests cause.
  await t.stub.waitFor("auth.test").catch(() => undefined);
  callsBefore = t.stub.calls.length;
});
afterEach(async () => {
  expect(t.limitViolations()).toEqual([]);
  await t.stop();
});

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 100));
}

describe("requests Slack did not sign", () => {
  it.each([
    ["a bad signature", { secret: "not-the-secret" }],
    ["a timestamp older than 5 minutes", { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
    ["no signature header", { omit: ["x-slack-signature" as const] }],
    ["no timestamp header", { omit: ["x-slack-request-timestamp" as const] }],
  ])("%s → 401, no Web API call, nothing stored", async (_name, options) => {
    const response = await t.command("quick service=azure-key-vault", {}, options);
    expect(response.status).toBe(401);
    await settle();
    expect(t.stub.calls.length).toBe(callsBefore);
    expect((await listed(t.store, TEAM)).items).toHaveLength(0);
  });
});

describe("malformed payloads", () => {
  it("a payload that is not JSON does not crash the app", async () => {
    const response = await postSigned(t.url, "payload=%7Bnot-json", FORM);
    expect(response.status).toBeGreaterThanOrEqual(400);
    const health = await fetch(t.url.replace("/slack/events", "/healthz"));
    expect(health.status).toBe(200);
    expect((await listed(t.store, TEAM)).items).toHaveLength(0);
  });

  it("an event body that is not JSON is refused without a crash", async () => {
    const response = await postSigned(t.url, "{oops", JSON_TYPE);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect((await t.command("help")).status).toBe(200);
  });

  it("a slash command with missing fields is acknowledged and nothing is stored", async () => {
    const response = await postSigned(
      t.url,
      commandBody({ command: "/endpoint-advice", text: "quick" }),
      FORM,
    );
    expect(response.status).toBe(200);
    await settle();
    expect((await listed(t.store, TEAM)).items).toHaveLength(0);
  });
});

describe("Slack's SSL check", () => {
  it("is answered 200 unsigned, and a payload smuggled beside it reaches no listener", async () => {
    const smuggled = encodeURIComponent(JSON.stringify({ command: "/endpoint-advice", text: "quick" }));
    const response = await fetch(t.url, {
      method: "POST",
      headers: { "Content-Type": FORM },
      body: `ssl_check=1&token=x&payload=${smuggled}&command=%2Fendpoint-advice&text=quick`,
    });
    expect(response.status).toBe(200);
    await settle();
    expect(t.stub.calls.length).toBe(callsBefore);
    expect((await listed(t.store, TEAM)).items).toHaveLength(0);
  });
});
