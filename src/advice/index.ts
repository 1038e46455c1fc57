/** The advice core's public entry points: requirements in, advice out. No Slack, no SQL. */
export { advise } from "./advise.js";
export { parseRequirements } from "./parse.js";
export type { FieldError, Result } from "../vocabulary/index.js";
export type { Advice } from "./advice.js";
export type { Requirements, RequirementsInput } from "../vocabulary/index.js";
