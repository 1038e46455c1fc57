import type { ViewStateValue } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import { z } from "zod";
import { questionsFor } from "../advice/questionnaire.js";
import type { Answers, Question } from "../advice/questionnaire.js";
import type { Step } from "../knowledge/questionnaire-schema.js";
import type { Knowledge } from "../knowledge/index.js";
import { parseDecisionId } from "../store/index.js";
import type { DecisionId } from "../store/index.js";
import { questionnaireView } from "./blocks/questionnaire.js";
import { SLACK_LIMITS } from "./limits.js";
import type { Tools } from "./context.js";
import { fieldMessage } from "./field-errors.js";
import { parseJsonWith } from "./parse-json.js";
import { failureReason } from "./web-api-errors.js";

/** What the modal carries from step to step in private_metadata; validated again when it comes back. */
export interface QuestionnaireContext {
  /** Where the answer is posted; null when the modal was opened outside a channel (then: a DM). */
  channel: string | null;
  answers: Answers;
  /** The decision a re-run started from. */
  basedOn?: DecisionId;
}

const ContextSchema = z.strictObject({
  channel: z
    .string()
    .regex(/^[A-Z0-9]{2,30}$/)
    .nullable(),
  answers: z.record(
    z.string().regex(/^[a-zA-Z]{1,40}$/),
    z.union([z.string().max(300), z.number(), z.boolean(), z.null(), z.array(z.string().max(60)).max(10)]),
  ),
  basedOn: z
    .string()
    .transform((text, check) => parseDecisionId(text) ?? (check.addIssue("not a decision id"), z.NEVER))
    .optional(),
});

/** Opens step 1 of the questionnaire. Returns the Slack error code when the modal could not be opened. */
export async function openQuestionnaire(
  { client, context, logger }: Tools,
  triggerId: string,
  questionnaire: QuestionnaireContext,
): Promise<string | null> {
  const view = questionnaireStep(1, questionnaire, context.services.knowledge);
  try {
    await client.views.open({ trigger_id: triggerId, view });
    return null;
  } catch (error) {
    const reason = failureReason(error);
    logger.warn(`views.open failed (${reason})`);
    return reason;
  }
}

/** The modal for one step, its questions chosen for the answers so far. */
export function questionnaireStep(step: Step, questionnaire: QuestionnaireContext, knowledge: Knowledge) {
  return questionnaireView(
    step,
    questionsFor(step, questionnaire.answers, knowledge),
    questionnaire.answers,
    encodeContext(questionnaire),
  );
}

export function encodeContext(questionnaire: QuestionnaireContext): string {
  const text = JSON.stringify(questionnaire);
  if (text.length > SLACK_LIMITS.privateMetadata)
    throw new Error(`private_metadata would be ${text.length} characters`);
  return text;
}

/** Reads private_metadata back; null when it is not what this app wrote (tampered or from an old version). */
export function decodeContext(text: string): QuestionnaireContext | null {
  const parsed = parseJsonWith(ContextSchema, text);
  if (parsed === null) return null;
  const { basedOn, ...rest } = parsed;
  return { ...rest, answers: parsed.answers, ...(basedOn !== undefined && { basedOn }) };
}

/** One step's form read back: its answers, the questions they make matter, and whether the form shows them. */
export interface ReadStep {
  /** The questionnaire with the form's answers added. */
  questionnaire: QuestionnaireContext;
  /** The questions that matter given those answers. */
  questions: Question[];
  /** block_id → message, ready for `response_action: errors`. */
  errors: Record<string, string>;
  /** The step as it should look now: the questions that matter, the answers given as initial values. */
  form: ModalView;
  /** The form shown differs from `form`: a question that now matters is missing, or one shown no longer counts. */
  outdated: boolean;
}

type ShownView = { state: { values: StateValues }; blocks: unknown[] };

/** Reads a step's form (a dispatched action's or a submission's view) against its questionnaire. */
export function readStep(
  step: Step,
  view: ShownView,
  questionnaire: QuestionnaireContext,
  knowledge: Knowledge,
): ReadStep {
  // Which questions count depends on the answers read (the cloud picks the services, on-premises reach
  // brings the DNS question): read again until they agree. A condition looks only at earlier questions
  // (the questionnaire's schema checks it), so each round settles at least one more question.
  let questions = questionsFor(step, questionnaire.answers, knowledge);
  for (;;) {
    const { answers, errors } = readAnswers(view.state.values, questions);
    const read = { ...questionnaire, answers: { ...questionnaire.answers, ...answers } };
    const next = questionsFor(step, read.answers, knowledge);
    if (outline(questionBlocks(next)) === outline(questionBlocks(questions))) {
      const form = questionnaireStep(step, read, knowledge);
      const outdated = outline(view.blocks) !== outline(form.blocks);
      return { questionnaire: read, questions, errors, form, outdated };
    }
    questions = next;
  }
}

function questionBlocks(questions: Question[]) {
  return questions.map((q) => ({ block_id: q.field, element: { options: q.choices } }));
}

/** What a form asks, as Slack echoes it back: each block's id and its element's choices. */
function outline(blocks: unknown[]): string {
  return JSON.stringify(
    (blocks as { block_id?: string; element?: { options?: { value: string }[] } }[]).map((block) => [
      block.block_id,
      block.element?.options?.map((choice) => choice.value),
    ]),
  );
}

interface ReadAnswers {
  answers: Answers;
  /** block_id → message, ready for `response_action: errors`. */
  errors: Record<string, string>;
}

type StateValues = Record<string, Record<string, ViewStateValue>>;

/** Turns the modal's state into answers for the asked questions, with a message for each unusable value. */
function readAnswers(values: StateValues, questions: Question[]): ReadAnswers {
  const answers: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const question of questions) {
    const state = values[question.field]?.[question.field];
    if (state === undefined) continue;
    const read = readAnswer(question, state);
    if (read === undefined) continue;
    if ("error" in read) errors[question.field] = fieldMessage(question.field, question.kind);
    else answers[question.field] = read.value;
  }
  return { answers: answers, errors };
}

type Read = { value: unknown } | { error: true } | undefined;

function readAnswer(question: Question, state: ViewStateValue): Read {
  const allowed = new Set(question.choices.map((choice) => choice.value));
  switch (question.kind) {
    case "choice": {
      const value = state.selected_option?.value;
      if (value === undefined) return undefined;
      return allowed.has(value) ? { value } : { error: true };
    }
    case "boolean": {
      const value = state.selected_option?.value;
      if (value === undefined) return undefined;
      return value === "true" || value === "false" ? { value: value === "true" } : { error: true };
    }
    case "multi-choice": {
      const values = (state.selected_options ?? []).map((selected) => selected.value);
      return values.every((value) => allowed.has(value)) ? { value: values } : { error: true };
    }
    case "number":
      return readNumber(question, state.value);
    case "text":
      return { value: (state.value ?? "").trim() };
  }
}

// Only the shape is read here: the limits (whole numbers, at least 0 or 1) are the Requirements schema's,
// whose messages name the field (parseRequirements).
function readNumber(question: Question, raw: string | null | undefined): Read {
  const text = (raw ?? "").trim();
  if (text === "") return question.optional ? { value: null } : undefined;
  return /^-?\d+(\.\d+)?$/.test(text) ? { value: Number(text) } : { error: true };
}
