import type { Decision } from "../../store/index.js";
import type { AnswerMessage } from "../blocks/answer.js";
import type { ButtonArgs } from "../context.js";
import { say } from "../words.js";

/**
 * A listener for a button on an answer (its value is the decision id): acks, looks the decision up in the
 * workspace of the request and hands it to `act`, or tells the person it is gone.
 */
export function onDecisionButton(act: (decision: Decision, args: ButtonArgs) => Promise<void>) {
  return async (args: ButtonArgs): Promise<void> => {
    await args.ack();
    const { context } = args;
    const id = args.body.actions[0]?.value ?? "";
    const decision = await context.services.store.getDecision(context.workspace, id);
    if (decision === undefined) await tellClicker(args, say("not-found", { id }));
    else await act(decision, args);
  };
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
