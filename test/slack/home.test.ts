import { describe, expect, it } from "vitest";
import { AUTHOR, CHANNEL, TEAM, useTestApp } from "./harness.js";

const app = useTestApp();

const user = { id: AUTHOR, username: "author", team_id: TEAM };

describe("App Home", () => {
  it("publishes recent decisions, counts per option and a New questionnaire button when opened", async () => {
    await app().command("quick service=azure-key-vault title=Vault");
    await app().stub.waitFor("views.publish");
    const ack = await app().event({
      type: "app_home_opened",
      user: AUTHOR,
      channel: "D0HOME",
      tab: "home",
      event_ts: "1",
    });
    expect(ack.status).toBe(200);
    const publishes = await app().stub.waitFor("views.publish", 2);
    const json = JSON.stringify(publishes[1]!.body.view);
    expect(publishes[1]!.body.user_id).toBe(AUTHOR);
    for (const part of ["home_new_questionnaire", "home_filter_status", "EA-1", "Vault", "private-endpoint"])
      expect(json).toContain(part);
    // The option filter reads as the options' names, not their ids.
    expect(json).toContain('"text":{"type":"plain_text","text":"Azure global VNet peering (across regions)"');
  });

  it("filters by status and opens the questionnaire from its button", async () => {
    await app().command("quick service=azure-key-vault title=Vault");
    await app().stub.waitFor("views.publish");
    const home = {
      id: "V_HOME",
      type: "home",
      team_id: TEAM,
      private_metadata: "{}",
      hash: "h",
      state: { values: {} },
      blocks: [],
    };
    const base = {
      type: "block_actions",
      team: { id: TEAM, domain: "x" },
      user,
      api_app_id: "A1",
      token: "t",
      trigger_id: "trigger.home",
      container: { type: "view", view_id: "V_HOME" },
      view: home,
    };
    await app().interact({
      ...base,
      actions: [
        {
          type: "static_select",
          action_id: "home_filter_status",
          block_id: "home_actions",
          selected_option: { text: { type: "plain_text", text: "accepted" }, value: "accepted" },
          action_ts: "1",
        },
      ],
    });
    const publishes = await app().stub.waitFor("views.publish", 2);
    const filtered = JSON.stringify(publishes[1]!.body.view);
    expect(filtered).not.toContain("EA-1");
    expect(filtered).toContain("No decisions match");
    await app().interact({
      ...base,
      actions: [
        {
          type: "button",
          action_id: "home_new_questionnaire",
          block_id: "home_actions",
          value: "new",
          action_ts: "1",
        },
      ],
    });
    const [open] = await app().stub.waitFor("views.open");
    expect(JSON.parse((open!.body.view as { private_metadata: string }).private_metadata)).toEqual({
      channel: null,
      answers: {},
    });
  });
});

describe("shortcuts", () => {
  it("the global shortcut opens the questionnaire", async () => {
    await app().interact({
      type: "shortcut",
      callback_id: "endpoint_advice_new",
      trigger_id: "trigger.sc",
      team: { id: TEAM, domain: "x" },
      user,
      token: "t",
      action_ts: "1",
    });
    await app().stub.waitFor("views.open");
  });

  it("the message shortcut opens it with the message text as the title", async () => {
    await app().interact({
      type: "message_action",
      callback_id: "endpoint_advice_from_message",
      trigger_id: "trigger.msg",
      team: { id: TEAM, domain: "x" },
      user,
      channel: { id: CHANNEL, name: "general" },
      message: { type: "message", ts: "1.2", text: "Payments needs  Key Vault\nfrom on-prem" },
      message_ts: "1.2",
      response_url: `${app().stub.responseUrl}/msg`,
      token: "t",
      action_ts: "1",
    });
    const [open] = await app().stub.waitFor("views.open");
    const view = open!.body.view as { private_metadata: string };
    expect(JSON.parse(view.private_metadata)).toEqual({
      channel: CHANNEL,
      answers: { title: "Payments needs Key Vault from on-prem" },
    });
  });
});
