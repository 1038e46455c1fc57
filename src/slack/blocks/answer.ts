import type { ActionsBlock, KnownBlock } from "@slack/types";
import { renderAdviceSections } from "../../render/index.js";
import type { Decision } from "../../store/index.js";
import { label, say } from "../words.js";
import { LIMITS, button, context, section } from "./text.js";

export const ANSWER_ACTIONS = {
  accept: "decision_accept",
  reject: "decision_reject",
  rerun: "decision_rerun",
  exportAdr: "decision_export",
  showAll: "decision_show_all",
} as const;

export interface AnswerMessage {
  text: string;
  blocks: KnownBlock[];
}

/** How many blocks an answer may use, leaving room for a notice a fallback delivery puts in front. */
const ANSWER_BLOCK_BUDGET = LIMITS.messageBlocks - 2;

/**
 * A stored decision as a Slack message: the rendered advice sections, who asked and its status, and the
 * buttons. With `buttons: "read-only"` (ephemeral copies) only the export button is offered.
 */
export function answerMessage(decision: Decision, buttons: "all" | "read-only" = "all"): AnswerMessage {
  const { fallbackText, sections } = renderAdviceSections(decision.advice, decision.requirements);
  const room = ANSWER_BLOCK_BUDGET - 2;
  const shown = sections.length > room ? sections.slice(0, room - 1) : sections;
  const truncated = shown.length < sections.length;
  const blocks: KnownBlock[] = shown.map((text) => section(text));
  if (truncated)
    blocks.push(context(say("answer-truncated", { shown: shown.length, total: sections.length })));
  blocks.push(
    context(
      say("decision-status", {
        id: decision.id,
        status: decision.status,
        author: decision.author,
        supersededBy: decision.supersededBy,
        supersedes: decision.supersedes,
      }),
    ),
  );
  blocks.push(answerActions(decision, buttons, truncated));
  return { text: `${decision.id}: ${fallbackText}`, blocks };
}

/** Every section of the answer, in messages that each fit the block limit ("show all"). */
export function fullAnswerMessages(decision: Decision): AnswerMessage[] {
  const { fallbackText, sections } = renderAdviceSections(decision.advice, decision.requirements);
  const messages: AnswerMessage[] = [];
  for (let start = 0; start < sections.length; start += ANSWER_BLOCK_BUDGET) {
    const blocks = sections.slice(start, start + ANSWER_BLOCK_BUDGET).map((text) => section(text));
    messages.push({ text: `${decision.id}: ${fallbackText}`, blocks });
  }
  return messages;
}

function answerActions(decision: Decision, buttons: "all" | "read-only", truncated: boolean): ActionsBlock {
  const id = decision.id;
  const canDecide = buttons === "all" && decision.status === "proposed";
  return {
    type: "actions",
    block_id: "decision_actions",
    elements: [
      ...(canDecide
        ? [
            button(label("accept"), ANSWER_ACTIONS.accept, id, "primary"),
            button(label("reject"), ANSWER_ACTIONS.reject, id, "danger"),
          ]
        : []),
      ...(buttons === "all" ? [button(label("rerun"), ANSWER_ACTIONS.rerun, id)] : []),
      button(label("exportAdr"), ANSWER_ACTIONS.exportAdr, id),
      ...(truncated ? [button(label("showAll"), ANSWER_ACTIONS.showAll, id)] : []),
    ],
  };
}
