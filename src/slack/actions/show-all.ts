import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { fullAnswerMessages } from "../blocks/answer.js";
import type { SlackDeps } from "../deps.js";
import { decisionFromButton } from "./decision-from-button.js";

type ActionArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Show all: a long answer in full, in the thread of the shortened one. */
export function showAllAnswer(deps: SlackDeps) {
  return async ({ ack, body, client, respond }: ActionArgs): Promise<void> => {
    await ack();
    await deps.afterAcks();
    const decision = await decisionFromButton(deps, body, respond);
    if (decision === undefined) return;
    const channel = body.channel?.id;
    const thread = body.message?.ts;
    for (const message of fullAnswerMessages(decision)) {
      if (channel === undefined || thread === undefined)
        await respond({ response_type: "ephemeral", replace_original: false, ...message });
      else await client.chat.postMessage({ channel, thread_ts: thread, ...message });
    }
  };
}
