import type { Knowledge } from "../knowledge/index.js";
import type { DecisionStore } from "../store/index.js";

/** What the use cases work with: the knowledge the advice is drawn from and the team's decision history. */
export interface Services {
  store: DecisionStore;
  knowledge: Knowledge;
}
