import type { ModalView } from "@slack/types";
import { plain, section } from "../blocks/text.js";
import { SLACK_LIMITS } from "../limits.js";
import { label, say } from "../words.js";

/** Shown instead of a step whose private_metadata this app cannot read back: nothing is stored. */
export function invalidFormView(): ModalView {
  return {
    type: "modal",
    callback_id: "questionnaire_invalid",
    title: plain(label("modalTitle"), SLACK_LIMITS.viewTitle),
    close: plain(label("close"), SLACK_LIMITS.viewTitle),
    blocks: [section(say("invalid-form"))],
  };
}
