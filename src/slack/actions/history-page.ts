import { HistoryQuerySchema, historyPage } from "../commands/history.js";
import type { ButtonArgs } from "../context.js";
import { parseJsonWith } from "../parse-json.js";
import { say } from "../words.js";

/** "Next page" under a history listing: the query and cursor ride in the button's value. */
export async function nextHistoryPage({ ack, action, context, respond }: ButtonArgs): Promise<void> {
  await ack();
  const query = parseJsonWith(HistoryQuerySchema, action.value ?? "");
  if (query === null) {
    await respond({ response_type: "ephemeral", replace_original: false, text: say("history-bad-page") });
    return;
  }
  await respond({ replace_original: true, ...(await historyPage(context, query)) });
}
