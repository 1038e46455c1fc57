import { stepOfView } from "../blocks/questionnaire.js";
import type { ActionArgs } from "../context.js";
import { decodeContext, readStep } from "../questionnaire.js";

/**
 * An answer that shapes its step changed (the cloud picks the services, the target and on-premises reach
 * pick the questions): ack, then redraw the step when the questions or choices it should show differ from
 * those shown. The answers given so far travel in private_metadata; inputs keep their block and action ids,
 * so Slack keeps what was typed in them.
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
  const step = view === undefined ? undefined : stepOfView(view.callback_id);
  const questionnaire = view === undefined ? null : decodeContext(view.private_metadata);
  if (view === undefined || step === undefined || questionnaire === null) return;
  const read = readStep(step, view, questionnaire, context.services.knowledge);
  if (!read.outdated) return;
  try {
    // The hash makes Slack refuse the update if the view changed meanwhile (e.g. a second quick pick); the
    // submission reads the form again and redraws it if it is still out of date.
    await client.views.update({ view_id: view.id, hash: view.hash, view: read.form });
  } catch (error) {
    logger.warn("Refreshing the questionnaire failed", error);
  }
}
