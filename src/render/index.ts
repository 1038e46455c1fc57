export { renderAdvice, splitSection } from "./advice.js";
export type { AdviceFormat } from "./advice.js";
export { renderSlackAnswer } from "./slack-answer.js";
export type { SlackAnswer } from "./slack-answer.js";
export { formatUsd, renderTemplate } from "./environment.js";
export { escapeMrkdwn, escapeMarkdown, sanitizeTerminal, escapeCsvField, TARGETS } from "./escape.js";
export type { Target } from "./escape.js";
export {
  renderDecision,
  renderDecisionList,
  renderRecheck,
  exportDecisions,
  decisionNames,
  type NamingKnowledge,
} from "./decision.js";
export type { DecisionFormat, DecisionListFormat, DecisionExportFormat } from "./decision.js";
export { treeToMermaid, treeToOutline } from "./tree-diagram.js";
export { explainFieldErrors, closeMatches } from "./did-you-mean.js";
