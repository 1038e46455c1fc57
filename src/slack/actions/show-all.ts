import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { fullAnswerMessages } from "../blocks/answer.js";
import type { SlackDeps } from "../deps.js";
import { say } from "../words.js";

type ActionArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Show all: a long answer in full, in the thread of the shortened one. */
export function showAllAnswer(deps: SlackDeps) {
  return async ({ ack, body, action, client, respond }: ActionArgs): Promise<void> => {
    await ack();
    const decision = deps.store.getDecision(body.team?.id ?? "", action.value ?? "");
    if (decision === undefined) {
      await respond({
        response_type: "ephemeral",
        replace_original: false,
        text: say("not-found", { id: action.value }),
      });
      return;
    }
    const channel = body.channel?.id;
    const thread = body.message?.ts;
    for (const message of fullAnswerMessages(decision)) {
      if (channel === undefined || thread === undefined)
        await respond({ response_type: "ephemeral", replace_original: false, ...message });
      else await client.chat.postMessage({ channel, thread_ts: thread, ...message });
    }
  };
}
