import { describe, expect, it } from "vitest";
import { AUTHOR, TEAM, useTestApp } from "./harness.js";
import { buttonPress } from "./payloads.js";

const app = useTestApp();
const OTHER_TEAM = "T2OTHER";
const OTHER_USER = "U0FOREIGN";

/** A quick answer in `team`; returns the decision and the buttons' values as posted. */
async function decideIn(team: string, user: string, extra: Record<string, string> = {}) {
  const before = app().stub.callsTo("chat.postMessage").length;
  expect(
    (
      await app().command(`quick service=azure-key-vault title=${team}`, {
        team_id: team,
        user_id: user,
        ...extra,
      })
    ).status,
  ).toBe(200);
  const posts = await app().stub.waitFor("chat.postMessage", before + 1);
  const post = posts[before]!;
  const actions = (
    post.body.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]
  ).find((block) => block.type === "actions")!;
  const value = actions.elements!.find((element) => element.action_id === "decision_accept")!.value;
  return {
    value,
    // The stub numbers its message ts in order (no chat.update has happened yet in these tests).
    ts: `1700000000.${String(before + 1).padStart(6, "0")}`,
  };
}

function pressAs(value: string, ts: string, user: string, team: string | null, userTeam: string | undefined) {
  const press = buttonPress("decision_accept", value, {
    user,
    responseUrl: `${app().stub.responseUrl}/click`,
    messageTs: ts,
  });
  return app().interact({
    ...press,
    team: team === null ? null : { id: team, domain: "x" },
    user: { id: user, username: "someone", ...(userTeam !== undefined && { team_id: userTeam }) },
  });
}

describe("buttons in a shared (Slack Connect) channel", () => {
  it.each([
    ["the payload names the clicker's team", OTHER_TEAM],
    ["the payload names our team", TEAM],
  ])(
    "a person of another workspace (an admin there) clicking Accept changes nothing and is told why: %s",
    async (_name, payloadTeam) => {
      const ours = await decideIn(TEAM, AUTHOR);
      await decideIn(OTHER_TEAM, OTHER_USER); // their own EA-1
      app().stub.admins.add(OTHER_USER);
      expect(ours.value).toBe(`${TEAM}/EA-1`);
      expect((await pressAs(ours.value, ours.ts, OTHER_USER, payloadTeam, OTHER_TEAM)).status).toBe(200);
      const [reply] = await app().stub.waitFor("response_url", 1);
      expect(reply!.body).toMatchObject({ response_type: "ephemeral", replace_original: false });
      expect(String(reply!.body.text)).toContain("belongs to the workspace that asked for it");
      expect((await app().store.getDecision(TEAM, "EA-1"))!.status).toBe("proposed");
      expect((await app().store.getDecision(OTHER_TEAM, "EA-1"))!.status).toBe("proposed");
      expect(app().stub.callsTo("chat.update")).toHaveLength(0);
    },
  );

  it("a button naming a bare id (posted before values named the workspace) acts only on its own message", async () => {
    const ours = await decideIn(TEAM, AUTHOR);
    await decideIn(OTHER_TEAM, OTHER_USER);
    // Their EA-1, through our message: the stored message of their EA-1 is another one.
    expect((await pressAs("EA-1", ours.ts, OTHER_USER, OTHER_TEAM, OTHER_TEAM)).status).toBe(200);
    const [reply] = await app().stub.waitFor("response_url", 1);
    expect(String(reply!.body.text)).toContain("does not belong to the message");
    expect((await app().store.getDecision(OTHER_TEAM, "EA-1"))!.status).toBe("proposed");
    expect(app().stub.callsTo("chat.update")).toHaveLength(0);
  });

  it("the author in the decision's own workspace still accepts it", async () => {
    const ours = await decideIn(TEAM, AUTHOR);
    await pressAs(ours.value, ours.ts, AUTHOR, TEAM, TEAM);
    await app().stub.waitFor("chat.update");
    expect((await app().store.getDecision(TEAM, "EA-1"))!.status).toBe("accepted");
  });
});

describe("org-wide installs (Enterprise Grid)", () => {
  it("a command and a click with no team are keyed by the enterprise, never by an empty workspace, and the button works", async () => {
    const ours = await decideIn("", AUTHOR, { enterprise_id: "E0ORG", is_enterprise_install: "true" });
    expect(ours.value).toBe("E0ORG/EA-1");
    expect(await app().store.getDecision("", "EA-1")).toBeUndefined();
    const press = buttonPress("decision_accept", ours.value, {
      responseUrl: `${app().stub.responseUrl}/click`,
      messageTs: ours.ts,
    });
    await app().interact({
      ...press,
      team: null,
      enterprise: { id: "E0ORG", name: "org" },
      is_enterprise_install: true,
      user: { id: AUTHOR, username: "author", team_id: "T0MEMBER" },
    });
    await app().stub.waitFor("chat.update");
    expect((await app().store.getDecision("E0ORG", "EA-1"))!.status).toBe("accepted");
  });
});
