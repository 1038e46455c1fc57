import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Decision, DecisionStore } from "../../src/store/index.js";
import { testDatabase, type TestDatabase } from "../store/engines.js";
import { newDecision } from "../store/new-decision.js";
import { AUTHOR, CHANNEL, TEAM, commandFields } from "./harness.js";
import { Instances, type AppInstance } from "./instances.js";
import { buttonPress, buttonValue, number, radio, select, text, viewSubmission } from "./payloads.js";
import { SIGNING_SECRET } from "./signer.js";
import { WebApiStub } from "./stub.js";

type View = { callback_id: string; private_metadata: string; blocks: unknown[] };

// Every wait is on an event (a line, a call reaching the stub, a row in the database) with a wide limit, so a
// loaded machine makes the test slower, not red.
const WAIT_MS = 60_000;

let stub: WebApiStub | undefined;
let database: TestDatabase | undefined;
let instances: Instances | undefined;
let store: DecisionStore | undefined;
let a: AppInstance;
let b: AppInstance;
let env: Record<string, string>;

// Two app processes on one PostgreSQL database (a fresh schema), the Web API stub shared, as two replicas
// behind a load balancer share Slack. They start at once, so both migrate the empty schema at the same time.
beforeEach(async () => {
  stub = new WebApiStub();
  await stub.start();
  database = await testDatabase("postgres");
  instances = new Instances();
  env = {
    SLACK_BOT_TOKEN: "xoxb-test",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: stub.apiUrl,
    DATABASE_URL: database.location,
  };
  [a, b] = await Promise.all([instances.start("A", env), instances.start("B", env)]);
  store = await database.open();
});

// Whatever failed: both processes are stopped (SIGKILL if SIGTERM does not do it), then the rest.
afterEach(async () => {
  try {
    await instances?.killAll();
  } finally {
    await store?.close();
    await stub?.close();
    await database?.remove();
    [stub, database, instances, store] = [undefined, undefined, undefined, undefined];
  }
});

describe("two instances sharing one PostgreSQL", { timeout: 180_000 }, () => {
  it("run one questionnaire across both: command on A, step 1 on B, final submit on A (Slack's retry on B), Accept on B, history on A", async () => {
    expect((await a.command(commandFields(stub!, ""))).status).toBe(200);
    const [open] = await calls("views.open");
    const pushed = await b.interact(viewSubmission(open!.body.view as View, STEP_ONE));
    const stepOne = JSON.parse(pushed.text) as { response_action: string; view: View };
    expect(stepOne.response_action).toBe("push");
    // What B read in step 1 travels in the view itself, not in B's memory.
    expect(JSON.parse(stepOne.view.private_metadata)).toMatchObject({
      channel: CHANNEL,
      answers: { cloud: "azure", service: "azure-storage-blob" },
    });

    // Slack retries a submission it thinks timed out; here the retry reaches B while A is still on it.
    const final = viewSubmission(stepOne.view, STEP_TWO);
    const [submitted, retried] = await Promise.all([
      a.interact(final),
      b.interact(final, { headers: { "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout" } }),
    ]);
    expect(JSON.parse(submitted.text)).toEqual({ response_action: "clear" });
    expect(retried.status).toBe(200);
    const [decision] = await decisionsSaved(1);
    expect(decision).toMatchObject({ id: "EA-1", status: "proposed", author: AUTHOR, channel: CHANNEL });
    expect(decision!.requirements).toMatchObject({ onPremisesAccess: true, dataGbPerMonth: 100 });
    const [post] = await calls("chat.postMessage");
    expect(String(post!.body.text)).toMatch(/^EA-1 \(proposed\)/);

    const accept = await b.interact(
      buttonPress("decision_accept", buttonValue(post!.body.blocks, "decision_accept"), {
        responseUrl: `${stub!.responseUrl}/accept`,
        messageTs: "1700000000.000001",
      }),
    );
    expect(accept.status).toBe(200);
    const [update] = await calls("chat.update");
    expect(String(update!.body.text)).toContain("EA-1 (accepted)");
    expect((await store!.getDecision(TEAM, "EA-1"))?.status).toBe("accepted");

    await a.command(commandFields(stub!, "history"));
    const [history] = await calls("response_url");
    expect(JSON.stringify(history!.body.blocks)).toContain("*EA-1* · accepted");

    // A stop finishes the work each instance had accepted: after it, every call either would make is made.
    expect(await Promise.all([a.stop(), b.stop()])).toEqual([0, 0]);
    expect(await everyDecision()).toHaveLength(1);
    expect(await deliveryStatuses()).toEqual(["delivered"]);
    expect(stub!.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("number decisions saved at once on both EA-1 … EA-n, each once, none twice", async () => {
    const count = 24;
    const acks = await Promise.all(
      Array.from({ length: count }, (_, i) =>
        (i % 2 === 0 ? a : b).command(
          commandFields(stub!, `quick service=azure-key-vault title=concurrent-${i}`),
        ),
      ),
    );
    expect(acks.map((ack) => ack.status)).toEqual(Array(count).fill(200));
    const saved = await decisionsSaved(count);
    expect(saved.map((decision) => decision.id).sort(byNumber)).toEqual(
      Array.from({ length: count }, (_, i) => `EA-${i + 1}`),
    );
    expect(new Set(saved.map((decision) => decision.title)).size).toBe(count);

    expect(await Promise.all([a.stop(), b.stop()])).toEqual([0, 0]);
    expect(await everyDecision()).toHaveLength(count);
    expect(await deliveryStatuses()).toEqual(Array(count).fill("delivered"));
    expect(stub!.callsTo("chat.postMessage")).toHaveLength(count);
  });

  it("post each pending delivery once, however many instances look for it", async () => {
    // Enough that the claims of several instances overlap in time (claims are taken ten at a time).
    const channels = Array.from({ length: 200 }, (_, i) => `C0PENDING${i}`);
    // Answers saved and never delivered, as a crash of every instance would leave them.
    for (const channel of channels)
      await store!.saveDecision(
        newDecision({
          workspace: TEAM,
          channel,
          dedupeKey: `pending-${channel}`,
          delivery: { kind: "answer", channel, user: AUTHOR, responseUrl: null },
        }),
      );
    // Two more instances start at once, each looking for what is pending as it starts, beside A and B.
    const more = await Promise.all([instances!.start("C", env), instances!.start("D", env)]);
    await deliveredAll(channels.length);
    expect(await Promise.all([a, b, ...more].map((instance) => instance.stop()))).toEqual([0, 0, 0, 0]);
    const posted = stub!.callsTo("chat.postMessage").map((call) => String(call.body.channel));
    expect(posted.sort()).toEqual([...channels].sort());
  });
});

const STEP_ONE = {
  cloud: select("azure"),
  target: select("cloud-service"),
  service: select("azure-storage-blob"),
  title: text("Payments storage from the data centre"),
};
const STEP_TWO = {
  onPremisesAccess: radio(true),
  dataGbPerMonth: number("100"),
  monthlyBudgetUsd: number("20"),
};

function calls(method: string) {
  return stub!.waitFor(method, 1, WAIT_MS);
}

async function everyDecision(): Promise<Decision[]> {
  const all: Decision[] = [];
  for await (const decision of store!.allDecisions(TEAM)) all.push(decision);
  return all;
}

/** Waits until the database holds `count` decisions (the instances save after the ack), and returns them. */
async function decisionsSaved(count: number): Promise<Decision[]> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const all = await everyDecision();
    if (all.length >= count) return all;
    if (Date.now() > deadline) throw new Error(`${all.length} decisions saved, expected ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The status of every delivery recorded, decision by decision. */
async function deliveryStatuses(): Promise<string[]> {
  const decisions = await everyDecision();
  const deliveries = await Promise.all(decisions.map((decision) => store!.deliveries(TEAM, decision.id)));
  return deliveries.flat().map((delivery) => delivery.status);
}

/** Waits until the `count` decisions' deliveries are all delivered. */
async function deliveredAll(count: number): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const statuses = await deliveryStatuses();
    if (statuses.length === count && statuses.every((status) => status === "delivered")) return;
    if (Date.now() > deadline) throw new Error(`deliveries not all delivered: ${JSON.stringify(statuses)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function byNumber(x: string, y: string): number {
  return Number(x.slice(3)) - Number(y.slice(3));
}
