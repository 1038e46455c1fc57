import type { Decision } from "../../store/index.js";
import type { AnswerMessage } from "../blocks/answer.js";
import { parseDecisionButtonValue } from "../blocks/decision-ref.js";
import type { ButtonArgs } from "../context.js";
import { say } from "../words.js";

/**
 * A listener for a button on an answer: acks, finds the decision the button was posted for (its value names
 * the decision's workspace and id), and hands it to `act` only when the click is from a person of that
 * workspace and the message is the one the decision was posted as. In a shared (Slack Connect) channel a
 * person of another workspace changes nothing and is told why.
 */
export function onDecisionButton(act: (decision: Decision, args: ButtonArgs) => Promise<void>) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { body, context } = args;
    const ref = parseDecisionButtonValue(body.actions[0]?.value ?? "", context.workspace);
    const decision = ref && (await context.services.store.getDecision(ref.workspace, ref.id));
    if (!decision) {
      await tellClicker(args, say("not-found", { id: ref?.id ?? "" }));
      return;
    }
    const clicker = clickerWorkspaces(args);
    if (!clicker.includes(decision.workspace)) {
      args.logger.warn(
        `Refused a click on ${decision.workspace}/${decision.id} by ${body.user.id} of ${clicker.join(" or ")}`,
      );
      await tellClicker(args, say("other-workspace", { id: decision.id }));
      return;
    }
    if (!postedAs(decision, args)) {
      await tellClicker(args, say("not-this-message", { id: decision.id }));
      return;
    }
    await act(decision, args);
  };
}

// The workspace keys the clicker belongs to: their own team (Slack names it on the user, whichever team the
// payload is sent for in a shared channel), and on an org-wide install the enterprise Bolt resolved.
function clickerWorkspaces({ body, context }: ButtonArgs): string[] {
  const team = body.user.team_id || context.teamId || undefined;
  return [team ?? context.workspace, ...(context.enterpriseId ? [context.enterpriseId] : [])];
}

// The click came from the decision's own message, when both it and the stored message are known (an
// ephemeral copy, or an answer whose post was never recorded, has no stored message to compare with).
function postedAs(decision: Decision, { body }: ButtonArgs): boolean {
  const channel = body.channel?.id;
  const ts = body.message?.ts;
  if (channel === undefined || ts === undefined || body.container?.is_ephemeral === true) return true;
  if (decision.messageChannel === null || decision.messageTs === null) return true;
  return decision.messageChannel === channel && decision.messageTs === ts;
}

/** An ephemeral note to the person who clicked, leaving the message they clicked on as it is. */
export async function tellClicker({ respond }: ButtonArgs, text: string): Promise<void> {
  await respond({ response_type: "ephemeral", replace_original: false, text });
}

/** Posts messages in the thread of the answer clicked on, or privately to the clicker when there is none. */
export async function replyInThread(
  { body, client, respond }: ButtonArgs,
  messages: AnswerMessage[],
): Promise<void> {
  const channel = body.channel?.id;
  const thread = body.message?.ts;
  for (const message of messages) {
    if (channel === undefined || thread === undefined)
      await respond({ response_type: "ephemeral", replace_original: false, ...message });
    else await client.chat.postMessage({ channel, thread_ts: thread, ...message });
  }
}
