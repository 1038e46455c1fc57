import { describe, expect, it } from "vitest";
import { listed } from "../store/new-decision.js";
import { AUTHOR, CHANNEL, TEAM, useTestApp } from "./harness.js";
import { buttonPress, number, select, text, viewSubmission } from "./payloads.js";

const app = useTestApp();

type Block = {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: Element[];
  rows?: Cell[][];
};
type Element = { action_id?: string; confirm?: { title: { text: string }; text: { text: string } } };
type Cell = { type: string; text: string };

async function quick(args: string): Promise<{ id: string; blocks: Block[]; text: string }> {
  await app().command(`quick ${args}`);
  const [post] = await app().stub.waitFor("chat.postMessage");
  await app().stub.waitFor("views.publish");
  const id = (await listed(app().store, TEAM)).items[0]!.id;
  return { id, blocks: post!.body.blocks as Block[], text: String(post!.body.text) };
}

const press = (actionId: string, id: string, user = AUTHOR) =>
  app().interact(buttonPress(actionId, id, { user, responseUrl: `${app().stub.responseUrl}/press` }));

describe("an answer read on a phone", () => {
  it("shows the recommendation, its cost, two caveats and the buttons first, then the options as a table", async () => {
    const { id, blocks, text } = await quick("service=azure-storage-blob onprem=yes title=Payments");
    expect(blocks.map((block) => block.type)).toEqual([
      "header",
      "section",
      "section",
      "context",
      "actions",
      "table",
    ]);
    expect(blocks[1]!.text!.text).toMatch(
      /^\*Azure Private Endpoint \(Azure Private Link\)\* · \$[\d,.]+ a month/,
    );
    expect(blocks[2]!.text!.text.match(/^• /gm)).toHaveLength(2);
    const buttons = blocks[4]!.elements!.map((element) => element.action_id);
    expect(buttons).toEqual([
      "decision_accept",
      "decision_reject",
      "decision_details",
      "decision_rerun",
      "decision_export",
    ]);
    // Accept and Reject ask before they change the team's record.
    for (const element of blocks[4]!.elements!.slice(0, 2)) expect(element.confirm?.text.text).toContain(id);
    const rows = blocks[5]!.rows!.map((row) => row.map((cell) => cell.text));
    expect(rows[0]).toEqual(["Option", "Fits", "Monthly cost"]);
    expect(rows[1]![1]).toBe("recommended");
    expect(rows.slice(2).map((row) => row[0])).toContain("Azure Virtual Network service endpoint");
    // What notifications and screen readers read is a real summary.
    expect(text).toMatch(
      new RegExp(`^${id} \\(proposed\\): Payments: Azure Private Endpoint .* \\$[\\d,.]+ a month`),
    );
    // Far shorter than the old six dense sections.
    expect(JSON.stringify(blocks).length).toBeLessThan(4000);
  });

  it("Show details posts why, the path, why not the others, the cost and sources in the thread", async () => {
    const { id } = await quick("service=azure-storage-blob onprem=yes");
    await press("decision_details", id);
    const posts = await app().stub.waitFor("chat.postMessage", 2);
    expect(posts[1]!.body.thread_ts).toBe("1700000000.000001");
    const details = JSON.stringify(posts[1]!.body.blocks);
    for (const part of [
      "*Why Azure Private Endpoint",
      "*The path through the decision tree*",
      "*Why not the others*",
      "*Cost of the recommendation*",
    ])
      expect(details).toContain(part);
    expect(details).toMatch(/<https:\/\/learn\.microsoft\.com\/[^|]+\|[^>]+>/);
  });

  it("an accepted answer says who accepted it and when, in the reader's time zone", async () => {
    const { id } = await quick("service=azure-key-vault");
    await press("decision_accept", id);
    const [update] = await app().stub.waitFor("chat.update");
    const status = (update!.body.blocks as Block[]).find((block) => block.type === "context")!;
    expect(JSON.stringify(status)).toMatch(
      new RegExp(
        `\\*${id}\\* · accepted by <@${AUTHOR}> <!date\\^\\d{10}\\^\\{date_short_pretty\\} at \\{time\\}\\|`,
      ),
    );
    expect(String(update!.body.text)).toContain(`${id} (accepted)`);
  });

  it("a title with * and _ reads as typed, as a plain-text header", async () => {
    const { blocks } = await quick('title="*prod* key_vault_ (v2)" service=azure-key-vault');
    expect(blocks[0]).toMatchObject({
      type: "header",
      text: { type: "plain_text", text: "*prod* key_vault_ (v2)" },
    });
  });
});

describe("names, not ids", () => {
  it("history rows name the option and the service", async () => {
    await quick("service=azure-storage-blob onprem=yes title=Reports");
    await app().command("history");
    const [reply] = await app().stub.waitFor("response_url");
    const rows = JSON.stringify(reply!.body.blocks);
    expect(rows).toContain("Reports → Azure Private Endpoint (Azure Private Link) for Azure Storage (Blob)");
    expect(rows).not.toContain("`private-endpoint`");
  });

  it("the Home tab counts decisions per option by name", async () => {
    await quick("service=azure-storage-blob onprem=yes");
    const [home] = await app().stub.waitFor("views.publish");
    const json = JSON.stringify(home!.body.view);
    expect(json).toContain("Azure Private Endpoint (Azure Private Link) 1");
    expect(json).toContain("for Azure Storage (Blob)");
  });
});

describe("bad input, in the person's words and all at once", () => {
  it("quick says what a yes/no key takes and suggests the service meant", async () => {
    await app().command("quick onprem=maybe service=sql endpoints=1.5 budget=$50");
    const [reply] = await app().stub.waitFor("response_url");
    const message = String(reply!.body.text);
    expect(message).toContain("• `onprem`: answer yes or no (you wrote “maybe”)");
    expect(message).toMatch(
      /• `service`: unknown service "sql" for azure; did you mean .*azure-sql-database\?/,
    );
    expect(message).toContain("• `endpoints`: Enter a whole number from 1 to 1,000");
    expect(message).not.toContain("budget");
    expect(message).not.toMatch(/Too small|must be a int|expected/);
  });

  it("the modal returns every field error of step 2 on the first submit, and its inputs carry the limits", async () => {
    await app().command("");
    const [open] = await app().stub.waitFor("views.open");
    const view = open!.body.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
    const ack = await app().interact(
      viewSubmission(view, {
        cloud: select("azure"),
        target: select("cloud-service"),
        service: select("azure-storage-blob"),
        title: text(""),
      }),
    );
    type StepTwo = { callback_id: string; private_metadata: string; blocks: InputBlock[] };
    type InputBlock = { block_id: string; element: Record<string, unknown> };
    const stepTwo = (JSON.parse(ack.text) as { view: StepTwo }).view;
    const endpoints = stepTwo.blocks.find((block) => block.block_id === "endpointCount")!.element;
    expect(endpoints).toMatchObject({ is_decimal_allowed: false, min_value: "1", max_value: "1000" });
    const submitted = await app().interact(
      viewSubmission(stepTwo, {
        endpointCount: number("0"),
        dataGbPerMonth: number("-5"),
        monthlyBudgetUsd: number("abc"),
      }),
    );
    const body = JSON.parse(submitted.text) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe("errors");
    expect(body.errors).toEqual({
      endpointCount: "Enter a whole number from 1 to 1,000, such as 1.",
      dataGbPerMonth: "Enter a number of 0 or more, such as 20 or 12.5.",
      monthlyBudgetUsd: "Enter a number of 0 or more, such as 20 or 12.5.",
    });
    expect((await listed(app().store, TEAM)).items).toHaveLength(0);
  });
});

describe("the message shortcut", () => {
  it("titles the questionnaire with the message as a person reads it, cut at a word", async () => {
    const words = "word ".repeat(60);
    await app().interact({
      type: "message_action",
      callback_id: "endpoint_advice_from_message",
      team: { id: TEAM, domain: "example" },
      user: { id: AUTHOR, username: "author", team_id: TEAM },
      channel: { id: CHANNEL, name: "general" },
      api_app_id: "A1",
      token: "legacy",
      trigger_id: "trigger.shortcut",
      response_url: `${app().stub.responseUrl}/shortcut`,
      message_ts: "1700000000.000100",
      message: {
        type: "message",
        ts: "1700000000.000100",
        text: `Can <@U0BOB> reach <https://portal.example/kv|prod key vault> &amp; the DB? 🔐 ${words}`,
      },
    });
    const [open] = await app().stub.waitFor("views.open");
    const { answers } = JSON.parse((open!.body.view as { private_metadata: string }).private_metadata) as {
      answers: { title: string };
    };
    expect(answers.title.startsWith("Can @U0BOB reach prod key vault & the DB? 🔐 word word")).toBe(true);
    expect(answers.title.length).toBeLessThanOrEqual(200);
    expect(answers.title).toMatch(/ word…$/);
  });
});
