import { openQuestionnaire } from "../questionnaire.js";
import { say } from "../words.js";
import { onDecisionButton, tellClicker } from "./decision-button.js";

/** Re-run with changes: the questionnaire again, filled in with the decision's answers and naming it. */
export const rerunDecision = onDecisionButton(async (decision, args) => {
  const { body } = args;
  const failure = await openQuestionnaire(args, body.trigger_id, {
    channel: body.channel?.id ?? null,
    answers: decision.requirements,
    basedOn: decision.id,
  });
  if (failure !== null) await tellClicker(args, say("modal-failed", { reason: failure }));
});
