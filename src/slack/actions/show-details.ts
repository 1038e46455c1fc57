import { detailMessages } from "../blocks/answer.js";
import { onDecisionButton, replyInThread } from "./decision-button.js";

/** Show details: why, the path taken, why not the others, what would change it, cost and sources, in the thread. */
export const showDetails = onDecisionButton((decision, args) =>
  replyInThread(args, detailMessages(decision, args.context.services.knowledge)),
);
