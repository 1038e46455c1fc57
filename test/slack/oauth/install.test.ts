import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ENGINES } from "../../store/engines.js";
import { newDecision } from "../../store/new-decision.js";
import { CLIENT_SECRET, orgGrant, startOAuthApp, teamGrant, type OAuthTestApp } from "./oauth-app.js";

let app: OAuthTestApp | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await app?.stop();
  app = undefined;
});

const DAY = 86_400_000;
const T1 = { teamId: "T1" };
const T2 = { teamId: "T2" };

/** The token each views.open was made with (an empty command text opens the questionnaire). */
const viewTokens = (running: OAuthTestApp) => running.stub.callsTo("views.open").map((call) => call.token);

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; !(await check()); attempt++) {
    if (attempt > 500) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each(ENGINES)("OAuth installs over HTTP on %s", (engine) => {
  beforeEach(async () => {
    app = await startOAuthApp(engine, { RETENTION_DAYS_AFTER_UNINSTALL: "0" });
  });

  it("installs workspaces through Bolt's flow and answers each with its own stored token", async () => {
    const running = app!;
    running.stub.grants.set("code-1", teamGrant("T1", "xoxb-T1-bot"));
    running.stub.grants.set("code-2", teamGrant("T2", "xoxb-T2-bot"));

    const page = await fetch(`${running.base}/slack/install`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toMatch(/https:\/\/slack\.com\/oauth\/v2\/authorize\?scope=commands%2Cchat%3Awrite/);
    expect(html).toContain("client_id=111.222");
    expect(page.headers.get("set-cookie")).toMatch(/^slack-app-oauth-state=[\w.-]+; Secure; HttpOnly/);

    expect((await running.install("code-1")).status).toBe(200);
    expect((await running.install("code-2")).status).toBe(200);
    expect(running.stub.callsTo("oauth.v2.access").map((call) => call.body)).toMatchObject([
      { code: "code-1", client_id: "111.222", client_secret: CLIENT_SECRET },
      { code: "code-2" },
    ]);
    const stored = await running.store.installations.findInstallation("team:T1");
    expect(stored).toMatchObject({
      teamId: "T1",
      isEnterpriseInstall: false,
      installerUserId: "U0INSTALLER",
    });
    expect(stored?.secrets).not.toContain("xoxb-");

    expect((await running.command(T1)).status).toBe(200);
    expect((await running.command(T2)).status).toBe(200);
    await running.stub.waitFor("views.open", 2);
    expect(viewTokens(running).sort()).toEqual(["xoxb-T1-bot", "xoxb-T2-bot"]);

    // A workspace that never installed the app gets nothing done with anyone's token.
    expect((await running.command({ teamId: "T9" })).status).toBe(200);
    await running.command(T1);
    await running.stub.waitFor("views.open", 3);
    expect(viewTokens(running)).toHaveLength(3);
  });

  it("refuses a redirect that did not start in this browser, and stores nothing", async () => {
    const running = app!;
    running.stub.grants.set("code-1", teamGrant("T1", "xoxb-T1-bot"));
    const page = await fetch(`${running.base}/slack/install`);
    const state = /state=([\w.-]+)/.exec(page.headers.get("set-cookie") ?? "")?.[1];
    const forged = await fetch(`${running.base}/slack/oauth_redirect?code=code-1&state=${state}`);
    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(running.stub.callsTo("oauth.v2.access")).toEqual([]);
    expect(await running.store.installations.findInstallation("team:T1")).toBeUndefined();
  });

  it("serves an org-wide install on Enterprise Grid to every team of the org, and its uninstall purges them", async () => {
    const running = app!;
    running.stub.grants.set("code-org", orgGrant("E1", "xoxb-E1-bot"));
    expect((await running.install("code-org")).status).toBe(200);
    expect(await running.store.installations.findInstallation("enterprise:E1")).toMatchObject({
      enterpriseId: "E1",
      teamId: null,
      isEnterpriseInstall: true,
    });

    const team5 = { teamId: "T5", enterpriseId: "E1", orgWide: true };
    const team6 = { teamId: "T6", enterpriseId: "E1", orgWide: true };
    await running.command(team5);
    await running.command(team6);
    await running.stub.waitFor("views.open", 2);
    expect(viewTokens(running)).toEqual(["xoxb-E1-bot", "xoxb-E1-bot"]);
    for (const workspace of ["T5", "T6", "T7"]) await running.store.saveDecision(newDecision({ workspace }));

    expect(
      (await running.event({ enterpriseId: "E1", orgWide: true }, { type: "app_uninstalled" })).status,
    ).toBe(200);
    await until(
      async () => (await running.store.listDecisions("T5")).ok && (await count(running, "T5")) === 0,
      "the org's decisions to be deleted",
    );
    expect(await running.store.installations.findInstallation("enterprise:E1")).toBeUndefined();
    expect([await count(running, "T6"), await count(running, "T7")]).toEqual([0, 1]);
  });

  it("deletes the tokens on app_uninstalled at once, and with a retention of 0 the decisions too", async () => {
    const running = app!;
    running.stub.grants.set("code-1", teamGrant("T1", "xoxb-T1-bot"));
    running.stub.grants.set("code-2", teamGrant("T2", "xoxb-T2-bot"));
    await running.install("code-1");
    await running.install("code-2");
    await running.store.saveDecision(newDecision({ workspace: "T1" }));
    await running.store.saveDecision(newDecision({ workspace: "T2" }));

    expect((await running.event(T1, { type: "app_uninstalled" })).status).toBe(200);
    await until(async () => (await count(running, "T1")) === 0, "T1's decisions to be deleted");
    expect(await running.store.installations.findInstallation("team:T1")).toBeUndefined();
    expect(await count(running, "T2")).toBe(1);
    await running.command(T1);
    await running.command(T2);
    await running.stub.waitFor("views.open", 1);
    expect(viewTokens(running)).toEqual(["xoxb-T2-bot"]);
  });

  it("ignores an app_uninstalled older than a reinstall while Slack accepts the token, not after", async () => {
    const running = app!;
    running.stub.grants.set("code-1", teamGrant("T1", "xoxb-T1-bot"));
    await running.install("code-1");
    const beforeInstall = new Date(running.clock.now.getTime() - 60_000);
    await running.event(T1, { type: "app_uninstalled" }, beforeInstall);
    await running.stub.waitFor("auth.test", 2); // the install's own check, then the uninstall's
    expect(running.stub.callsTo("auth.test").at(-1)?.token).toBe("xoxb-T1-bot");
    expect(await running.store.installations.findInstallation("team:T1")).toBeDefined();

    running.stub.revoked.add("xoxb-T1-bot");
    await running.event(T1, { type: "app_uninstalled" }, beforeInstall);
    await until(
      async () => (await running.store.installations.findInstallation("team:T1")) === undefined,
      "the installation to be deleted",
    );
  });

  it("deletes revoked user tokens, and on a revoked bot token the installation", async () => {
    const running = app!;
    running.stub.grants.set("code-1", {
      ...teamGrant("T1", "xoxb-T1-bot"),
      authed_user: { id: "U0INSTALLER", access_token: "xoxp-installer", scope: "identify" },
    });
    await running.install("code-1");
    expect((await running.store.installations.findInstallation("team:T1"))?.user).toBeDefined();

    await running.event(T1, { type: "tokens_revoked", tokens: { oauth: ["U0INSTALLER"] } });
    await until(
      async () => (await running.store.installations.findInstallation("team:T1"))?.user === undefined,
      "the user token to be deleted",
    );
    expect(await running.store.installations.findInstallation("team:T1")).toBeDefined();

    await running.event(T1, { type: "tokens_revoked", tokens: { bot: ["UBOTT1"] } });
    await until(
      async () => (await running.store.installations.findInstallation("team:T1")) === undefined,
      "the installation to be deleted",
    );
  });

  it("rotates an expiring bot token through oauth.v2.access and uses the new one", async () => {
    const running = app!;
    running.stub.grants.set(
      "code-1",
      teamGrant("T1", "xoxb-T1-first", { refresh: "xoxe-1-first", expiresIn: 3600 }),
    );
    running.stub.grants.set("xoxe-1-first", {
      token_type: "bot",
      access_token: "xoxb-T1-second",
      refresh_token: "xoxe-1-second",
      expires_in: 43_200,
    });
    await running.install("code-1");

    await running.command(T1);
    await running.stub.waitFor("views.open", 1);
    expect(running.stub.callsTo("oauth.v2.access").at(-1)?.body).toMatchObject({
      grant_type: "refresh_token",
      refresh_token: "xoxe-1-first",
      client_id: "111.222",
    });
    await running.command(T1);
    await running.stub.waitFor("views.open", 2);
    expect(viewTokens(running)).toEqual(["xoxb-T1-second", "xoxb-T1-second"]);
    // Refreshed once: the new token is good for twelve hours and was stored (sealed).
    expect(running.stub.callsTo("oauth.v2.access")).toHaveLength(2);
    expect((await running.store.installations.findInstallation("team:T1"))?.secrets).not.toContain("xoxb-");
  });
});

describe.each(ENGINES)("retention after an uninstall on %s", (engine) => {
  beforeEach(async () => {
    app = await startOAuthApp(engine);
  });

  it("keeps the decisions for 30 days, then an app starting deletes them", async () => {
    const running = app!;
    running.stub.grants.set("code-1", teamGrant("T1", "xoxb-T1-bot"));
    await running.install("code-1");
    await running.store.saveDecision(newDecision({ workspace: "T1" }));
    await running.event(T1, { type: "app_uninstalled" });
    await until(
      async () => (await running.store.installations.pendingPurges()).length === 1,
      "the uninstall",
    );
    expect(await running.store.installations.findInstallation("team:T1")).toBeUndefined();

    running.clock.now = new Date(running.clock.now.getTime() + 29 * DAY);
    await running.restart();
    expect(await count(running, "T1")).toBe(1);

    running.clock.now = new Date(running.clock.now.getTime() + 2 * DAY);
    await running.restart();
    await until(async () => (await count(running, "T1")) === 0, "the purge on start");
    expect(await running.store.installations.pendingPurges()).toEqual([]);
  });

  it("cancels the deletion when the workspace installs the app again within the period", async () => {
    const running = app!;
    running.stub.grants.set("code-1", teamGrant("T1", "xoxb-T1-bot"));
    await running.install("code-1");
    await running.store.saveDecision(newDecision({ workspace: "T1" }));
    await running.event(T1, { type: "app_uninstalled" });
    await until(
      async () => (await running.store.installations.pendingPurges()).length === 1,
      "the uninstall",
    );

    running.clock.now = new Date(running.clock.now.getTime() + 10 * DAY);
    await running.install("code-1");
    expect(await running.store.installations.pendingPurges()).toEqual([]);
    running.clock.now = new Date(running.clock.now.getTime() + 40 * DAY);
    await running.restart();
    await running.command(T1);
    await running.stub.waitFor("views.open", 1);
    expect(await count(running, "T1")).toBe(1);
  });
});

describe.each(ENGINES)("logs on %s", (engine) => {
  it("never show a token or the client secret, even at debug level", async () => {
    const lines: string[] = [];
    for (const level of ["debug", "info", "warn", "error", "log"] as const) {
      vi.spyOn(console, level).mockImplementation(
        (...args: unknown[]) => void lines.push(args.map(String).join(" ")),
      );
    }
    app = await startOAuthApp(engine, { LOG_LEVEL: "debug" });
    app.stub.grants.set("code-1", {
      ...teamGrant("T1", "xoxb-T1-first", { refresh: "xoxe-1-first", expiresIn: 60 }),
      authed_user: { id: "U0INSTALLER", access_token: "xoxp-installer", scope: "identify" },
    });
    app.stub.grants.set("xoxe-1-first", {
      token_type: "bot",
      access_token: "xoxb-T1-second",
      refresh_token: "xoxe-1-second",
      expires_in: 43_200,
    });
    await app.install("code-1");
    await app.command(T1);
    await app.stub.waitFor("views.open", 1);
    await app.event(T1, { type: "app_uninstalled" });
    await until(async () => (await app!.store.installations.pendingPurges()).length === 1, "the uninstall");

    const logged = lines.join("\n");
    expect(logged).toContain("oauth.v2.access"); // the flow was logged in detail
    expect(logged).toContain("team:T1");
    for (const secret of ["xoxb-", "xoxe-", "xoxp-", CLIENT_SECRET]) expect(logged).not.toContain(secret);
  });
});

async function count(running: OAuthTestApp, workspace: string): Promise<number> {
  const page = await running.store.listDecisions(workspace);
  if (!page.ok) throw new Error(JSON.stringify(page.errors));
  return page.value.items.length;
}
