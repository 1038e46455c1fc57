import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";
import { openQuestionnaire } from "../questionnaire.js";

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** "New questionnaire" on the Home tab: the modal; the answer then arrives as a DM. */
export function newQuestionnaire(deps: SlackDeps) {
  return async ({ ack, body, client }: ActionArgs): Promise<void> => {
    await ack();
    await deps.afterAcks();
    // Home has no channel to answer in; a failure here is logged, and the button stays there to retry.
    await openQuestionnaire(client, deps, body.trigger_id, { channel: null, answers: {} });
  };
}
