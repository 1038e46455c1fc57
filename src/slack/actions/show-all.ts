import { fullAnswerMessages } from "../blocks/answer.js";
import type { SlackDeps } from "../deps.js";
import { onDecisionButton, replyInThread } from "./decision-button.js";

/** Show all: a long answer in full, in the thread of the shortened one. */
export function showAllAnswer(deps: SlackDeps) {
  return onDecisionButton(deps, (decision, args) => replyInThread(args, fullAnswerMessages(decision)));
}
