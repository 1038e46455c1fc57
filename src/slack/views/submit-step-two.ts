import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { apologize } from "../apologize.js";
import { deliverAnswer } from "../deliver-answer.js";
import type { SlackDeps } from "../deps.js";
import { parseRequirements } from "../../advice/index.js";
import { explainFieldErrors } from "../../render/index.js";
import { askedQuestions, decodeContext, readAnswers } from "../questionnaire.js";
import type { Answers } from "../questionnaire.js";
import { invalidFormView } from "./invalid-form.js";

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * The final submit: field errors go back onto the form; a valid form closes, and the answer is advised,
 * stored once (the view id and hash make the dedupe key, so a double submit stores one) and posted.
 */
export function submitStepTwo(deps: SlackDeps) {
  return async ({ ack, body, view, client }: SubmitArgs): Promise<void> => {
    const context = decodeContext(view.private_metadata);
    if (context === null) {
      await ack({ response_action: "update", view: invalidFormView() });
      return;
    }
    const stepTwo = askedQuestions(2, context.answers, deps.knowledge);
    const { answers, errors } = readAnswers(view.state.values, stepTwo);
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: "errors", errors });
      return;
    }
    // Only what was asked counts: an answer carried from a re-run that no longer applies falls away.
    const asked = [...askedQuestions(1, context.answers, deps.knowledge), ...stepTwo].map(
      (question) => question.field,
    );
    const all: Answers = { ...context.answers, ...answers };
    const input = Object.fromEntries(
      asked.filter((field) => all[field] !== undefined).map((field) => [field, all[field]]),
    );
    const requirements = parseRequirements(input, deps.knowledge);
    if (!requirements.ok) {
      const onThisStep = explainFieldErrors(requirements.errors).filter(
        (error) => view.state.values[error.field] !== undefined,
      );
      await ack(
        onThisStep.length > 0
          ? {
              response_action: "errors",
              errors: Object.fromEntries(onThisStep.map((error) => [error.field, error.message])),
            }
          : { response_action: "update", view: invalidFormView() },
      );
      return;
    }
    await ack({ response_action: "clear" });
    await deps.afterAcks();
    const user = body.user.id;
    try {
      await deliverAnswer(client, deps, {
        workspace: body.team?.id ?? view.team_id,
        user,
        channel: context.channel,
        requirements: requirements.value,
        dedupeKey: `modal:${view.id}:${view.hash}`,
        ...(context.basedOn !== undefined && { basedOn: context.basedOn }),
      });
    } catch (error) {
      deps.logger.error(`Answering the questionnaire of ${user} failed`, error);
      await apologize(client, deps, user);
    }
  };
}
