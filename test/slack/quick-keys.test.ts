import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { QUICK_KEYS } from "../../src/slack/commands/quick.js";
import { RequirementsSchema } from "../../src/vocabulary/index.js";
import { TEAM, useTestApp } from "./harness.js";
import { listed } from "../store/new-decision.js";

const app = useTestApp();
const keys = [...QUICK_KEYS.keys()];

async function lastReply(): Promise<string> {
  const replies = await app().stub.waitFor("response_url");
  return String(replies.at(-1)!.body.text);
}

describe("quick keys", () => {
  it("every Requirements field has exactly one key, and help and the README list them all", async () => {
    const fields = [...QUICK_KEYS.values()].map((spec) => spec.field);
    expect(fields.sort()).toEqual(Object.keys(RequirementsSchema.shape).sort());
    for (const key of keys) expect(key).toMatch(/^[a-z]+$/);
    await app().command("help");
    const help = await lastReply();
    const readme = readFileSync("README.md", "utf8");
    for (const key of keys) {
      expect(help).toContain(`\`${key}\``);
      expect(readme).toContain(`\`${key}\``);
    }
  });

  it("reads the newer fields: hybrid DNS on AWS, and tier, firewall, other networks and direction on Azure", async () => {
    await app().command("quick cloud=aws service=aws-sqs onprem=yes onpremdns=yes");
    await app().command(
      "quick service=azure-service-bus tier=Premium firewall=yes othernetworks=yes direction=into-the-app gb=100 gbin=60",
    );
    await app().stub.waitFor("chat.postMessage", 2);
    const items = (await listed(app().store, TEAM)).items;
    const aws = items.find((d) => d.requirements.cloud === "aws")!;
    expect(aws.requirements).toMatchObject({ onPremisesAccess: true, onPremisesDnsResolution: true });
    expect(aws.advice.nextSteps.join("\n")).toContain("create-resolver-endpoint --direction INBOUND");
    const azure = items.find((d) => d.requirements.cloud === "azure")!;
    expect(azure.requirements).toMatchObject({
      tier: "premium",
      firewallInspection: true,
      clientsInOtherNetworks: true,
      appTrafficDirection: "into-the-app",
      dataGbPerMonth: 100,
      dataGbInboundPerMonth: 60,
    });
  });

  it("says what a bad value may be, with the closest one, all at once; stores nothing", async () => {
    await app().command(
      "quick service=azure-service-bus tier=prem direction=inward firewall=maybe protocols=tcp,udpp",
    );
    const message = await lastReply();
    expect(message).toContain(
      "• `tier`: write `basic`, `standard`, `premium` (you wrote “prem”); did you mean `premium`?",
    );
    expect(message).toContain("• `direction`: write `into-the-app`, `out-of-the-app` (you wrote “inward”)");
    expect(message).toContain("• `firewall`: answer yes or no (you wrote “maybe”)");
    expect(message).toContain("did you mean `udp`?");
    expect((await listed(app().store, TEAM)).items).toHaveLength(0);
  });
});
