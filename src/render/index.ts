export { renderAdvice, renderAdviceSections, splitSection, SLACK_SECTION_LIMIT } from "./advice.js";
export type { AdviceFormat, SlackAdvice } from "./advice.js";
export { renderTemplate } from "./environment.js";
export { escapeMrkdwn, escapeMarkdown, sanitizeTerminal, escapeCsvField, TARGETS } from "./escape.js";
export type { Target } from "./escape.js";
export { renderDecision, renderDecisionList, renderRecheck, exportDecisions } from "./decision.js";
export type { DecisionFormat, DecisionListFormat, DecisionExportFormat } from "./decision.js";
export { treeToMermaid, treeToOutline } from "./tree-diagram.js";
export { explainFieldErrors, closeMatches } from "./did-you-mean.js";
