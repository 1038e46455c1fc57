import { describe, expect, it } from "vitest";
import { AUTHOR, CHANNEL, TEAM, useTestApp } from "./harness.js";
import { ackViolations } from "./limits.js";
import { number, radio, select, text, viewClosed, viewSelect, viewSubmission } from "./payloads.js";
import { listed } from "../store/new-decision.js";

type View = {
  callback_id: string;
  private_metadata: string;
  blocks: { block_id: string; element: { options?: { value: string }[] } }[];
};

const app = useTestApp();

const stepOne = {
  cloud: select("azure"),
  target: select("cloud-service"),
  service: select("azure-storage-blob"),
  title: text('Payments <!channel> & Bob\'s "prod" db'),
};

async function openStepOne(): Promise<View> {
  await app().command("");
  const [open] = await app().stub.waitFor("views.open");
  return open!.body.view as View;
}

async function submitStepOne(): Promise<View> {
  const view = await openStepOne();
  const ack = await app().interact(viewSubmission(view, stepOne));
  expect(ack.status).toBe(200);
  expect(ackViolations(ack.text)).toEqual([]);
  const body = JSON.parse(ack.text) as { response_action: string; view: View };
  expect(body.response_action).toBe("push");
  return body.view;
}

const stepTwoAnswers = {
  onPremisesAccess: radio(true),
  dataGbPerMonth: number("100"),
  monthlyBudgetUsd: number("20"),
};

describe("the questionnaire modal", () => {
  it("refreshes the service list when the cloud changes", async () => {
    const view = await openStepOne();
    expect((await app().interact(viewSelect(view, "cloud", "aws", { cloud: select("aws") }))).status).toBe(
      200,
    );
    const [update] = await app().stub.waitFor("views.update");
    const updated = update!.body.view as View;
    const services = updated.blocks
      .find((block) => block.block_id === "service")!
      .element.options!.map((o) => o.value);
    expect(services.length).toBeGreaterThan(0);
    expect(services.every((id) => id.startsWith("aws-"))).toBe(true);
    expect(update!.body.hash).toBe("h1");
  });

  it("acknowledges a service pick in step 1 at once, and refreshes only when the pick changes the questions", async () => {
    const view = await openStepOne();
    const pick = await app().interact(
      viewSelect(view, "service", "azure-key-vault", { ...stepOne, service: select("azure-key-vault") }),
    );
    expect(pick.status).toBe(200);
    expect(pick.ms).toBeLessThan(2000);
    // The service list and the step-1 questions do not depend on the service: nothing to redraw.
    const target = await app().interact(
      viewSelect(view, "target", "virtual-network", { target: select("virtual-network") }),
    );
    expect(target.status).toBe(200);
    const updates = await app().stub.waitFor("views.update");
    expect(updates).toHaveLength(1);
    const fields = (updates[0]!.body.view as View).blocks.map((block) => block.block_id);
    expect(fields).not.toContain("service");
  });

  it("pushes step 2 with only the relevant questions and the answers so far in private_metadata", async () => {
    const stepTwo = await submitStepOne();
    expect(stepTwo.callback_id).toBe("questionnaire_step2");
    const fields = stepTwo.blocks.map((block) => block.block_id);
    expect(fields).toContain("onPremisesAccess");
    expect(fields).toContain("monthlyBudgetUsd");
    expect(fields).not.toContain("transitiveRouting");
    expect(JSON.parse(stepTwo.private_metadata)).toMatchObject({
      channel: CHANNEL,
      answers: { cloud: "azure", service: "azure-storage-blob" },
    });
  });

  it("returns field errors for a budget that is not a number and a negative volume; nothing is stored", async () => {
    const stepTwo = await submitStepOne();
    const ack = await app().interact(
      viewSubmission(stepTwo, {
        ...stepTwoAnswers,
        monthlyBudgetUsd: number("abc"),
        dataGbPerMonth: number("-5"),
      }),
    );
    const body = JSON.parse(ack.text) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe("errors");
    expect(Object.keys(body.errors).sort()).toEqual(["dataGbPerMonth", "monthlyBudgetUsd"]);
    expect((await listed(app().store, TEAM)).items).toHaveLength(0);
  });

  it("posts the answer in the channel with its buttons, stores it once as proposed and refreshes Home", async () => {
    const stepTwo = await submitStepOne();
    const ack = await app().interact(viewSubmission(stepTwo, stepTwoAnswers));
    expect(ack.ms).toBeLessThan(1000);
    expect(JSON.parse(ack.text)).toEqual({ response_action: "clear" });
    const [post] = await app().stub.waitFor("chat.postMessage");
    expect(post!.body.channel).toBe(CHANNEL);
    const json = JSON.stringify(post!.body.blocks);
    for (const action of ["decision_accept", "decision_reject", "decision_rerun", "decision_export"])
      expect(json).toContain(action);
    // The title typed by the person reads as typed in a plain-text header, which cannot ping the channel,
    // and is escaped in the summary text.
    expect(json).toContain(
      `{"type":"header","text":{"type":"plain_text","text":"Payments <!channel> & Bob's`,
    );
    expect(String(post!.body.text)).toContain("Payments &lt;!channel&gt; &amp; Bob's");
    await app().stub.waitFor("views.publish");
    const [decision] = (await listed(app().store, TEAM)).items;
    expect(decision!.messageTs).toBe("1700000000.000001");
    expect(decision).toMatchObject({
      status: "proposed",
      author: AUTHOR,
      channel: CHANNEL,
    });
    expect(decision!.requirements).toMatchObject({
      service: "azure-storage-blob",
      onPremisesAccess: true,
      monthlyBudgetUsd: 20,
      dataGbPerMonth: 100,
    });
  });

  it("stores and posts one decision when the same submission arrives twice", async () => {
    const stepTwo = await submitStepOne();
    await Promise.all([
      app().interact(viewSubmission(stepTwo, stepTwoAnswers)),
      app().interact(viewSubmission(stepTwo, stepTwoAnswers)),
    ]);
    await app().stub.waitFor("chat.postMessage");
    await app().stub.waitFor("views.publish");
    expect((await listed(app().store, TEAM)).items).toHaveLength(1);
    expect(app().stub.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("refuses tampered private_metadata with a clear message and stores nothing", async () => {
    const stepTwo = await submitStepOne();
    const tampered = { ...stepTwo, private_metadata: '{"channel":"C1","answers":{"service":{"$gt":""}}}' };
    const ack = await app().interact(viewSubmission(tampered, stepTwoAnswers));
    const body = JSON.parse(ack.text) as {
      response_action: string;
      view: { blocks: { text: { text: string } }[] };
    };
    expect(body.response_action).toBe("update");
    expect(body.view.blocks[0]!.text.text).toContain("haven't saved anything");
    expect((await listed(app().store, TEAM)).items).toHaveLength(0);
    const notJson = await app().interact(
      viewSubmission({ ...stepTwo, private_metadata: "not json" }, stepTwoAnswers),
    );
    expect(JSON.parse(notJson.text)).toMatchObject({ response_action: "update" });
  });

  it("rejects a value outside the listed options as a field error", async () => {
    const view = await openStepOne();
    const ack = await app().interact(viewSubmission(view, { ...stepOne, service: select("aws-s3") }));
    const body = JSON.parse(ack.text) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe("errors");
    expect(Object.keys(body.errors)).toEqual(["service"]);
  });

  it("falls back to a DM saying why when the bot is not in the channel", async () => {
    app().stub.fail("chat.postMessage", "not_in_channel");
    const stepTwo = await submitStepOne();
    await app().interact(viewSubmission(stepTwo, stepTwoAnswers));
    const posts = await app().stub.waitFor("chat.postMessage", 2);
    expect(posts[1]!.body.channel).toBe(`D${AUTHOR}`);
    expect(JSON.stringify(posts[1]!.body.blocks)).toContain("not a member");
    expect((await listed(app().store, TEAM)).items).toHaveLength(1);
  });

  it("waits out a 429 with Retry-After and then posts once", async () => {
    app().stub.rateLimit("chat.postMessage", 1);
    const stepTwo = await submitStepOne();
    await app().interact(viewSubmission(stepTwo, stepTwoAnswers));
    const posts = await app().stub.waitFor("chat.postMessage", 2);
    expect(posts[1]!.body.channel).toBe(CHANNEL);
    await app().stub.waitFor("views.publish");
    expect(app().stub.callsTo("chat.postMessage")).toHaveLength(2);
    expect((await listed(app().store, TEAM)).items[0]!.messageTs).not.toBeNull();
  });

  it("acknowledges closing the modal and stores nothing", async () => {
    const view = await openStepOne();
    expect((await app().interact(viewClosed(view))).status).toBe(200);
    expect((await listed(app().store, TEAM)).items).toHaveLength(0);
  });
});
