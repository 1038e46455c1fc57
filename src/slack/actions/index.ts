import type { App } from "@slack/bolt";
import { ANSWER_ACTIONS } from "../blocks/answer.js";
import { QUESTIONNAIRE_CALLBACKS } from "../blocks/questionnaire.js";
import { HISTORY_NEXT_ACTION } from "../commands/history.js";
import type { SlackDeps } from "../deps.js";
import { changeDecisionStatus } from "./change-status.js";
import { exportAdr } from "./export-adr.js";
import { nextHistoryPage } from "./history-page.js";
import { refreshQuestionnaire } from "./refresh-questionnaire.js";
import { rerunDecision } from "./rerun.js";
import { showAllAnswer } from "./show-all.js";

export function registerActions(app: App, deps: SlackDeps): void {
  // Every step-1 choice dispatches an action (blocks/questionnaire.ts): one listener for the whole view.
  app.action({ type: "block_actions", callback_id: QUESTIONNAIRE_CALLBACKS[1] }, refreshQuestionnaire(deps));
  app.action(ANSWER_ACTIONS.accept, changeDecisionStatus(deps, "accepted"));
  app.action(ANSWER_ACTIONS.reject, changeDecisionStatus(deps, "rejected"));
  app.action(ANSWER_ACTIONS.rerun, rerunDecision(deps));
  app.action(ANSWER_ACTIONS.exportAdr, exportAdr(deps));
  app.action(ANSWER_ACTIONS.showAll, showAllAnswer(deps));
  app.action(HISTORY_NEXT_ACTION, nextHistoryPage(deps));
}
