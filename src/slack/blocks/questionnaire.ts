import type { InputBlock, InputBlockElement, ModalView, PlainTextOption } from "@slack/types";
import { isRequired } from "../questionnaire.js";
import type { Answer, Answers, Question, Step } from "../questionnaire.js";
import { label } from "../words.js";
import { LIMITS, option, plain } from "./text.js";

export const QUESTIONNAIRE_CALLBACKS = { 1: "questionnaire_step1", 2: "questionnaire_step2" } as const;
const INPUT_LABEL_MAX = 2000;
const TEXT_MAX = 200;
const CHECKBOXES_MAX = 10;

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
    title: plain(label("modalTitle"), 24),
    submit: plain(label(step === 1 ? "next" : "submit"), 24),
    close: plain(label(step === 1 ? "cancel" : "back"), 24),
    notify_on_close: step === 1,
    private_metadata: metadata,
    blocks: questions
      .slice(0, LIMITS.viewBlocks)
      .map((question) => inputBlock(step, question, answers[question.field])),
  };
}

function inputBlock(step: Step, question: Question, answer: Answer | undefined): InputBlock {
  return {
    type: "input",
    block_id: question.field,
    label: plain(question.label, INPUT_LABEL_MAX),
    hint: plain(question.hint, INPUT_LABEL_MAX),
    optional: !isRequired(question),
    // Step 1's choices decide which services and questions follow: refresh the modal when they change.
    dispatch_action: step === 1 && question.kind === "choice",
    element: inputElement(question, answer),
  };
}

// The answer given so far, else the Requirements default, is what the input starts with.
function inputElement(question: Question, answer: Answer | undefined): InputBlockElement {
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
      const options = choiceOptions(question).slice(0, CHECKBOXES_MAX);
      const chosen = Array.isArray(value) ? options.filter((choice) => value.includes(choice.value)) : [];
      return {
        type: "checkboxes",
        action_id: actionId,
        options,
        ...(chosen.length > 0 && { initial_options: chosen }),
      };
    }
    case "number":
      return {
        type: "number_input",
        action_id: actionId,
        is_decimal_allowed: true,
        min_value: "0",
        ...(typeof value === "number" && { initial_value: String(value) }),
      };
    case "text":
      return {
        type: "plain_text_input",
        action_id: actionId,
        max_length: TEXT_MAX,
        ...(typeof value === "string" && value !== "" && { initial_value: value.slice(0, TEXT_MAX) }),
      };
  }
}

function choiceOptions(question: Question): PlainTextOption[] {
  return (question.choices ?? [])
    .slice(0, LIMITS.selectOptions)
    .map((choice) => option(choice.label, choice.value));
}
