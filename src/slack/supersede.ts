import type { webApi } from "@slack/bolt";
import type { Decision } from "../store/index.js";
import { answerMessage } from "./blocks/answer.js";
import type { SlackDeps } from "./deps.js";

/**
 * Marks `previous` superseded by `next` (the store links both) and updates the previous answer's message in
 * place. Returns `next` as now stored (naming what it supersedes), or unchanged when the store refused.
 */
export async function supersede(
  client: webApi.WebClient,
  deps: SlackDeps,
  previous: Decision,
  next: Decision,
  actor: { user: string; isAdmin: boolean },
): Promise<Decision> {
  const changed = await deps.store.changeStatus(previous.workspace, previous.id, {
    status: "superseded",
    actor: actor.user,
    actorIsAdmin: actor.isAdmin,
    supersededBy: next.id,
  });
  if (!changed.ok) {
    deps.logger.warn(`${previous.id} not superseded by ${next.id}`, changed.errors);
    return next;
  }
  const { messageChannel, messageTs } = changed.value;
  if (messageChannel !== null && messageTs !== null) {
    try {
      await client.chat.update({ channel: messageChannel, ts: messageTs, ...answerMessage(changed.value) });
    } catch (error) {
      deps.logger.warn(`Updating the message of ${previous.id} failed`, error);
    }
  }
  return (await deps.store.getDecision(next.workspace, next.id)) ?? next;
}
