import type { ViewSubmitAction } from "@slack/bolt";
import { parseRequirements } from "../../advice/index.js";
import { questionsFor } from "../../advice/questionnaire.js";
import { apologize } from "../apologize.js";
import type { ViewArgs } from "../context.js";
import { deliverAnswer } from "../deliver-answer.js";
import { describeFieldErrors } from "../field-errors.js";
import { decodeContext, readAnswers } from "../questionnaire.js";
import { invalidFormView } from "./invalid-form.js";

/**
 * The final submit: every field error goes back onto the form at once; a valid form closes, and the answer
 * is advised, stored once (the view id and hash make the dedupe key, so a double submit stores one) and
 * posted.
 */
export async function submitStepTwo(args: ViewArgs<ViewSubmitAction>): Promise<void> {
  const { ack, body, view, context, logger } = args;
  const questionnaire = decodeContext(view.private_metadata);
  if (questionnaire === null) {
    await ack({ response_action: "update", view: invalidFormView() });
    return;
  }
  const { knowledge } = context.services;
  const stepTwo = questionsFor(2, questionnaire.answers, knowledge);
  const read = readAnswers(view.state.values, stepTwo);
  // Only what was asked counts: an answer carried from a re-run that no longer applies falls away.
  const asked = [...questionsFor(1, questionnaire.answers, knowledge), ...stepTwo].map(
    (question) => question.field,
  );
  const all: Record<string, unknown> = { ...questionnaire.answers, ...read.answers };
  const input = Object.fromEntries(
    asked
      .filter((field) => all[field] !== undefined && read.errors[field] === undefined)
      .map((field) => [field, all[field]]),
  );
  const requirements = parseRequirements(input, knowledge);
  const errors = { ...read.errors };
  if (!requirements.ok)
    for (const error of describeFieldErrors(requirements.errors, knowledge))
      if (view.state.values[error.field] !== undefined) errors[error.field] ??= error.message;
  if (Object.keys(errors).length > 0) {
    await ack({ response_action: "errors", errors });
    return;
  }
  if (!requirements.ok) {
    // Wrong only in answers this step does not show (a tampered or outdated form): nothing to fix here.
    await ack({ response_action: "update", view: invalidFormView() });
    return;
  }
  await ack({ response_action: "clear" });
  const user = body.user.id;
  try {
    await deliverAnswer(args, {
      user,
      channel: questionnaire.channel,
      requirements: requirements.value,
      dedupeKey: `modal:${view.id}:${view.hash}`,
      ...(questionnaire.basedOn !== undefined && { basedOn: questionnaire.basedOn }),
    });
  } catch (error) {
    logger.error(`Answering the questionnaire of ${user} failed`, error);
    await apologize(args, user);
  }
}
