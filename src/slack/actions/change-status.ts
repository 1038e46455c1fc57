import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { answerMessage } from "../blocks/answer.js";
import type { SlackDeps } from "../deps.js";
import { decisionFromButton } from "./decision-from-button.js";
import { publishHome } from "../home/publish-home.js";
import { mayChangeStatus } from "../workspace-admin.js";
import { say } from "../words.js";

type ActionArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Accept or Reject: only the author or a workspace admin; the message is updated in place. */
export function changeDecisionStatus(deps: SlackDeps, status: "accepted" | "rejected") {
  return async ({ ack, body, client, respond }: ActionArgs): Promise<void> => {
    await ack();
    await deps.afterAcks();
    const workspace = body.team?.id ?? "";
    const actor = body.user.id;
    const decision = await decisionFromButton(deps, body, respond);
    if (decision === undefined) return;
    const { allowed, isAdmin: actorIsAdmin } = await mayChangeStatus(client, deps, decision, actor);
    if (!allowed) {
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        text: say("status-refused", { id: decision.id, author: decision.author, status }),
      });
      return;
    }
    const changed = deps.store.changeStatus(workspace, decision.id, { status, actor, actorIsAdmin });
    if (!changed.ok) {
      const reasons = changed.errors.map((error) => error.message);
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        text: say("status-failed", { id: decision.id, reasons }),
      });
      return;
    }
    if (body.channel !== undefined && body.message !== undefined)
      await client.chat.update({
        channel: body.channel.id,
        ts: body.message.ts,
        ...answerMessage(changed.value),
      });
    await publishHome(client, deps, workspace, actor);
  };
}
