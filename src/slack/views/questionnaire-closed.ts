import type { ViewClosedAction } from "@slack/bolt";
import type { ViewArgs } from "../context.js";

/** Cancel: nothing was stored, so there is nothing to undo; noted for the logs. */
export async function questionnaireClosed({ ack, body, logger }: ViewArgs<ViewClosedAction>): Promise<void> {
  await ack();
  logger.debug(`Questionnaire closed by ${body.user.id} without an answer`);
}
