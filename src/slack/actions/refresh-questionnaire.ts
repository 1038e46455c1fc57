import type { Question } from "../../advice/questionnaire.js";
import { questionsFor } from "../../advice/questionnaire.js";
import type { ActionArgs } from "../context.js";
import { decodeContext, questionnaireStep, readAnswers } from "../questionnaire.js";

/**
 * A step-1 choice changed: rebuild step 1 when the choice changes which questions or choices it shows (the
 * cloud picks the services, the target the questions); any other pick (a service) needs only the ack.
 */
export async function refreshQuestionnaire({
  ack,
  body,
  client,
  context,
  logger,
}: ActionArgs): Promise<void> {
  await ack();
  const view = body.view;
  const questionnaire = view === undefined ? null : decodeContext(view.private_metadata);
  if (view === undefined || questionnaire === null) return;
  const { knowledge } = context.services;
  const shown = questionsFor(1, questionnaire.answers, knowledge);
  const { answers } = readAnswers(view.state.values, shown);
  const next = { ...questionnaire, answers: { ...questionnaire.answers, ...answers } };
  if (sameQuestions(shown, questionsFor(1, next.answers, knowledge))) return;
  try {
    // The hash makes Slack refuse the update if the view changed meanwhile (e.g. a second quick pick).
    await client.views.update({
      view_id: view.id,
      hash: view.hash,
      view: questionnaireStep(1, next, knowledge),
    });
  } catch (error) {
    logger.warn("Refreshing the questionnaire failed", error);
  }
}

function sameQuestions(shown: Question[], next: Question[]): boolean {
  const outline = (questions: Question[]) =>
    JSON.stringify(questions.map((question) => [question.field, question.choices.map((c) => c.value)]));
  return outline(shown) === outline(next);
}
