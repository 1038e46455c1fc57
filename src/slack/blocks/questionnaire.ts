import type { InputBlock, InputBlockElement, ModalView, PlainTextOption } from "@slack/types";
import { z } from "zod";
import type { Answers, Question } from "../../advice/questionnaire.js";
import { requirementFieldSchema } from "../../vocabulary/index.js";
import { STEPS, type Step } from "../../knowledge/questionnaire-schema.js";
import { SLACK_LIMITS } from "../limits.js";
import { label } from "../words.js";
import { option, plain, truncate } from "./text.js";

export const QUESTIONNAIRE_CALLBACKS = { 1: "questionnaire_step1", 2: "questionnaire_step2" } as const;

/** The step a questionnaire view's callback_id names; undefined for any other view. */
export function stepOfView(callbackId: string): Step | undefined {
  return STEPS.find((step) => QUESTIONNAIRE_CALLBACKS[step] === callbackId);
}

/**
 * One step of the questionnaire as a modal. Each input's block_id and action_id are the Requirements field,
 * so field errors map straight onto `response_action: errors`. Step 2 is pushed on top of step 1, so its
 * close button is a real "Back".
 */
export function questionnaireView(
  step: Step,
  questions: Question[],
  answers: Answers,
  metadata: string,
): ModalView {
  return {
    type: "modal",
    callback_id: QUESTIONNAIRE_CALLBACKS[step],
    title: plain(label("modalTitle"), SLACK_LIMITS.viewTitle),
    submit: plain(label(step === 1 ? "next" : "submit"), SLACK_LIMITS.viewTitle),
    close: plain(label(step === 1 ? "cancel" : "back"), SLACK_LIMITS.viewTitle),
    notify_on_close: step === 1,
    private_metadata: metadata,
    blocks: questions
      .slice(0, SLACK_LIMITS.viewBlocks)
      .map((question) => inputBlock(question, (answers as Record<string, unknown>)[question.field])),
  };
}

function inputBlock(question: Question, answer: unknown): InputBlock {
  return {
    type: "input",
    block_id: question.field,
    label: plain(question.label, SLACK_LIMITS.inputLabel),
    hint: plain(question.hint, SLACK_LIMITS.inputLabel),
    optional: question.optional,
    // An answer that changes which questions or choices its step shows is sent at once; each step's view
    // has one listener, which redraws the step (actions/refresh-questionnaire.ts).
    dispatch_action: question.shapesStep,
    element: inputElement(question, answer),
  };
}

// The answer given so far, else the Requirements default, is what the input starts with.
function inputElement(question: Question, answer: unknown): InputBlockElement {
  const actionId = question.field;
  const value = answer === undefined ? question.default : answer;
  switch (question.kind) {
    case "choice": {
      const options = choiceOptions(question);
      const initial = options.find((choice) => choice.value === value);
      return {
        type: "static_select",
        action_id: actionId,
        placeholder: plain(label("choose")),
        options,
        ...(initial !== undefined && { initial_option: initial }),
      };
    }
    case "boolean": {
      const options = [option(label("yes"), "true"), option(label("no"), "false")];
      return {
        type: "radio_buttons",
        action_id: actionId,
        options,
        initial_option: options[value === true ? 0 : 1],
      };
    }
    case "multi-choice": {
      const options = choiceOptions(question).slice(0, SLACK_LIMITS.checkboxOptions);
      const chosen = Array.isArray(value) ? options.filter((choice) => value.includes(choice.value)) : [];
      return {
        type: "checkboxes",
        action_id: actionId,
        options,
        ...(chosen.length > 0 && { initial_options: chosen }),
      };
    }
    case "number": {
      // The input refuses what the Requirements schema would: decimals for a count, values out of range.
      const { integer, min, max } = numberLimits(question.field);
      return {
        type: "number_input",
        action_id: actionId,
        is_decimal_allowed: !integer,
        ...(min !== undefined && { min_value: String(min) }),
        ...(max !== undefined && { max_value: String(max) }),
        ...(typeof value === "number" && { initial_value: String(value) }),
      };
    }
    case "text": {
      const max = textLimit(question.field);
      return {
        type: "plain_text_input",
        action_id: actionId,
        max_length: max,
        ...(typeof value === "string" && value !== "" && { initial_value: truncate(value, max) }),
      };
    }
  }
}

function choiceOptions(question: Question): PlainTextOption[] {
  return question.choices
    .slice(0, SLACK_LIMITS.selectOptions)
    .map((choice) => option(choice.label, choice.value));
}

/** The bounds the Requirements schema sets on a number field. */
export function numberLimits(field: string): { integer: boolean; min?: number; max?: number } {
  const schema = requirementFieldSchema(field);
  if (!(schema instanceof z.ZodNumber)) return { integer: false };
  const finite = (bound: number | null) => (bound !== null && Number.isFinite(bound) ? bound : undefined);
  const min = finite(schema.minValue);
  const max = finite(schema.maxValue);
  return { integer: schema.isInt, ...(min !== undefined && { min }), ...(max !== undefined && { max }) };
}

/** The longest text the Requirements schema accepts for a field (Slack allows up to 3,000). */
export function textLimit(field: string): number {
  const schema = requirementFieldSchema(field);
  const max = schema instanceof z.ZodString ? schema.maxLength : null;
  return Math.min(max ?? SLACK_LIMITS.sectionText, SLACK_LIMITS.sectionText);
}
