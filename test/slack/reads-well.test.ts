import { writeFileSync } from "node:fs";
import { expect, it } from "vitest";
import { TEAM, useTestApp } from "./harness.js";
import { buttonPress, number, radio, select, text, viewSubmission } from "./payloads.js";
import { listed } from "../store/new-decision.js";

type View = { callback_id: string; private_metadata: string; blocks: unknown[] };

const app = useTestApp();

/** Every string a person reads in a payload: `text` fields (top level, blocks, labels, options). */
function readableText(value: unknown, key = ""): string[] {
  if (typeof value === "string")
    return ["text", "title", "label", "hint", "placeholder"].includes(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => readableText(item, key));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([name, inner]) =>
    typeof inner === "string" ? readableText(inner, name) : readableText(inner, name === "text" ? "" : name),
  );
}

it("a whole modal flow reads as a person expects: no entities, raw JSON, undefined or double escapes", async () => {
  await app().command("");
  const [open] = await app().stub.waitFor("views.open");
  const stepOne = open!.body.view as View;
  const ack = await app().interact(
    viewSubmission(stepOne, {
      cloud: select("azure"),
      target: select("cloud-service"),
      service: select("azure-storage-blob"),
      title: text('Payments & Bob\'s <prod> "db" from the DC'),
    }),
  );
  const stepTwo = (JSON.parse(ack.text) as { view: View }).view;
  await app().interact(
    viewSubmission(stepTwo, {
      onPremisesAccess: radio(true),
      dataGbPerMonth: number("204800"),
      monthlyBudgetUsd: number("2500"),
    }),
  );
  await app().stub.waitFor("views.publish");
  const id = (await listed(app().store, TEAM)).items[0]!.id;
  const responseUrl = `${app().stub.responseUrl}/buttons`;
  await app().interact(buttonPress("decision_accept", id, { responseUrl }));
  await app().stub.waitFor("chat.update");
  await app().interact(buttonPress("decision_export", id, { responseUrl }));
  await app().stub.waitFor("chat.postMessage", 2);
  await app().command("history payments");
  await app().command(`show ${id}`);
  await app().stub.waitFor("response_url", 2);

  const dump = app()
    .stub.calls.filter((call) => call.method !== "auth.test")
    .map((call) => `## ${call.method}\n${readableText(call.body).join("\n")}`)
    .join("\n\n");
  if (process.env.SLACK_TEXT_DUMP) writeFileSync(process.env.SLACK_TEXT_DUMP, dump);
  expect(dump).not.toMatch(/&#x27;|&#39;|&quot;|&amp;amp;|&amp;lt;|undefined|\[object Object\]|\{"/);
  expect(dump).toContain('Payments &amp; Bob\'s &lt;prod&gt; "db" from the DC');
  expect(dump).toContain("$2,055.30");
  expect(dump).not.toMatch(/\$\d{4,}/);
  expect(app().stub.callsTo("chat.postMessage")[0]!.body.text).not.toMatch(/&amp;amp;/);
});
