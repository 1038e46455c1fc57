import { answerMessage } from "../blocks/answer.js";
import { changeStatus } from "../../decisions/index.js";
import type { NewStatus } from "../../decisions/index.js";
import type { SlackDeps } from "../deps.js";
import { onDecisionButton, tellClicker } from "./decision-button.js";
import { publishHome } from "../home/publish-home.js";
import { slackActor } from "../workspace-admin.js";
import { say } from "../words.js";

/** Accept or Reject: only the author or a workspace admin; the message is updated in place. */
export function changeDecisionStatus(deps: SlackDeps, status: NewStatus) {
  return onDecisionButton(deps, async (decision, args) => {
    const { body, client } = args;
    const actor = body.user.id;
    const changed = await changeStatus(
      deps,
      decision.workspace,
      decision.id,
      status,
      slackActor(client, deps, actor),
    );
    if (!changed.ok) {
      const refused = changed.errors.some((error) => error.field === "actor");
      await tellClicker(
        args,
        refused
          ? say("status-refused", { id: decision.id, author: decision.author, status })
          : say("status-failed", { id: decision.id, reasons: changed.errors.map((error) => error.message) }),
      );
      return;
    }
    if (body.channel !== undefined && body.message !== undefined)
      await client.chat.update({
        channel: body.channel.id,
        ts: body.message.ts,
        ...answerMessage(changed.value.decision),
      });
    const { superseded } = changed.value;
    if (superseded?.messageChannel != null && superseded.messageTs !== null) {
      try {
        await client.chat.update({
          channel: superseded.messageChannel,
          ts: superseded.messageTs,
          ...answerMessage(superseded),
        });
      } catch (error) {
        deps.logger.warn(`Updating the message of ${superseded.id} failed`, error);
      }
    }
    await publishHome(client, deps, decision.workspace, actor);
  });
}
