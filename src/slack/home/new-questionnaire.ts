import type { ActionArgs } from "../context.js";
import { openQuestionnaire } from "../questionnaire.js";

/** "New questionnaire" on the Home tab: the modal; the answer then arrives as a DM. */
export async function newQuestionnaire(args: ActionArgs): Promise<void> {
  await args.ack();
  // Home has no channel to answer in; a failure here is logged, and the button stays there to retry.
  await openQuestionnaire(args, args.body.trigger_id, { channel: null, answers: {} });
}
