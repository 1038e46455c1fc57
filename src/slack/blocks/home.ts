import type { ActionsBlock, HomeView, KnownBlock, PlainTextOption } from "@slack/types";
import { z } from "zod";
import { OPTION_IDS } from "../../vocabulary/index.js";
import type { OptionId } from "../../vocabulary/index.js";
import type { Knowledge } from "../../knowledge/index.js";
import { DECISION_STATUSES } from "../../store/index.js";
import type { Decision, DecisionStats } from "../../store/index.js";
import { decisionNames } from "../../render/index.js";
import { SLACK_LIMITS } from "../limits.js";
import { label, say } from "../words.js";
import { button, option, plain, section } from "./text.js";

export const HOME_ACTIONS = {
  newQuestionnaire: "home_new_questionnaire",
  filterStatus: "home_filter_status",
  filterOption: "home_filter_option",
} as const;

const ALL = "all";

/** The Home tab's filters, kept in its private_metadata. */
export const HomeFilterSchema = z.strictObject({
  status: z.enum(DECISION_STATUSES).optional(),
  option: z.enum(OPTION_IDS).optional(),
});
export type HomeFilter = z.infer<typeof HomeFilterSchema>;

/** The Home tab: a button to start, filters, the workspace's numbers and its recent decisions. */
export function homeView(
  decisions: Decision[],
  stats: DecisionStats,
  filter: HomeFilter,
  knowledge: Knowledge,
  optionTitle: (option: OptionId) => string,
): HomeView {
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(label("homeHeader"), SLACK_LIMITS.headerText) },
    homeActions(filter, optionTitle),
    section(
      say("home-stats", {
        perOption: stats.perOption.map(({ option, count }) => ({ option: optionTitle(option), count })),
        acceptedMonthlyCostUsd: stats.acceptedMonthlyCostUsd,
      }),
    ),
    { type: "divider" },
    ...(decisions.length === 0
      ? [section(say("home-empty", { filtered: filter.status !== undefined || filter.option !== undefined }))]
      : decisions.map((decision) => section(say("history-line", historyLine(decision, knowledge))))),
  ];
  return { type: "home", private_metadata: JSON.stringify(filter), blocks };
}

/** The words a history line needs about one decision (shared by Home and the history command): names, not ids. */
export function historyLine(decision: Decision, knowledge: Knowledge) {
  return {
    id: decision.id,
    status: decision.status,
    title: decision.title,
    ...decisionNames(decision, knowledge),
    createdAt: decision.createdAt.slice(0, 10),
    author: decision.author,
  };
}

function homeActions(filter: HomeFilter, optionTitle: (option: OptionId) => string): ActionsBlock {
  const statusOptions = [
    option(label("allStatuses"), ALL),
    ...DECISION_STATUSES.map((status) => option(status, status)),
  ];
  const optionOptions = [
    option(label("allOptions"), ALL),
    ...OPTION_IDS.map((id) => option(optionTitle(id), id)),
  ];
  return {
    type: "actions",
    block_id: "home_actions",
    elements: [
      button(label("newQuestionnaire"), HOME_ACTIONS.newQuestionnaire, "new", { style: "primary" }),
      {
        type: "static_select",
        action_id: HOME_ACTIONS.filterStatus,
        placeholder: plain(label("filterStatus")),
        options: statusOptions,
        initial_option: pick(statusOptions, filter.status),
      },
      {
        type: "static_select",
        action_id: HOME_ACTIONS.filterOption,
        placeholder: plain(label("filterOption")),
        options: optionOptions,
        initial_option: pick(optionOptions, filter.option),
      },
    ],
  };
}

function pick(options: PlainTextOption[], value: string | undefined): PlainTextOption | undefined {
  return options.find((candidate) => candidate.value === (value ?? ALL));
}
