import { describe, expect, it } from "vitest";
import { TEAM, useTestApp } from "./harness.js";
import { ackViolations } from "./limits.js";
import { number, radio, select, text, viewRadio, viewSelect, viewSubmission } from "./payloads.js";
import { listed } from "../store/new-decision.js";

/**
 * A step-2 question that depends on another step-2 answer: on AWS, "do on-premises hosts resolve the
 * service's names?" matters only once the service must be reachable from on-premises. The modal redraws
 * step 2 when that answer changes, as the command line asks the question only then.
 */
type Element = {
  action_id: string;
  initial_value?: string;
  initial_option?: { value: string };
  options?: { value: string }[];
};
type Block = { block_id: string; dispatch_action?: boolean; element: Element };
type View = { callback_id: string; private_metadata: string; blocks: Block[] };

const app = useTestApp();

const stepOne = {
  cloud: select("aws"),
  target: select("cloud-service"),
  service: select("aws-sqs"),
  title: text("Orders queue from the data centre"),
};
/** What the person typed in step 2 before answering the on-premises question. */
const typed = {
  endpointCount: number("3"),
  dataGbPerMonth: number("250"),
  monthlyBudgetUsd: number("100"),
};

/** The modal's step 2 for an AWS service, after choosing AWS (which redraws step 1) and submitting step 1. */
async function stepTwoOnAws(): Promise<View> {
  await app().command("");
  const [open] = await app().stub.waitFor("views.open");
  const opened = open!.body.view as View;
  await app().interact(viewSelect(opened, "cloud", "aws", { cloud: select("aws") }));
  const [update] = await app().stub.waitFor("views.update");
  const ack = await app().interact(viewSubmission(update!.body.view as View, stepOne));
  const body = JSON.parse(ack.text) as { response_action: string; view: View };
  expect(body.response_action).toBe("push");
  return body.view;
}

/** Answers the on-premises question in the open step 2; returns the view Slack was asked to show next. */
async function answerOnPremises(view: View, value: boolean, fields: object, hash: string): Promise<View> {
  const before = app().stub.callsTo("views.update").length;
  const state = { ...typed, ...fields, onPremisesAccess: radio(value) };
  const ack = await app().interact(viewRadio(view, "onPremisesAccess", value, state, { hash }));
  expect(ack.status).toBe(200);
  const updates = await app().stub.waitFor("views.update", before + 1);
  const update = updates[before]!.body;
  // Sent for the view the action came from, and refused by Slack if it changed meanwhile.
  expect(update).toMatchObject({ view_id: "V_MODAL", hash });
  return update.view as View;
}

const fieldsOf = (view: View) => view.blocks.map((block) => block.block_id);
const blockOf = (view: View, field: string) => view.blocks.find((block) => block.block_id === field)!;

describe("the questionnaire's step 2 redrawn for its own answers", () => {
  it("asks about on-premises DNS after on-premises = yes, drops it on no, and keeps what was typed", async () => {
    const stepTwo = await stepTwoOnAws();
    expect(stepTwo.callback_id).toBe("questionnaire_step2");
    expect(fieldsOf(stepTwo)).not.toContain("onPremisesDnsResolution");
    // Only the answer that changes the step's questions dispatches an action.
    expect(stepTwo.blocks.filter((block) => block.dispatch_action).map((b) => b.block_id)).toEqual([
      "onPremisesAccess",
    ]);

    const withDns = await answerOnPremises(stepTwo, true, {}, "h-yes");
    const fields = fieldsOf(stepTwo);
    const at = fields.indexOf("onPremisesAccess") + 1;
    expect(fieldsOf(withDns)).toEqual([
      ...fields.slice(0, at),
      "onPremisesDnsResolution",
      ...fields.slice(at),
    ]);
    // Slack keeps an input's value across an update only when its block and action ids stay the same; the
    // values also come back as the inputs' initial values.
    for (const block of stepTwo.blocks)
      expect(blockOf(withDns, block.block_id).element.action_id).toBe(block.element.action_id);
    expect(blockOf(withDns, "endpointCount").element.initial_value).toBe("3");
    expect(blockOf(withDns, "dataGbPerMonth").element.initial_value).toBe("250");
    expect(blockOf(withDns, "monthlyBudgetUsd").element.initial_value).toBe("100");
    expect(blockOf(withDns, "onPremisesAccess").element.initial_option?.value).toBe("true");
    expect(JSON.parse(withDns.private_metadata)).toMatchObject({
      answers: { cloud: "aws", service: "aws-sqs", onPremisesAccess: true, dataGbPerMonth: 250 },
    });

    const withoutDns = await answerOnPremises(
      withDns,
      false,
      { onPremisesDnsResolution: radio(true) },
      "h-no",
    );
    expect(fieldsOf(withoutDns)).toEqual(fields);
    expect(blockOf(withoutDns, "dataGbPerMonth").element.initial_value).toBe("250");

    const again = await answerOnPremises(withoutDns, true, {}, "h-yes-again");
    expect(fieldsOf(again)).toEqual(fieldsOf(withDns));

    const submit = await app().interact(
      viewSubmission(again, {
        ...typed,
        onPremisesAccess: radio(true),
        onPremisesDnsResolution: radio(true),
      }),
    );
    expect(JSON.parse(submit.text)).toEqual({ response_action: "clear" });
    await app().stub.waitFor("chat.postMessage");
    const [decision] = (await listed(app().store, TEAM)).items;
    expect(decision!.requirements).toMatchObject({
      cloud: "aws",
      service: "aws-sqs",
      onPremisesAccess: true,
      onPremisesDnsResolution: true,
      endpointCount: 3,
      dataGbPerMonth: 250,
      monthlyBudgetUsd: 100,
    });
    // The advice used the answer: the interface endpoint needs a Route 53 Resolver inbound endpoint.
    expect(decision!.advice.recommendation.option).toBe("aws-interface-endpoint");
    expect(decision!.advice.nextSteps.join("\n")).toContain("create-resolver-endpoint --direction INBOUND");
  });

  it("a submit that overtakes the redraw shows the question instead of storing without it", async () => {
    const stepTwo = await stepTwoOnAws();
    // On-premises = yes on a form that has not been redrawn yet: the DNS question was never seen.
    const early = await app().interact(viewSubmission(stepTwo, { ...typed, onPremisesAccess: radio(true) }));
    expect(ackViolations(early.text)).toEqual([]);
    const body = JSON.parse(early.text) as { response_action: string; view: View };
    expect(body.response_action).toBe("update");
    expect(fieldsOf(body.view)).toContain("onPremisesDnsResolution");
    expect(blockOf(body.view, "dataGbPerMonth").element.initial_value).toBe("250");
    expect((await listed(app().store, TEAM)).items).toHaveLength(0);

    // A DNS answer left on a form whose on-premises answer went back to no does not count.
    const late = await app().interact(
      viewSubmission(body.view, {
        ...typed,
        onPremisesAccess: radio(false),
        onPremisesDnsResolution: radio(true),
      }),
    );
    const redrawn = JSON.parse(late.text) as { response_action: string; view: View };
    expect(redrawn.response_action).toBe("update");
    expect(fieldsOf(redrawn.view)).not.toContain("onPremisesDnsResolution");
    const stored = await app().interact(
      viewSubmission(redrawn.view, { ...typed, onPremisesAccess: radio(false) }),
    );
    expect(JSON.parse(stored.text)).toEqual({ response_action: "clear" });
    await app().stub.waitFor("chat.postMessage");
    const [decision] = (await listed(app().store, TEAM)).items;
    expect(decision!.requirements).toMatchObject({ onPremisesAccess: false, onPremisesDnsResolution: false });
  });
});
