import type { ViewSubmitAction } from "@slack/bolt";
import { parseRequirements } from "../../advice/index.js";
import { questionsFor } from "../../advice/questionnaire.js";
import type { ViewArgs } from "../context.js";
import { recordAnswer } from "../deliver-answer.js";
import { describeFieldErrors } from "../field-errors.js";
import { decodeContext, readStep } from "../questionnaire.js";
import { saveFailureMessage } from "../save-failure.js";
import { deliverAfterAck, saveBeforeAck } from "../save-then-deliver.js";
import { tellPrivately } from "../tell-privately.js";
import { invalidFormView } from "./invalid-form.js";

/**
 * The final submit: every field error goes back onto the form at once; a valid form is advised and stored
 * once (the view id and hash make the dedupe key, so a double submit stores one) with its pending delivery,
 * before the ack closes the form; a save that fails stays on the form with the reason. The answer is then
 * delivered from the outbox.
 */
export async function submitStepTwo(args: ViewArgs<ViewSubmitAction>): Promise<void> {
  const { ack, body, view, context } = args;
  const questionnaire = decodeContext(view.private_metadata);
  if (questionnaire === null) {
    await ack({ response_action: "update", view: invalidFormView() });
    return;
  }
  const { knowledge } = context.services;
  const read = readStep(2, view, questionnaire, knowledge);
  if (read.outdated) {
    // Submitted before the form was redrawn for its last change: show the questions that now matter.
    await ack({ response_action: "update", view: read.form });
    return;
  }
  // Only what was asked counts: an answer carried from a re-run, or given to a question an answer later
  // took away, falls away.
  const asked = [...questionsFor(1, questionnaire.answers, knowledge), ...read.questions].map(
    (question) => question.field,
  );
  const all: Record<string, unknown> = read.questionnaire.answers;
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
  const user = body.user.id;
  const saving = recordAnswer(args, {
    user,
    channel: questionnaire.channel,
    requirements: requirements.value,
    dedupeKey: `modal:${view.id}:${view.hash}`,
    ...(questionnaire.basedOn !== undefined && { basedOn: questionnaire.basedOn }),
  });
  const atAck = await saveBeforeAck(saving);
  const firstField = Object.keys(view.state.values)[0];
  if ("failed" in atAck && firstField !== undefined) {
    // Nothing was saved: the form stays open with the reason on it, and Submit tries again.
    const message = saveFailureMessage(args, atAck.failed, user);
    await ack({ response_action: "errors", errors: { [firstField]: message } });
    return;
  }
  await ack({ response_action: "clear" });
  await deliverAfterAck(args, atAck, user, (text) => tellPrivately(args, user, questionnaire.channel, text));
}
