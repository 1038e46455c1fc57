import type { App } from "@slack/bolt";
import { ANSWER_ACTIONS } from "../blocks/answer.js";
import { HISTORY_NEXT_ACTION } from "../commands/history.js";
import type { SlackDeps } from "../deps.js";
import { changeDecisionStatus } from "./change-status.js";
import { exportAdr } from "./export-adr.js";
import { nextHistoryPage } from "./history-page.js";
import { refreshQuestionnaire } from "./refresh-questionnaire.js";
import { rerunDecision } from "./rerun.js";
import { showAllAnswer } from "./show-all.js";

export function registerActions(app: App, deps: SlackDeps): void {
  app.action({ type: "block_actions", action_id: /^(cloud|target)$/ }, refreshQuestionnaire(deps));
  app.action(ANSWER_ACTIONS.accept, changeDecisionStatus(deps, "accepted"));
  app.action(ANSWER_ACTIONS.reject, changeDecisionStatus(deps, "rejected"));
  app.action(ANSWER_ACTIONS.rerun, rerunDecision(deps));
  app.action(ANSWER_ACTIONS.exportAdr, exportAdr(deps));
  app.action(ANSWER_ACTIONS.showAll, showAllAnswer(deps));
  app.action(HISTORY_NEXT_ACTION, nextHistoryPage(deps));
}
