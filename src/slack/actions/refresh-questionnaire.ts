import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";
import { askedQuestions, decodeContext, questionnaireStep, readAnswers } from "../questionnaire.js";
import type { Question } from "../questionnaire.js";

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/**
 * A step-1 choice changed: rebuild step 1 when the choice changes which questions or choices it shows (the
 * cloud picks the services, the target the questions); any other pick (a service) needs only the ack.
 */
export function refreshQuestionnaire(deps: SlackDeps) {
  return async ({ ack, body, client }: ActionArgs): Promise<void> => {
    await ack();
    await deps.afterAcks();
    const view = body.view;
    const context = view === undefined ? null : decodeContext(view.private_metadata);
    if (view === undefined || context === null) return;
    const shown = askedQuestions(1, context.answers, deps.knowledge);
    const { answers } = readAnswers(view.state.values, shown);
    const next = { ...context, answers: { ...context.answers, ...answers } };
    if (sameQuestions(shown, askedQuestions(1, next.answers, deps.knowledge))) return;
    try {
      // The hash makes Slack refuse the update if the view changed meanwhile (e.g. a second quick pick).
      await client.views.update({
        view_id: view.id,
        hash: view.hash,
        view: questionnaireStep(1, next, deps),
      });
    } catch (error) {
      deps.logger.warn("Refreshing the questionnaire failed", error);
    }
  };
}

function sameQuestions(shown: Question[], next: Question[]): boolean {
  const outline = (questions: Question[]) =>
    JSON.stringify(questions.map((question) => [question.field, question.choices.map((c) => c.value)]));
  return outline(shown) === outline(next);
}
