import type { RespondArguments } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import { z } from "zod";
import { OPTION_IDS } from "../../vocabulary/index.js";
import { DECISION_STATUSES } from "../../store/index.js";
import { historyLine } from "../blocks/home.js";
import { button, section } from "../blocks/text.js";
import type { SlackDeps } from "../deps.js";
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
export async function showHistory(
  deps: SlackDeps,
  workspace: string,
  args: string,
): Promise<RespondArguments> {
  const parsed = parseHistoryArgs(args);
  if ("error" in parsed) return { response_type: "ephemeral", text: parsed.error };
  return historyPage(deps, workspace, parsed);
}

export async function historyPage(
  deps: SlackDeps,
  workspace: string,
  query: HistoryQuery,
): Promise<RespondArguments> {
  const page = await deps.store.listDecisions(workspace, { ...query, limit: PAGE_SIZE });
  if (!page.ok) return { response_type: "ephemeral", text: say("history-bad-page") };
  const { items, nextCursor } = page.value;
  const blocks: KnownBlock[] = [
    section(say("history-header", headerWords(query, items.length))),
    ...items.map((decision) => section(say("history-line", historyLine(decision)))),
  ];
  if (nextCursor !== null) {
    const next: HistoryQuery = { ...query, cursor: nextCursor };
    blocks.push({
      type: "actions",
      block_id: "history_actions",
      elements: [button(label("nextPage"), HISTORY_NEXT_ACTION, JSON.stringify(next))],
    });
  }
  return {
    response_type: "ephemeral",
    text: say("history-header", headerWords(query, items.length)),
    blocks,
  };
}

function parseHistoryArgs(args: string): HistoryQuery | { error: string } {
  const words: string[] = [];
  const query: HistoryQuery = {};
  for (const token of args.split(/\s+/).filter(Boolean)) {
    const [key, value = ""] = token.split(/:(.*)/s);
    if (key === "status") {
      if (!(DECISION_STATUSES as readonly string[]).includes(value))
        return { error: say("history-bad-filter", { key, value, allowed: DECISION_STATUSES }) };
      query.status = value as (typeof DECISION_STATUSES)[number];
    } else if (key === "option") {
      if (!(OPTION_IDS as readonly string[]).includes(value))
        return { error: say("history-bad-filter", { key, value, allowed: OPTION_IDS }) };
      query.option = value as (typeof OPTION_IDS)[number];
    } else words.push(token);
  }
  if (words.length > 0) query.text = words.join(" ").slice(0, 500);
  return query;
}

function headerWords(query: HistoryQuery, count: number) {
  const { text = null, status = null, option = null } = query;
  return { text, status, option, count, first: query.cursor === undefined };
}
