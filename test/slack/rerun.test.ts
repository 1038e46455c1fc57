import { describe, expect, it } from "vitest";
import { AUTHOR, CHANNEL, TEAM, useTestApp } from "./harness.js";
import { buttonPress, number, radio, select, text, viewSubmission } from "./payloads.js";
import { listed } from "../store/new-decision.js";

type View = { callback_id: string; private_metadata: string; blocks: unknown[] };

const app = useTestApp();

/** The original answer, asked by AUTHOR through the quick command and posted in the channel. */
async function decide(): Promise<{ id: string; ts: string }> {
  await app().command("quick cloud=azure service=azure-key-vault onprem=yes budget=20 title=Vault");
  await app().stub.waitFor("views.publish");
  const decision = (await listed(app().store, TEAM)).items[0]!;
  expect(decision.messageTs).toMatch(/^\d+\.\d+$/);
  return { id: decision.id, ts: decision.messageTs! };
}

/** Presses Re-run as `user`, then goes through both steps of the pre-filled modal, changing the service. */
async function rerun(id: string, user: string, viewId: string): Promise<void> {
  const opens = app().stub.callsTo("views.open").length;
  await app().interact(
    buttonPress("decision_rerun", id, { user, responseUrl: `${app().stub.responseUrl}/b` }),
  );
  const all = await app().stub.waitFor("views.open", opens + 1);
  const stepOne = all[opens]!.body.view as View;
  expect(JSON.parse(stepOne.private_metadata)).toMatchObject({ basedOn: id });
  const ack = await app().interact(
    viewSubmission(
      stepOne,
      {
        cloud: select("azure"),
        target: select("cloud-service"),
        service: select("azure-sql-database"),
        title: text("Vault, now SQL"),
      },
      { user, id: viewId },
    ),
  );
  const stepTwo = (JSON.parse(ack.text) as { view: View }).view;
  const done = await app().interact(
    viewSubmission(
      stepTwo,
      { onPremisesAccess: radio(true), dataGbPerMonth: number("10"), monthlyBudgetUsd: number("20") },
      { user, id: viewId },
    ),
  );
  expect(JSON.parse(done.text)).toEqual({ response_action: "clear" });
}

const textOf = (body: Record<string, unknown>) => JSON.stringify(body.blocks);

const press = (actionId: string, id: string, user: string, messageTs?: string) =>
  app().interact(
    buttonPress(actionId, id, {
      user,
      responseUrl: `${app().stub.responseUrl}/press`,
      ...(messageTs !== undefined && { messageTs }),
    }),
  );

describe("Re-run with changes", () => {
  it("by the author proposes a replacement; the accepted original counts until the replacement is accepted", async () => {
    const original = await decide();
    await press("decision_accept", original.id, AUTHOR, original.ts);
    await app().stub.waitFor("chat.update");
    const acceptedCost = (await app().store.stats(TEAM)).acceptedMonthlyCostUsd;
    expect(acceptedCost).toBeGreaterThan(0);

    await rerun(original.id, AUTHOR, "V_RERUN");
    const posts = await app().stub.waitFor("chat.postMessage", 2);
    await app().stub.waitFor("views.publish", 3);
    const next = (await listed(app().store, TEAM)).items.find((decision) => decision.id !== original.id)!;
    expect(next).toMatchObject({ status: "proposed", supersedes: original.id, title: "Vault, now SQL" });
    expect(await app().store.getDecision(TEAM, original.id)).toMatchObject({
      status: "accepted",
      supersededBy: null,
    });
    expect((await app().store.stats(TEAM)).acceptedMonthlyCostUsd).toBe(acceptedCost);
    expect(app().stub.callsTo("chat.update")).toHaveLength(1);
    expect(textOf(posts[1]!.body)).toContain(`replaces *${original.id}* once accepted`);

    await press("decision_accept", next.id, AUTHOR, next.messageTs!);
    const updates = await app().stub.waitFor("chat.update", 3);
    expect(await app().store.getDecision(TEAM, original.id)).toMatchObject({
      status: "superseded",
      supersededBy: next.id,
    });
    expect(await app().store.getDecision(TEAM, next.id)).toMatchObject({
      status: "accepted",
      supersedes: original.id,
    });
    expect((await app().store.history(TEAM, original.id)).at(-1)).toMatchObject({
      status: "superseded",
      actor: AUTHOR,
    });
    const oldUpdate = updates.find((update) => update.body.ts === original.ts && update !== updates[0])!;
    expect(oldUpdate.body).toMatchObject({ channel: CHANNEL });
    expect(textOf(oldUpdate.body)).toContain(`superseded by *${next.id}*`);
    expect(textOf(oldUpdate.body)).not.toContain("decision_accept");
    expect(app().stub.callsTo("users.info")).toHaveLength(0);
  });

  it("rejecting the replacement leaves the original as it was", async () => {
    const original = await decide();
    await rerun(original.id, AUTHOR, "V_REJECT");
    await app().stub.waitFor("chat.postMessage", 2);
    const next = (await listed(app().store, TEAM)).items.find((decision) => decision.id !== original.id)!;
    await press("decision_reject", next.id, AUTHOR, next.messageTs ?? undefined);
    await app().stub.waitFor("chat.update");
    expect((await app().store.getDecision(TEAM, next.id))!.status).toBe("rejected");
    expect(await app().store.getDecision(TEAM, original.id)).toMatchObject({
      status: "proposed",
      supersededBy: null,
    });
  });

  it("by a workspace admin proposes a replacement too, which supersedes the original once accepted", async () => {
    const original = await decide();
    app().stub.admins.add("U0ADMIN");
    await rerun(original.id, "U0ADMIN", "V_ADMIN");
    await app().stub.waitFor("chat.postMessage", 2);
    const next = (await listed(app().store, TEAM)).items.find((decision) => decision.id !== original.id)!;
    expect(next.supersedes).toBe(original.id);
    await press("decision_accept", next.id, "U0ADMIN", next.messageTs!);
    await app().stub.waitFor("chat.update", 2);
    expect((await app().store.getDecision(TEAM, original.id))!.status).toBe("superseded");
  });

  it("by anyone else creates a new proposed decision that names the original, which stays as it was", async () => {
    const original = await decide();
    await rerun(original.id, "U0OTHER", "V_OTHER");
    const posts = await app().stub.waitFor("chat.postMessage", 2);
    const next = (await listed(app().store, TEAM)).items.find((decision) => decision.id !== original.id)!;
    expect(next).toMatchObject({ status: "proposed", supersedes: null, author: "U0OTHER" });
    expect(next.title).toBe(`Vault, now SQL (based on ${original.id})`);
    expect(await app().store.getDecision(TEAM, original.id)).toMatchObject({
      status: "proposed",
      supersededBy: null,
    });
    expect(app().stub.callsTo("chat.update")).toHaveLength(0);
    expect(posts).toHaveLength(2);
  });

  it("a second submit of the same re-run stores and posts once", async () => {
    const original = await decide();
    await rerun(original.id, AUTHOR, "V_TWICE");
    await app().stub.waitFor("chat.postMessage", 2);
    await rerun(original.id, AUTHOR, "V_TWICE");
    await app().stub.waitFor("views.open", 2);
    expect((await listed(app().store, TEAM)).items).toHaveLength(2);
    expect(app().stub.callsTo("chat.postMessage")).toHaveLength(2);
    expect(app().stub.callsTo("chat.update")).toHaveLength(0);
  });
});
