import type { ViewStateValue } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { nextQuestion, STEPS } from "../../src/advice/questionnaire.js";
import { askConditions, type Step } from "../../src/knowledge/questionnaire-schema.js";
import { loadKnowledge } from "../../src/knowledge/index.js";
import { refreshQuestionnaire } from "../../src/slack/actions/refresh-questionnaire.js";
import type { ActionArgs, ViewArgs } from "../../src/slack/context.js";
import { questionnaireStep } from "../../src/slack/questionnaire.js";
import { registerRoutes, type Router } from "../../src/slack/routes.js";
import { submitStepOne } from "../../src/slack/views/submit-step-one.js";
import { CLOUDS, TARGETS } from "../../src/vocabulary/index.js";
import { violations } from "./limits.js";

/**
 * Every question the command line asks, for any answers, can be reached in the modal: for each service of
 * each cloud (and each target without a service), each way of answering the questions other questions
 * depend on is played in the modal as a person would (answer top-down; an input with dispatch_action makes
 * Slack call the app's listener, whose views.update replaces the form), and each step then shows exactly
 * the questions the command line asked. The listeners are called directly, with Slack's part modelled here
 * (state kept per block and action id); the signed-HTTP tests (questionnaire-steps.test.ts) cover the wire.
 */
const knowledge = loadKnowledge();
const questions = knowledge.questionnaire.questions;
/** The fields some question's condition looks at: a run of the command line branches on their answers. */
const DECIDING = new Set(
  questions.flatMap((q) => askConditions(q.askWhen).flatMap(({ condition }) => Object.keys(condition))),
);

type Leaf = { answers: Record<string, unknown>; asked: Record<Step, string[]> };

/** Every run of the command line's questionnaire from `start`, one per way of answering DECIDING fields. */
function commandLineRuns(start: Record<string, unknown>): Leaf[] {
  const leaves: Leaf[] = [];
  const run = (answers: Record<string, unknown>, step: Step, asked: Record<Step, string[]>): void => {
    const next = nextQuestion(step, answers, knowledge);
    if (next === undefined) {
      const later = STEPS.find((s) => s > step);
      if (later === undefined) leaves.push({ answers, asked });
      else run(answers, later, asked);
      return;
    }
    const values =
      next.field in start
        ? [start[next.field]]
        : !DECIDING.has(next.field)
          ? [next.default]
          : next.kind === "boolean"
            ? [true, false]
            : next.choices.map((choice) => choice.value);
    for (const value of values)
      run({ ...answers, [next.field]: value }, step, { ...asked, [step]: [...asked[step], next.field] });
  };
  run({}, 1, { 1: [], 2: [] });
  return leaves;
}

type Block = {
  type: string;
  block_id: string;
  dispatch_action?: boolean;
  element: {
    type: string;
    action_id: string;
    initial_option?: unknown;
    initial_options?: unknown[];
    initial_value?: string;
  };
};
type View = {
  id: string;
  hash: string;
  callback_id: string;
  private_metadata: string;
  blocks: Block[];
  state: { values: Record<string, Record<string, ViewStateValue>> };
};

/** The modal as Slack holds it: the view shown, and what the person entered, per block and action id. */
class SlackModal {
  private typed = new Map<string, ViewStateValue>();
  readonly seen: View[] = [];
  private hashes = 0;
  view: View;

  constructor(view: object) {
    this.view = this.show(view);
  }

  /** The person answers one question; an input with dispatch_action sends the listener an action. */
  async answer(field: string, value: Answer): Promise<void> {
    const block = this.view.blocks.find((b) => b.block_id === field);
    if (block === undefined) throw new Error(`${field} is not on the form (${this.fields().join(", ")})`);
    this.typed.set(this.key(block), stateOf(block, value));
    if (block.dispatch_action !== true) return;
    expect(listens(this.view.callback_id, block), `a listener for ${field}`).toBe(true);
    let acked = false;
    const updates: { view_id: string; hash: string; view: object }[] = [];
    await refreshQuestionnaire({
      ack: () => Promise.resolve(void (acked = true)),
      body: { type: "block_actions", view: this.withState() },
      client: {
        views: { update: (args: (typeof updates)[number]) => Promise.resolve(void updates.push(args)) },
      },
      context: { services: { knowledge } },
      logger: { warn: () => undefined },
    } as unknown as ActionArgs);
    expect(acked).toBe(true);
    for (const update of updates) {
      expect(update).toMatchObject({ view_id: this.view.id, hash: this.view.hash });
      this.view = this.show(update.view);
    }
  }

  /** Submits step 1; returns the step-2 modal Slack pushes. */
  async submitStepOne(): Promise<SlackModal> {
    let response: { response_action?: string; view?: object } = {};
    await submitStepOne({
      ack: (r: typeof response) => Promise.resolve(void (response = r)),
      view: this.withState(),
      context: { services: { knowledge } },
    } as unknown as ViewArgs<never>);
    expect(response.response_action).toBe("push");
    return new SlackModal(response.view!);
  }

  fields(): string[] {
    return this.view.blocks.map((block) => block.block_id);
  }

  private show(view: object): View {
    const shown = { ...view, id: "V_MODAL", hash: `h${++this.hashes}` } as View;
    this.seen.push(shown);
    // Slack keeps an entry only while a block with the same block and action ids stays on the form.
    const keys = new Set(shown.blocks.map((block) => this.key(block)));
    for (const key of this.typed.keys()) if (!keys.has(key)) this.typed.delete(key);
    return shown;
  }

  private withState(): View {
    const values = Object.fromEntries(
      this.view.blocks.map((block) => [
        block.block_id,
        { [block.element.action_id]: this.typed.get(this.key(block)) ?? initialState(block) },
      ]),
    );
    return { ...this.view, state: { values } };
  }

  private key(block: Block): string {
    return `${block.block_id}/${block.element.action_id}`;
  }
}

/** An answer as the command line gives it. */
type Answer = string | number | boolean | null | string[];

function stateOf(block: Block, value: Answer): ViewStateValue {
  const option = (v: string | number | boolean | null) => ({
    text: { type: "plain_text" as const, text: String(v) },
    value: String(v),
  });
  const { type } = block.element;
  if (type === "checkboxes") return { type, selected_options: [value].flat().map(option) };
  if (type === "number_input" || type === "plain_text_input")
    return { type, value: value === null ? null : String(value) };
  return { type, selected_option: option(Array.isArray(value) ? value.join(",") : value) };
}

/** What Slack reports for an input nobody touched: its initial value. */
function initialState(block: Block): ViewStateValue {
  const { type, initial_option, initial_options, initial_value } = block.element;
  if (type === "checkboxes") return { type, selected_options: (initial_options ?? []) as never };
  if (type === "number_input" || type === "plain_text_input") return { type, value: initial_value ?? null };
  return { type, selected_option: (initial_option ?? null) as never };
}

// The routes table as registered: an action from a view reaches a listener if one constraint matches it.
const actionRoutes: unknown[] = [];
const record = (kind: keyof Router) => (matcher: unknown) =>
  void (kind === "action" && actionRoutes.push(matcher));
registerRoutes(
  {
    command: record("command"),
    action: record("action"),
    view: record("view"),
    shortcut: record("shortcut"),
    event: record("event"),
  },
  "oauth",
);

function listens(callbackId: string, block: Block): boolean {
  const action: Record<string, string> = {
    type: "block_actions",
    callback_id: callbackId,
    action_id: block.element.action_id,
    block_id: block.block_id,
  };
  const fits = (wanted: unknown, value: string | undefined) =>
    wanted instanceof RegExp ? value !== undefined && wanted.test(value) : wanted === value;
  return actionRoutes.some((route) =>
    typeof route === "string" || route instanceof RegExp
      ? fits(route, action.action_id)
      : Object.entries(route as object).every(([key, wanted]) => fits(wanted, action[key])),
  );
}

/** Where a questionnaire starts: each offered service of each cloud, and each target without a service. */
const starts = CLOUDS.flatMap((cloud) => [
  ...knowledge
    .offeredServices(cloud)
    .map((s): Record<string, unknown> => ({ cloud, target: "cloud-service", service: s.id })),
  ...TARGETS.filter((target) => target !== "cloud-service").map((target) => ({ cloud, target })),
]);

/** The DECIDING answers of one run for a step, in the order the command line asked them. */
function decidingAnswers(leaf: Leaf, step: Step): [string, Answer][] {
  return leaf.asked[step]
    .filter((field) => DECIDING.has(field))
    .map((field) => [field, leaf.answers[field] as Answer]);
}

describe("every question the command line asks can be reached in the modal", () => {
  it("covers every offered service of every cloud", () => {
    expect(starts.length).toBeGreaterThan(50);
    // The questionnaire has a step-2 answer that decides another step-2 question (the case this guards).
    expect(questions.some((q) => q.step === 2 && DECIDING.has(q.field))).toBe(true);
  });

  it.each(starts.map((start) => [Object.values(start).join(" / "), start] as const))(
    "%s",
    async (_name, start) => {
      const leaves = commandLineRuns(start);
      const seen: View[] = [];
      for (const leaf of leaves) {
        const stepOne = new SlackModal(questionnaireStep(1, { channel: "C1", answers: {} }, knowledge));
        for (const [field, value] of decidingAnswers(leaf, 1)) await stepOne.answer(field, value);
        expect(stepOne.fields()).toEqual(leaf.asked[1]);
        const stepTwo = await stepOne.submitStepOne();
        // From this run's answers, every other run's step-2 answers in turn, then this run's again: each
        // change adds or removes exactly the questions the command line asks (or not) for the new answers.
        const sameStepOne = leaves.filter((other) =>
          decidingAnswers(leaf, 1).every(([field, value]) => other.answers[field] === value),
        );
        for (const target of [leaf, ...sameStepOne, leaf]) {
          for (const [field, value] of decidingAnswers(target, 2)) await stepTwo.answer(field, value);
          expect(stepTwo.fields()).toEqual(target.asked[2]);
        }
        seen.push(...stepOne.seen, ...stepTwo.seen);
      }
      for (const view of seen) expect(violations("views.update", { view })).toEqual([]);
    },
  );
});
