import { changeStatus } from "../../decisions/index.js";
import type { NewStatus } from "../../decisions/index.js";
import type { Decision } from "../../store/index.js";
import { answerMessage } from "../blocks/answer.js";
import type { ButtonArgs } from "../context.js";
import { publishHome } from "../home/publish-home.js";
import { slackActor } from "../workspace-admin.js";
import { say } from "../words.js";
import { onDecisionButton, tellClicker } from "./decision-button.js";

/**
 * Accept or Reject (each asks for confirmation in Slack first). The policy (author or admin) is the use
 * case's; the message is updated in place, and so is the message of a decision an accepted one replaces.
 */
export function changeDecisionStatus(status: NewStatus) {
  return onDecisionButton(async (decision, args) => {
    const { body, context } = args;
    const actor = slackActor(args, body.user.id);
    const changed = await changeStatus(context.services, decision.workspace, decision.id, status, actor);
    if (!changed.ok) {
      const refused = changed.errors.some((error) => error.field === "actor");
      const reasons = changed.errors.map((error) => error.message);
      await tellClicker(
        args,
        refused
          ? say("status-refused", { id: decision.id, author: decision.author, status })
          : say("status-failed", { id: decision.id, reasons }),
      );
      return;
    }
    const { decision: updated, superseded } = changed.value;
    if (body.channel !== undefined && body.message !== undefined)
      await updateAnswer(args, updated, body.channel.id, body.message.ts);
    if (superseded?.messageChannel != null && superseded.messageTs !== null)
      await updateAnswer(args, superseded, superseded.messageChannel, superseded.messageTs);
    await publishHome(args, body.user.id);
  });
}

async function updateAnswer(
  args: ButtonArgs,
  decision: Decision,
  channel: string,
  ts: string,
): Promise<void> {
  const { client, context, logger } = args;
  const history = await context.services.store.history(decision.workspace, decision.id);
  try {
    await client.chat.update({
      channel,
      ts,
      ...answerMessage(decision, context.services.knowledge, history),
    });
  } catch (error) {
    logger.warn(`Updating the message of ${decision.id} failed`, error);
  }
}
