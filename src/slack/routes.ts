import type { App } from "@slack/bolt";
import { changeDecisionStatus } from "./actions/change-status.js";
import { exportAdr } from "./actions/export-adr.js";
import { nextHistoryPage } from "./actions/history-page.js";
import { refreshQuestionnaire } from "./actions/refresh-questionnaire.js";
import { rerunDecision } from "./actions/rerun.js";
import { showDetails } from "./actions/show-details.js";
import { STEPS } from "../advice/questionnaire.js";
import { ANSWER_ACTIONS } from "./blocks/answer.js";
import { HOME_ACTIONS } from "./blocks/home.js";
import { QUESTIONNAIRE_CALLBACKS } from "./blocks/questionnaire.js";
import { HISTORY_NEXT_ACTION } from "./commands/history.js";
import { endpointAdvice } from "./commands/endpoint-advice.js";
import type { AppContext } from "./context.js";
import { appHomeOpened } from "./events/app-home-opened.js";
import { appUninstalled } from "./events/app-uninstalled.js";
import { tokensRevoked } from "./events/tokens-revoked.js";
import { filterHome } from "./home/filter-home.js";
import { newQuestionnaire } from "./home/new-questionnaire.js";
import { adviceFromMessage } from "./shortcuts/advice-from-message.js";
import { newAdvice } from "./shortcuts/new-advice.js";
import { questionnaireClosed } from "./views/questionnaire-closed.js";
import { submitStepOne } from "./views/submit-step-one.js";
import { submitStepTwo } from "./views/submit-step-two.js";

/** What routes are registered on: the Bolt app, or anything that records the registrations (the manifest test). */
export type Router = Pick<App<AppContext>, "command" | "action" | "view" | "shortcut" | "event">;

/** How the app is installed: by one workspace's bot token, or by OAuth in many (manifest.oauth.yml). */
export type InstalledBy = "token" | "oauth";

/**
 * The one table of every command, action, view, shortcut and event this app answers. Entries needed only
 * when the app is installed by OAuth are registered only then, so a single workspace listens for no more
 * than manifest.yml subscribes to.
 */
export function registerRoutes(router: Router, installedBy: InstalledBy): void {
  router.command("/endpoint-advice", endpointAdvice);

  // The answers that shape their step dispatch an action (blocks/questionnaire.ts): one listener for each
  // step's whole view, so every action in it is acked.
  for (const step of STEPS)
    router.action(
      { type: "block_actions", callback_id: QUESTIONNAIRE_CALLBACKS[step] },
      refreshQuestionnaire,
    );
  router.view(QUESTIONNAIRE_CALLBACKS[1], submitStepOne);
  router.view(QUESTIONNAIRE_CALLBACKS[2], submitStepTwo);
  router.view({ callback_id: QUESTIONNAIRE_CALLBACKS[1], type: "view_closed" }, questionnaireClosed);

  router.action(ANSWER_ACTIONS.accept, changeDecisionStatus("accepted"));
  router.action(ANSWER_ACTIONS.reject, changeDecisionStatus("rejected"));
  router.action(ANSWER_ACTIONS.showDetails, showDetails);
  router.action(ANSWER_ACTIONS.rerun, rerunDecision);
  router.action(ANSWER_ACTIONS.exportAdr, exportAdr);
  router.action(HISTORY_NEXT_ACTION, nextHistoryPage);

  router.action(HOME_ACTIONS.newQuestionnaire, newQuestionnaire);
  router.action(HOME_ACTIONS.filterStatus, filterHome);
  router.action(HOME_ACTIONS.filterOption, filterHome);

  router.shortcut({ type: "shortcut", callback_id: "endpoint_advice_new" }, newAdvice);
  router.shortcut({ type: "message_action", callback_id: "endpoint_advice_from_message" }, adviceFromMessage);

  router.event("app_home_opened", appHomeOpened);
  if (installedBy === "oauth") {
    // An installation's end: its tokens are deleted, its decisions after the retention (oauth/uninstall.ts).
    router.event("app_uninstalled", appUninstalled);
    router.event("tokens_revoked", tokensRevoked);
  }
}
