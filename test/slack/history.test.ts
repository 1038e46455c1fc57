import { describe, expect, it } from "vitest";
import { CHANNEL, TEAM, useTestApp } from "./harness.js";
import { buttonPress } from "./payloads.js";
import { listed } from "../store/new-decision.js";

const app = useTestApp();

async function lastReply(count: number) {
  const replies = await app().stub.waitFor("response_url", count);
  return replies[count - 1]!.body;
}

describe("/endpoint-advice quick", () => {
  it("answers without the modal and posts in the channel", async () => {
    const ack = await app().command(
      'quick cloud=azure service=azure-key-vault onprem=yes budget=20 title="Vault <@U1>"',
    );
    expect(ack.status).toBe(200);
    const [post] = await app().stub.waitFor("chat.postMessage");
    expect(post!.body.channel).toBe(CHANNEL);
    const [decision] = (await listed(app().store, TEAM)).items;
    expect(decision!.requirements).toMatchObject({
      service: "azure-key-vault",
      onPremisesAccess: true,
      monthlyBudgetUsd: 20,
      title: "Vault <@U1>",
    });
  });

  it("lists the valid keys when a key is unknown, and stores nothing", async () => {
    await app().command("quick cloud=azure colour=blue");
    const reply = await lastReply(1);
    expect(reply.response_type).toBe("ephemeral");
    expect(String(reply.text)).toContain("`colour`");
    expect(String(reply.text)).toContain("`onprem`");
    expect((await listed(app().store, TEAM)).items).toHaveLength(0);
  });

  it("names the key whose value is wrong", async () => {
    await app().command("quick cloud=mars service=azure-key-vault");
    expect(String((await lastReply(1)).text)).toContain("`cloud`");
    expect((await listed(app().store, TEAM)).items).toHaveLength(0);
  });
});

describe("/endpoint-advice history and show", () => {
  it("pages the history newest first with a Next page button carrying the cursor", async () => {
    for (let i = 1; i <= 12; i++) await app().command(`quick service=azure-key-vault title=Vault${i}`);
    await app().stub.waitFor("chat.postMessage", 12);
    await app().command("history");
    const first = await lastReply(1);
    const json = JSON.stringify(first.blocks);
    expect(json).toContain("Vault12");
    expect(json).not.toContain("Vault2 ");
    const next = (first.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find(
      (b) => b.type === "actions",
    )!.elements![0]!;
    expect(next.action_id).toBe("history_next_page");
    await app().interact({
      ...buttonPress(next.action_id, next.value, { responseUrl: `${app().stub.responseUrl}/page` }),
      actions: [
        {
          type: "button",
          action_id: next.action_id,
          block_id: "history_actions",
          value: next.value,
          action_ts: "1",
        },
      ],
    });
    const second = await lastReply(2);
    expect(second.replace_original).toBe(true);
    expect(JSON.stringify(second.blocks)).toContain("Vault1 ");
  });

  it("filters by status and refuses an unknown status with the allowed ones", async () => {
    await app().command("history status:maybe");
    expect(String((await lastReply(1)).text)).toContain("`accepted`");
  });

  it("shows one decision to the person who asked, and says when there is none", async () => {
    await app().command("quick service=azure-key-vault title=Vault");
    await app().stub.waitFor("chat.postMessage");
    await app().command("show ea-1");
    const shown = await lastReply(1);
    expect(shown.response_type).toBe("ephemeral");
    expect(JSON.stringify(shown.blocks)).toContain("EA-1");
    await app().command("show EA-77");
    expect(String((await lastReply(2)).text)).toContain("EA-77");
  });
});
