import type { SlackDeps } from "../deps.js";
import { onDecisionButton, tellClicker } from "./decision-button.js";
import { openQuestionnaire } from "../questionnaire.js";
import { say } from "../words.js";

/** Re-run with changes: the questionnaire again, filled in with the decision's answers and naming it. */
export function rerunDecision(deps: SlackDeps) {
  return onDecisionButton(deps, async (decision, args) => {
    const { body, client } = args;
    const failure = await openQuestionnaire(client, deps, body.trigger_id, {
      channel: body.channel?.id ?? null,
      answers: decision.requirements,
      basedOn: decision.id,
    });
    if (failure !== null) await tellClicker(args, say("modal-failed", { reason: failure }));
  });
}
