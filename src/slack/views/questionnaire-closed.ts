import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewClosedAction } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";

type ClosedArgs = SlackViewMiddlewareArgs<ViewClosedAction> & AllMiddlewareArgs;

/** Cancel: nothing was stored, so there is nothing to undo; noted for the logs. */
export function questionnaireClosed(deps: SlackDeps) {
  return async ({ ack, body }: ClosedArgs): Promise<void> => {
    await ack();
    deps.logger.debug(`Questionnaire closed by ${body.user.id} without an answer`);
  };
}
