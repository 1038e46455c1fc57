import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { SlackDeps } from "../deps.js";
import { decisionFromButton } from "./decision-from-button.js";
import { openQuestionnaire } from "../questionnaire.js";
import { say } from "../words.js";

type ActionArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Re-run with changes: the questionnaire again, filled in with the decision's answers and naming it. */
export function rerunDecision(deps: SlackDeps) {
  return async ({ ack, body, client, respond }: ActionArgs): Promise<void> => {
    await ack();
    await deps.afterAcks();
    const decision = await decisionFromButton(deps, body, respond);
    if (decision === undefined) return;
    const failure = await openQuestionnaire(client, deps, body.trigger_id, {
      channel: body.channel?.id ?? null,
      answers: decision.requirements,
      basedOn: decision.id,
    });
    if (failure !== null)
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        text: say("modal-failed", { reason: failure }),
      });
  };
}
