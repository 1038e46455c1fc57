import type { ViewStateValue, webApi } from "@slack/bolt";
import { z } from "zod";
import { questionnaireView } from "./blocks/questionnaire.js";
import { LIMITS } from "./blocks/text.js";
import type { SlackDeps } from "./deps.js";
import { parseJsonWith } from "./parse-json.js";
import { questionsFor } from "../advice/questionnaire.js";
import type { Question } from "../advice/questionnaire.js";
import type { Knowledge } from "../knowledge/index.js";
import { say } from "./words.js";
import { failureReason } from "./web-api-errors.js";

export type Answer = string | number | boolean | null | string[];
export type Answers = Record<string, Answer>;
export type Step = 1 | 2;
export type { Question };

/** What the modal carries from step to step in private_metadata; validated again when it comes back. */
export interface QuestionnaireContext {
  /** Where the answer is posted; null when the modal was opened outside a channel (then: a DM). */
  channel: string | null;
  answers: Answers;
  /** The decision a re-run started from. */
  basedOn?: string;
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
    .regex(/^EA-\d{1,9}$/)
    .optional(),
});

/** Opens step 1 of the questionnaire. Returns the Slack error code when the modal could not be opened. */
export async function openQuestionnaire(
  client: webApi.WebClient,
  deps: SlackDeps,
  triggerId: string,
  context: QuestionnaireContext,
): Promise<string | null> {
  const view = questionnaireStep(1, context, deps);
  try {
    await client.views.open({ trigger_id: triggerId, view });
    return null;
  } catch (error) {
    const reason = failureReason(error);
    deps.logger.warn(`views.open failed (${reason})`);
    return reason;
  }
}

/** The modal for one step, its questions chosen for the answers so far. */
export function questionnaireStep(step: Step, context: QuestionnaireContext, deps: SlackDeps) {
  return questionnaireView(
    step,
    askedQuestions(step, context.answers, deps.knowledge),
    context.answers,
    encodeContext(context),
  );
}

export function encodeContext(context: QuestionnaireContext): string {
  const text = JSON.stringify(context);
  if (text.length > LIMITS.privateMetadata)
    throw new Error(`private_metadata would be ${text.length} characters`);
  return text;
}

/** Reads private_metadata back; null when it is not what this app wrote (tampered or from an old version). */
export function decodeContext(text: string): QuestionnaireContext | null {
  return parseJsonWith(ContextSchema, text);
}

/** The questions of a step that matter for the answers so far (the shared questionnaire data). */
export function askedQuestions(step: Step, answers: Answers, knowledge: Knowledge): Question[] {
  return questionsFor(step, answers, knowledge);
}

/** Inputs a person must fill in. */
export function isRequired(question: Question): boolean {
  return !question.optional;
}

export interface ReadAnswers {
  answers: Answers;
  /** block_id → message, ready for `response_action: errors`. */
  errors: Record<string, string>;
}

type StateValues = Record<string, Record<string, ViewStateValue>>;

/** Turns the modal's state into answers for the asked questions, with a message for each unusable value. */
export function readAnswers(values: StateValues, questions: Question[]): ReadAnswers {
  const answers: Answers = {};
  const errors: Record<string, string> = {};
  for (const question of questions) {
    const state = values[question.field]?.[question.field];
    if (state === undefined) continue;
    const read = readAnswer(question, state);
    if (read === undefined) continue;
    if ("error" in read) errors[question.field] = say("field-error", { code: read.error });
    else answers[question.field] = read.value;
  }
  return { answers, errors };
}

type Read = { value: Answer } | { error: "choice" | "number" | "negative" } | undefined;

function readAnswer(question: Question, state: ViewStateValue): Read {
  const allowed = new Set(question.choices?.map((choice) => choice.value));
  switch (question.kind) {
    case "choice": {
      const value = state.selected_option?.value;
      if (value === undefined) return undefined;
      return allowed.has(value) ? { value } : { error: "choice" };
    }
    case "boolean": {
      const value = state.selected_option?.value;
      if (value === undefined) return undefined;
      return value === "true" || value === "false" ? { value: value === "true" } : { error: "choice" };
    }
    case "multi-choice": {
      const values = (state.selected_options ?? []).map((selected) => selected.value);
      return values.every((value) => allowed.has(value)) ? { value: values } : { error: "choice" };
    }
    case "number":
      return readNumber(question, state.value);
    case "text":
      return { value: (state.value ?? "").trim() };
  }
}

function readNumber(question: Question, raw: string | null | undefined): Read {
  const text = (raw ?? "").trim();
  if (text === "") return question.field === "monthlyBudgetUsd" ? { value: null } : undefined;
  if (!/^-?\d+(\.\d+)?$/.test(text)) return { error: "number" };
  const value = Number(text);
  return value < 0 ? { error: "negative" } : { value };
}
