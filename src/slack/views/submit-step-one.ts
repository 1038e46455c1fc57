import type { ViewSubmitAction } from "@slack/bolt";
import { questionsFor } from "../../advice/questionnaire.js";
import type { ViewArgs } from "../context.js";
import { decodeContext, questionnaireStep, readAnswers } from "../questionnaire.js";
import { invalidFormView } from "./invalid-form.js";

/** Step 1 → step 2: keep the answers in private_metadata and push the questions that now matter. */
export async function submitStepOne({ ack, view, context }: ViewArgs<ViewSubmitAction>): Promise<void> {
  const questionnaire = decodeContext(view.private_metadata);
  if (questionnaire === null) {
    await ack({ response_action: "update", view: invalidFormView() });
    return;
  }
  const { knowledge } = context.services;
  const values = view.state.values;
  // Which questions count depends on the answers themselves (the cloud picks the services): read twice.
  const first = readAnswers(values, questionsFor(1, questionnaire.answers, knowledge));
  const draft = { ...questionnaire.answers, ...first.answers };
  const questions = questionsFor(1, draft, knowledge);
  const { answers, errors } = readAnswers(values, questions);
  if (Object.keys(errors).length > 0) {
    await ack({ response_action: "errors", errors });
    return;
  }
  const merged = { ...questionnaire, answers: { ...draft, ...answers } };
  // A question the modal did not show yet (the view was not refreshed): show step 1 again with it.
  const missing = questions.some(
    (question) => !question.optional && (answers as Record<string, unknown>)[question.field] === undefined,
  );
  await ack(
    missing
      ? { response_action: "update", view: questionnaireStep(1, merged, knowledge) }
      : { response_action: "push", view: questionnaireStep(2, merged, knowledge) },
  );
}
