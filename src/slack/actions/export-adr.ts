import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { codeBlocks } from "../blocks/code.js";
import type { SlackDeps } from "../deps.js";
import { decisionFromButton } from "./decision-from-button.js";
import { renderDecision } from "../../render/index.js";
import { say } from "../words.js";

type ActionArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Export ADR: the decision record as Markdown, posted in the answer's thread in code blocks. */
export function exportAdr(deps: SlackDeps) {
  return async ({ ack, body, client, respond }: ActionArgs): Promise<void> => {
    await ack();
    await deps.afterAcks();
    const decision = await decisionFromButton(deps, body, respond);
    if (decision === undefined) return;
    const text = say("adr-export", { id: decision.id });
    const messages = codeBlocks(
      renderDecision(decision, deps.store.history(decision.workspace, decision.id), "markdown"),
    );
    const channel = body.channel?.id;
    const thread = body.message?.ts;
    if (channel === undefined || thread === undefined) {
      for (const blocks of messages)
        await respond({ response_type: "ephemeral", replace_original: false, text, blocks });
      return;
    }
    for (const blocks of messages)
      await client.chat.postMessage({ channel, thread_ts: thread, text, blocks });
  };
}
