import type { Logger } from "@slack/bolt";
import type { DecisionStore } from "../store/index.js";
import type { Knowledge } from "../knowledge/index.js";

/** What the listeners need besides the Slack payload: the knowledge, the decision store, a logger. */
export interface SlackServices {
  store: DecisionStore;
  knowledge: Knowledge;
}

export interface SlackDeps extends SlackServices {
  logger: Logger;
  /** Resolves when the requests received so far are acked: follow-up work awaits it after its own ack. */
  afterAcks(): Promise<void>;
}
