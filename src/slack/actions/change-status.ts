import { answerMessage } from "../blocks/answer.js";
import type { SlackDeps } from "../deps.js";
import { onDecisionButton, tellClicker } from "./decision-button.js";
import { publishHome } from "../home/publish-home.js";
import { mayChangeStatus } from "../workspace-admin.js";
import { say } from "../words.js";

/** Accept or Reject: only the author or a workspace admin; the message is updated in place. */
export function changeDecisionStatus(deps: SlackDeps, status: "accepted" | "rejected") {
  return onDecisionButton(deps, async (decision, args) => {
    const { body, client } = args;
    const actor = body.user.id;
    const { allowed, isAdmin: actorIsAdmin } = await mayChangeStatus(client, deps, decision, actor);
    if (!allowed) {
      await tellClicker(args, say("status-refused", { id: decision.id, author: decision.author, status }));
      return;
    }
    const changed = await deps.store.changeStatus(decision.workspace, decision.id, {
      status,
      actor,
      actorIsAdmin,
    });
    if (!changed.ok) {
      const reasons = changed.errors.map((error) => error.message);
      await tellClicker(args, say("status-failed", { id: decision.id, reasons }));
      return;
    }
    if (body.channel !== undefined && body.message !== undefined)
      await client.chat.update({
        channel: body.channel.id,
        ts: body.message.ts,
        ...answerMessage(changed.value),
      });
    await publishHome(client, deps, decision.workspace, actor);
  });
}
