/**
 * The words the knowledge files and the advice core share: option ids, clouds, requirement fields, fact names
 * and values, step placeholders, data versions, and the Result every layer reports failure with. Imports
 * nothing else from src, so every layer can depend on it.
 */
export { CLOUDS, OPTION_IDS } from "./options.js";
export type { Cloud, OptionId } from "./options.js";
export {
  APP_TRAFFIC_DIRECTIONS,
  DNS_SETUPS,
  PROTOCOLS,
  RequirementsSchema,
  SERVICE_TIERS,
  TARGETS,
  requirementFieldSchema,
} from "./requirements.js";
export type { Requirements, RequirementsInput } from "./requirements.js";
export { FACT_VALUES, isFactName } from "./facts.js";
export type { FactName, Facts } from "./facts.js";
export { STEP_PLACEHOLDERS } from "./step-placeholders.js";
export type { KnowledgeVersions } from "./versions.js";
export { readAmount } from "./amount.js";
export { failure, failureText } from "./result.js";
export type { FieldError, Result } from "./result.js";
