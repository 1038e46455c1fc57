/** The use cases Slack and the command line share: record an advice, change a decision's status. */
export { recordAdvice } from "./record-advice.js";
export type { AdviceRequest, RecordedAdvice } from "./record-advice.js";
export { changeStatus } from "./change-status.js";
export type { NewStatus, StatusChanged } from "./change-status.js";
export type { Actor } from "./policy.js";
export type { Services } from "./services.js";
