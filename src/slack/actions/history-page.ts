import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { HistoryQuerySchema, historyPage } from "../commands/history.js";
import type { SlackDeps } from "../deps.js";
import { parseJsonWith } from "../parse-json.js";
import { say } from "../words.js";

type ActionArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** "Next page" under a history listing: the query and cursor ride in the button's value. */
export function nextHistoryPage(deps: SlackDeps) {
  return async ({ ack, body, action, respond }: ActionArgs): Promise<void> => {
    await ack();
    await deps.afterAcks();
    const query = parseJsonWith(HistoryQuerySchema, action.value ?? "");
    if (query === null) {
      await respond({ response_type: "ephemeral", replace_original: false, text: say("history-bad-page") });
      return;
    }
    await respond({ replace_original: true, ...(await historyPage(deps, body.team?.id ?? "", query)) });
  };
}
