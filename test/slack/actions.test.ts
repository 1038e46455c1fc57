import { describe, expect, it } from "vitest";
import { AUTHOR, CHANNEL, TEAM, useTestApp } from "./harness.js";
import { buttonPress } from "./payloads.js";
import { listed } from "../store/new-decision.js";

const app = useTestApp();

/** Asks through the quick command, so the decision exists exactly as a person would have made it. */
async function decide(): Promise<string> {
  await app().command("quick cloud=azure service=azure-key-vault onprem=yes budget=20 title=Vault");
  await app().stub.waitFor("views.publish");
  return (await listed(app().store, TEAM)).items[0]!.id;
}

const press = (actionId: string, id: string, user = AUTHOR) =>
  app().interact(buttonPress(actionId, id, { user, responseUrl: `${app().stub.responseUrl}/button` }));

describe("buttons on an answer", () => {
  it("Accept by someone else who is not an admin is refused politely and changes nothing", async () => {
    const id = await decide();
    expect((await press("decision_accept", id, "U0OTHER")).status).toBe(200);
    const [refusal] = await app().stub.waitFor("response_url");
    expect(refusal!.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(String(refusal!.body.text)).toContain(`only <@${AUTHOR}>`);
    expect((await app().store.getDecision(TEAM, id))!.status).toBe("proposed");
    expect(app().stub.callsTo("chat.update")).toHaveLength(0);
  });

  it("Accept by a workspace admin updates the message in place and the admin's Home", async () => {
    const id = await decide();
    app().stub.admins.add("U0ADMIN");
    await press("decision_accept", id, "U0ADMIN");
    const [update] = await app().stub.waitFor("chat.update");
    expect(update!.body).toMatchObject({ channel: CHANNEL, ts: "1700000000.000001" });
    const json = JSON.stringify(update!.body.blocks);
    expect(json).toContain("accepted");
    expect(json).not.toContain("decision_accept");
    expect((await app().store.getDecision(TEAM, id))!.status).toBe("accepted");
    const publishes = await app().stub.waitFor("views.publish", 2);
    expect(publishes[1]!.body.user_id).toBe("U0ADMIN");
  });

  it("Reject by the author works without asking Slack who is an admin", async () => {
    const id = await decide();
    await press("decision_reject", id);
    await app().stub.waitFor("chat.update");
    expect((await app().store.getDecision(TEAM, id))!.status).toBe("rejected");
    expect(app().stub.callsTo("users.info")).toHaveLength(0);
  });

  it("Re-run opens the questionnaire filled in with the decision's answers", async () => {
    const id = await decide();
    await press("decision_rerun", id);
    const [open] = await app().stub.waitFor("views.open");
    const view = open!.body.view as { private_metadata: string };
    expect(JSON.parse(view.private_metadata)).toMatchObject({
      channel: CHANNEL,
      answers: { service: "azure-key-vault", title: "Vault" },
    });
  });

  it("Export ADR posts the record in the answer's thread as Markdown, with names and a link to the answer", async () => {
    app().stub.names.set(AUTHOR, "Ada Lovelace");
    const id = await decide();
    await press("decision_export", id);
    const posts = await app().stub.waitFor("chat.postMessage", 2);
    expect(posts[1]!.body.thread_ts).toBe("1700000000.000001");
    const blocks = posts[1]!.body.blocks as { type: string; text: string }[];
    expect(blocks.map((block) => block.type)).toEqual(["markdown"]);
    const record = blocks[0]!.text;
    expect(record).toContain("- Decided by: Ada Lovelace\n");
    expect(record).toContain(
      "- Slack message: https://example.slack.com/archives/C0GENERAL/p1700000000000001",
    );
    expect(record).toContain("proposed by Ada Lovelace");
    expect(record).not.toMatch(/U0AUTHOR|C0GENERAL at|```|&lt;|\\&/);
    // The context is worded with the questionnaire's labels, not the raw values.
    expect(record).toContain("- What must be reached privately? A cloud service");
    expect(String(posts[1]!.body.text)).toContain(`Architecture decision record for ${id}: Vault`);
  });

  it("a button naming a decision that does not exist says so", async () => {
    await press("decision_accept", "EA-999");
    const [reply] = await app().stub.waitFor("response_url");
    expect(String(reply!.body.text)).toContain("EA-999");
  });
});
