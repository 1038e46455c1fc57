import type { ActionsBlock, KnownBlock, RawTextElement, TableBlock } from "@slack/types";
import type { Knowledge } from "../../knowledge/index.js";
import { formatUsd, renderSlackAnswer } from "../../render/index.js";
import type { Decision, StatusChange } from "../../store/index.js";
import { SLACK_LIMITS } from "../limits.js";
import { label, say } from "../words.js";
import { decisionButtonValue } from "./decision-ref.js";
import { button, confirmation, context, plain, section } from "./text.js";

export const ANSWER_ACTIONS = {
  accept: "decision_accept",
  reject: "decision_reject",
  rerun: "decision_rerun",
  exportAdr: "decision_export",
  showDetails: "decision_details",
} as const;

export interface AnswerMessage {
  text: string;
  blocks: KnownBlock[];
}

/**
 * A stored decision as a Slack message, its first screen readable on a phone: the title, the
 * recommendation with its monthly cost, the caveats that matter most, who decided what and when, the
 * buttons, and the options compared in a table. The rest is one click away ("Show details"). With
 * `buttons: "read-only"` (ephemeral copies) only the details and export are offered. `history` (the status
 * changes) says who accepted or rejected it and when.
 */
export function answerMessage(
  decision: Decision,
  knowledge: Knowledge,
  history: StatusChange[] = [],
  buttons: "all" | "read-only" = "all",
): AnswerMessage {
  const { headline, caveats } = renderSlackAnswer(decision.advice, decision.requirements, knowledge);
  const title = decision.title.trim();
  const blocks: KnownBlock[] = [
    // A header is plain text: a title with * or _ reads as typed, and cannot ping or link.
    ...(title === "" ? [] : [{ type: "header" as const, text: plain(title, SLACK_LIMITS.headerText) }]),
    section(headline, "answer_headline"),
    ...(caveats === null ? [] : [section(caveats, "answer_caveats")]),
    context(statusLine(decision, history)),
    answerActions(decision, buttons),
    comparisonTable(decision),
  ];
  return { text: answerSummary(decision), blocks };
}

/** The answer's details (why, the path, why not the others, what would change it, cost, next steps). */
export function detailMessages(decision: Decision, knowledge: Knowledge): AnswerMessage[] {
  const { details } = renderSlackAnswer(decision.advice, decision.requirements, knowledge);
  const text = answerSummary(decision);
  const messages: AnswerMessage[] = [];
  for (let start = 0; start < details.length; start += SLACK_LIMITS.messageBlocks)
    messages.push({
      text,
      blocks: details.slice(start, start + SLACK_LIMITS.messageBlocks).map((d) => section(d)),
    });
  return messages;
}

/** The message's top-level text: what notifications and screen readers read. */
export function answerSummary(decision: Decision): string {
  return say("answer-summary", {
    ...decision.advice,
    id: decision.id,
    status: decision.status,
    title: decision.title,
  });
}

function statusLine(decision: Decision, history: StatusChange[]): string {
  const change = [...history]
    .reverse()
    .find((entry) => entry.status === decision.status && entry.status !== "proposed");
  return say("decision-status", {
    id: decision.id,
    status: decision.status,
    author: decision.author,
    supersededBy: decision.supersededBy,
    supersedes: decision.supersedes,
    changedBy: change?.actor ?? null,
    changedAtEpoch: change === undefined ? 0 : Math.floor(Date.parse(change.at) / 1000),
    changedAt: change?.at.slice(0, 16).replace("T", " ") ?? "",
  });
}

function answerActions(decision: Decision, buttons: "all" | "read-only"): ActionsBlock {
  const id = decision.id;
  const value = decisionButtonValue(decision);
  const canDecide = buttons === "all" && decision.status === "proposed";
  const ask = (status: "accepted" | "rejected") =>
    confirmation(
      label(status === "accepted" ? "acceptTitle" : "rejectTitle"),
      say("confirm-status", { id, status, supersedes: decision.supersedes }),
      label(status === "accepted" ? "accept" : "reject"),
      label("keepProposed"),
      status === "accepted" ? "primary" : "danger",
    );
  return {
    type: "actions",
    block_id: "decision_actions",
    elements: [
      ...(canDecide
        ? [
            button(label("accept"), ANSWER_ACTIONS.accept, value, {
              style: "primary",
              confirm: ask("accepted"),
            }),
            button(label("reject"), ANSWER_ACTIONS.reject, value, {
              style: "danger",
              confirm: ask("rejected"),
            }),
          ]
        : []),
      button(label("showDetails"), ANSWER_ACTIONS.showDetails, value),
      ...(buttons === "all" ? [button(label("rerun"), ANSWER_ACTIONS.rerun, value)] : []),
      button(label("exportAdr"), ANSWER_ACTIONS.exportAdr, value),
    ],
  };
}

/** Option, whether it fits, monthly cost: the recommendation first, then the alternatives. */
function comparisonTable(decision: Decision): TableBlock {
  const { recommendation, alternatives } = decision.advice;
  const cell = (text: string): RawTextElement => ({ type: "raw_text", text: text === "" ? "-" : text });
  const rows = [
    [label("optionColumn"), label("fitsColumn"), label("costColumn")].map(cell),
    [recommendation.title, label("recommended"), formatUsd(recommendation.monthlyCostUsd)].map(cell),
    ...alternatives.map((alternative) =>
      [
        alternative.title,
        label(!alternative.appliesToTarget ? "notApplicable" : alternative.fits ? "fits" : "doesNotFit"),
        alternative.appliesToTarget ? formatUsd(alternative.monthlyCostUsd) : "-",
      ].map(cell),
    ),
  ];
  return {
    type: "table",
    block_id: "answer_options",
    column_settings: [{ is_wrapped: true }, { align: "left" }, { align: "right" }],
    rows: rows.slice(0, SLACK_LIMITS.tableRows),
  };
}
