import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";
import {
  askedQuestions,
  decodeContext,
  isRequired,
  questionnaireStep,
  readAnswers,
} from "../questionnaire.js";
import { invalidFormView } from "./invalid-form.js";

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** Step 1 → step 2: keep the answers in private_metadata and push the questions that now matter. */
export function submitStepOne(deps: SlackDeps) {
  return async ({ ack, view }: SubmitArgs): Promise<void> => {
    const context = decodeContext(view.private_metadata);
    if (context === null) {
      await ack({ response_action: "update", view: invalidFormView() });
      return;
    }
    const values = view.state.values;
    // Which questions count depends on the answers themselves (the cloud picks the services): read twice.
    const first = readAnswers(values, askedQuestions(1, context.answers, deps.knowledge));
    const draft = { ...context.answers, ...first.answers };
    const questions = askedQuestions(1, draft, deps.knowledge);
    const { answers, errors } = readAnswers(values, questions);
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: "errors", errors });
      return;
    }
    const merged = { ...context, answers: { ...draft, ...answers } };
    // A question the modal did not show yet (the view was not refreshed): show step 1 again with it.
    const missing = questions.some(
      (question) => isRequired(question) && answers[question.field] === undefined,
    );
    await ack(
      missing
        ? { response_action: "update", view: questionnaireStep(1, merged, deps) }
        : { response_action: "push", view: questionnaireStep(2, merged, deps) },
    );
  };
}
