import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ENGINES } from "../../store/engines.js";
import { newDecision } from "../../store/new-decision.js";
import { buttonPress, buttonValue, number, radio, select, text, viewSubmission } from "../payloads.js";
import { orgGrant, startOAuthApp, type OAuthTestApp } from "./oauth-app.js";

type View = { callback_id: string; private_metadata: string; blocks: unknown[] };

let app: OAuthTestApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

// A team of Enterprise Grid org E1, where the app is installed org-wide: Slack sends the team and the
// enterprise, and the installation is the org's (keyed by the enterprise), not the team's.
const TEAM5 = { teamId: "T5", enterpriseId: "E1", orgWide: true };
const ORG_TOKEN = "xoxb-E1-bot";

describe.each(ENGINES)("a team of an org-wide install on %s", (engine) => {
  beforeEach(async () => {
    app = await startOAuthApp(engine);
    app.stub.grants.set("code-org", orgGrant("E1", ORG_TOKEN));
    expect((await app.install("code-org")).status).toBe(200);
  });

  it("gets an answer left pending by a crash from the delivery worker after a restart, with the org's token", async () => {
    const running = app!;
    // The team has used the app (its answer is posted by the request itself).
    await running.command(TEAM5, "quick service=azure-key-vault title=First");
    const [first] = await running.stub.waitFor("chat.postMessage", 1);
    expect(first!.token).toBe(ORG_TOKEN);

    // An answer saved but not posted, as a crash right after the ack leaves it; a restart delivers it.
    await running.store.saveDecision(
      newDecision({
        workspace: "T5",
        channel: "C0PENDING",
        dedupeKey: "pending-after-crash",
        delivery: { kind: "answer", channel: "C0PENDING", user: "U0AUTHOR", responseUrl: null },
      }),
    );
    await running.restart();
    // Wide limit: the restart and the worker's first look take longer on a loaded machine.
    const posts = await running.stub.waitFor("chat.postMessage", 2, 60_000);
    expect(posts[1]).toMatchObject({ token: ORG_TOKEN, body: { channel: "C0PENDING" } });
  });

  it("runs the questionnaire, the answer's buttons and the App Home with the org's token, in the team's history", async () => {
    const running = app!;
    await running.command(TEAM5);
    const [open] = await running.stub.waitFor("views.open");
    expect(open!.token).toBe(ORG_TOKEN);

    const pushed = await running.interact(
      TEAM5,
      viewSubmission(open!.body.view as View, {
        cloud: select("azure"),
        target: select("cloud-service"),
        service: select("azure-storage-blob"),
        title: text("Org storage"),
      }),
    );
    const stepOne = JSON.parse(pushed.text) as { response_action: string; view: View };
    expect(stepOne.response_action).toBe("push");
    const submitted = await running.interact(
      TEAM5,
      viewSubmission(stepOne.view, {
        onPremisesAccess: radio(true),
        dataGbPerMonth: number("100"),
        monthlyBudgetUsd: number("20"),
      }),
    );
    expect(JSON.parse(submitted.text)).toEqual({ response_action: "clear" });
    const [post] = await running.stub.waitFor("chat.postMessage");
    expect(post!.token).toBe(ORG_TOKEN);
    expect((await running.store.getDecision("T5", "EA-1"))?.status).toBe("proposed");

    const accept = buttonPress("decision_accept", buttonValue(post!.body.blocks, "decision_accept"), {
      responseUrl: `${running.stub.responseUrl}/accept`,
      messageTs: "1700000000.000001", // the stub's ts for the first message posted
    });
    expect((await running.interact(TEAM5, accept)).status).toBe(200);
    const [update] = await running.stub.waitFor("chat.update");
    expect(update!.token).toBe(ORG_TOKEN);
    expect((await running.store.getDecision("T5", "EA-1"))?.status).toBe("accepted");

    const publishedBefore = running.stub.callsTo("views.publish").length;
    await running.event(TEAM5, { type: "app_home_opened", user: "U0AUTHOR", tab: "home", event_ts: "1" });
    const publishes = await running.stub.waitFor("views.publish", publishedBefore + 1);
    const home = publishes.at(-1)!;
    expect(home.token).toBe(ORG_TOKEN);
    expect(JSON.stringify(home.body.view)).toContain("EA-1");
    // Nothing was filed under the enterprise: the history is the team's.
    const org = await running.store.listDecisions("E1");
    expect(org.ok && org.value.items).toEqual([]);
  });
});
