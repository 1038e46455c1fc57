import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";
import { askedQuestions, decodeContext, questionnaireStep, readAnswers } from "../questionnaire.js";

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** A step-1 choice changed (cloud or target): rebuild step 1 so the service list and questions follow it. */
export function refreshQuestionnaire(deps: SlackDeps) {
  return async ({ ack, body, client }: ActionArgs): Promise<void> => {
    await ack();
    await deps.afterAcks();
    const view = body.view;
    const context = view === undefined ? null : decodeContext(view.private_metadata);
    if (view === undefined || context === null) return;
    const { answers } = readAnswers(view.state.values, askedQuestions(1, context.answers, deps.knowledge));
    const next = { ...context, answers: { ...context.answers, ...answers } };
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
