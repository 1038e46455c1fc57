import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { testDatabase, type TestDatabase } from "../../store/engines.js";
import { commandFields } from "../harness.js";
import { Instances, type AppInstance } from "../instances.js";
import { SIGNING_SECRET } from "../signer.js";
import { WebApiStub } from "../stub.js";
import { teamGrant } from "./oauth-app.js";

// Waits are on events (a call reaching the stub, a backend waiting in PostgreSQL) with a wide limit.
const WAIT_MS = 60_000;

let stub: WebApiStub | undefined;
let database: TestDatabase | undefined;
let instances: Instances | undefined;
let a: AppInstance;
let b: AppInstance;

// Two app processes in OAuth mode on one PostgreSQL database, the Web API stub shared.
beforeEach(async () => {
  stub = new WebApiStub();
  await stub.start();
  database = await testDatabase("postgres");
  instances = new Instances();
  const env = {
    SLACK_CLIENT_ID: "111.222",
    SLACK_CLIENT_SECRET: "client-secret-for-tests",
    SLACK_STATE_SECRET: "state-secret-for-tests",
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: stub.apiUrl,
    DATABASE_URL: database.location,
  };
  [a, b] = await Promise.all([instances.start("A", env), instances.start("B", env)]);
});

afterEach(async () => {
  try {
    await instances?.killAll();
  } finally {
    await stub?.close();
    await database?.remove();
    [stub, database, instances] = [undefined, undefined, undefined];
  }
});

describe("token rotation with two instances", { timeout: 180_000 }, () => {
  it("refreshes an expiring bot token once when both need it at once, and both use the new token", async () => {
    // Installed with token rotation: the first token expires within the hour, so it is due for refresh.
    stub!.grants.set(
      "code-1",
      teamGrant("T1", "xoxb-T1-first", { refresh: "xoxe-1-first", expiresIn: 3600 }),
    );
    stub!.grants.set("xoxe-1-first", {
      token_type: "bot",
      access_token: "xoxb-T1-second",
      refresh_token: "xoxe-1-second",
      expires_in: 43_200,
    });
    expect((await install(a, "code-1")).status).toBe(200);

    // A's refresh is held at Slack until B has asked for the token too.
    const refresh = stub!.hold("oauth.v2.access");
    const onA = a.command(commandFields(stub!, ""));
    await refresh.held;
    const onB = b.command(commandFields(stub!, ""));
    // B either refreshes as well (the fault) or waits for A's row lock (the fix): held until one is seen.
    await until(async () => refreshes().length > 1 || (await waitingForInstallationRow()), "B to ask");
    refresh.release();
    await Promise.all([onA, onB]);

    const opened = await stub!.waitFor("views.open", 2, WAIT_MS);
    expect(opened.map((call) => call.token)).toEqual(["xoxb-T1-second", "xoxb-T1-second"]);
    expect(refreshes().map((call) => call.body.refresh_token)).toEqual(["xoxe-1-first"]);
  });
});

function refreshes() {
  return stub!.callsTo("oauth.v2.access").filter((call) => call.body.grant_type === "refresh_token");
}

/** The whole browser side of an install on one instance: /slack/install, then Slack's redirect back. */
async function install(instance: AppInstance, code: string): Promise<{ status: number }> {
  const base = instance.url.replace(/\/slack\/events$/, "");
  const page = await fetch(`${base}/slack/install`);
  await page.text();
  const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0]!;
  const state = cookie.split("=")[1]!;
  const redirect = await fetch(`${base}/slack/oauth_redirect?code=${code}&state=${state}`, {
    headers: { cookie },
  });
  await redirect.text();
  return { status: redirect.status };
}

/** Whether a PostgreSQL backend is waiting for a lock in a query on the installation table. */
async function waitingForInstallationRow(): Promise<boolean> {
  const client = new pg.Client({ connectionString: inject("postgresUrl") });
  await client.connect();
  try {
    const { rows } = await client.query<{ waiting: string }>(
      `SELECT count(*) AS waiting FROM pg_stat_activity
       WHERE wait_event_type = 'Lock' AND query LIKE '%FROM installation%'`,
    );
    return Number(rows[0]?.waiting) > 0;
  } finally {
    await client.end();
  }
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
