import type { App } from "@slack/bolt";
import { QUESTIONNAIRE_CALLBACKS } from "../blocks/questionnaire.js";
import type { SlackDeps } from "../deps.js";
import { questionnaireClosed } from "./questionnaire-closed.js";
import { submitStepOne } from "./submit-step-one.js";
import { submitStepTwo } from "./submit-step-two.js";

export function registerViews(app: App, deps: SlackDeps): void {
  app.view(QUESTIONNAIRE_CALLBACKS[1], submitStepOne(deps));
  app.view(QUESTIONNAIRE_CALLBACKS[2], submitStepTwo(deps));
  app.view({ callback_id: QUESTIONNAIRE_CALLBACKS[1], type: "view_closed" }, questionnaireClosed(deps));
}
