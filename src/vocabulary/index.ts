/**
 * The words the knowledge files and the advice core share: option ids, clouds, requirement fields, fact names
 * and values, step placeholders, data versions. Imports nothing else from src, so both can depend on it.
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
} from "./requirements.js";
export type { Requirements, RequirementsInput } from "./requirements.js";
export { FACT_VALUES, isFactName } from "./facts.js";
export type { FactName, Facts } from "./facts.js";
export { STEP_PLACEHOLDERS } from "./step-placeholders.js";
export type { KnowledgeVersions } from "./versions.js";
export { readAmount } from "./amount.js";
