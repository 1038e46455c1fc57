import type { ActionsBlock, HomeView, KnownBlock, PlainTextOption } from "@slack/types";
import { OPTION_IDS, type OptionId } from "../../vocabulary/index.js";
import { DECISION_STATUSES } from "../../store/index.js";
import type { Decision, DecisionStats, DecisionStatus } from "../../store/index.js";
import { label, say } from "../words.js";
import { button, option, plain, section } from "./text.js";

export const HOME_ACTIONS = {
  newQuestionnaire: "home_new_questionnaire",
  filterStatus: "home_filter_status",
  filterOption: "home_filter_option",
} as const;

const ALL = "all";

export interface HomeFilter {
  status?: DecisionStatus;
  option?: OptionId;
}

/** The Home tab: a button to start, filters, the workspace's numbers and its recent decisions. */
export function homeView(
  decisions: Decision[],
  stats: DecisionStats,
  filter: HomeFilter,
  optionTitle: (option: OptionId) => string,
): HomeView {
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(label("homeHeader"), 150) },
    homeActions(filter, optionTitle),
    section(
      say("home-stats", {
        perOption: stats.perOption,
        acceptedMonthlyCostUsd: stats.acceptedMonthlyCostUsd,
      }),
    ),
    { type: "divider" },
    ...(decisions.length === 0
      ? [section(say("home-empty", { filtered: filter.status !== undefined || filter.option !== undefined }))]
      : decisions.map((decision) => section(say("history-line", historyLine(decision))))),
  ];
  return { type: "home", private_metadata: JSON.stringify(filter), blocks };
}

/** The words a history line needs about one decision (shared by Home and the history command). */
export function historyLine(decision: Decision) {
  return {
    id: decision.id,
    status: decision.status,
    title: decision.title,
    option: decision.option,
    service: decision.service,
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
      button(label("newQuestionnaire"), HOME_ACTIONS.newQuestionnaire, "new", "primary"),
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
