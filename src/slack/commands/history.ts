import type { RespondArguments } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import { z } from "zod";
import { OPTION_IDS } from "../../vocabulary/index.js";
import { DECISION_STATUSES } from "../../store/index.js";
import { historyLine } from "../blocks/home.js";
import { button, section } from "../blocks/text.js";
import type { AppContext } from "../context.js";
import { label, say } from "../words.js";

export const HISTORY_NEXT_ACTION = "history_next_page";
const PAGE_SIZE = 10;

/** A history search, as typed after `history` and as carried in the "Next page" button. */
export const HistoryQuerySchema = z.strictObject({
  text: z.string().max(500).optional(),
  status: z.enum(DECISION_STATUSES).optional(),
  option: z.enum(OPTION_IDS).optional(),
  cursor: z.string().max(500).optional(),
});
export type HistoryQuery = z.infer<typeof HistoryQuerySchema>;

/** `/endpoint-advice history [words] [status:S] [option:O]`: an ephemeral page of decisions, newest first. */
export async function showHistory(context: AppContext, args: string): Promise<RespondArguments> {
  const parsed = parseHistoryArgs(args);
  if ("error" in parsed) return { response_type: "ephemeral", text: parsed.error };
  return historyPage(context, parsed);
}

export async function historyPage(
  { services, workspace }: AppContext,
  query: HistoryQuery,
): Promise<RespondArguments> {
  const page = await services.store.listDecisions(workspace, { ...query, limit: PAGE_SIZE });
  // The store refuses a cursor it did not write (tampered, or from another workspace).
  if (!page.ok) return { response_type: "ephemeral", text: say("history-bad-page") };
  const { items, nextCursor } = page.value;
  const header = say("history-header", headerWords(query, items.length));
  const blocks: KnownBlock[] = [
    section(header),
    ...items.map((decision) => section(say("history-line", historyLine(decision, services.knowledge)))),
  ];
  if (nextCursor !== null) {
    const next: HistoryQuery = { ...query, cursor: nextCursor };
    blocks.push({
      type: "actions",
      block_id: "history_actions",
      elements: [button(label("nextPage"), HISTORY_NEXT_ACTION, JSON.stringify(next))],
    });
  }
  return { response_type: "ephemeral", text: header, blocks };
}

function parseHistoryArgs(args: string): HistoryQuery | { error: string } {
  const words: string[] = [];
  const query: HistoryQuery = {};
  for (const token of args.split(/\s+/).filter(Boolean)) {
    const [key, value = ""] = token.split(/:(.*)/s);
    if (key === "status") {
      const status = z.enum(DECISION_STATUSES).safeParse(value);
      if (!status.success)
        return { error: say("history-bad-filter", { key, value, allowed: DECISION_STATUSES }) };
      query.status = status.data;
    } else if (key === "option") {
      const option = z.enum(OPTION_IDS).safeParse(value);
      if (!option.success) return { error: say("history-bad-filter", { key, value, allowed: OPTION_IDS }) };
      query.option = option.data;
    } else words.push(token);
  }
  if (words.length > 0) query.text = words.join(" ").slice(0, 500);
  return query;
}

function headerWords(query: HistoryQuery, count: number) {
  const { text = null, status = null, option = null } = query;
  return { text, status, option, count, first: query.cursor === undefined };
}
