import type { App } from "@slack/bolt";
import { HOME_ACTIONS } from "../blocks/home.js";
import type { SlackDeps } from "../deps.js";
import { filterHome } from "./filter-home.js";
import { newQuestionnaire } from "./new-questionnaire.js";

export function registerHome(app: App, deps: SlackDeps): void {
  app.action(HOME_ACTIONS.newQuestionnaire, newQuestionnaire(deps));
  app.action(HOME_ACTIONS.filterStatus, filterHome(deps));
  app.action(HOME_ACTIONS.filterOption, filterHome(deps));
}
