import type { Knowledge } from "../knowledge/index.js";
import type {
  QuestionData,
  QuestionKind,
  RequirementField,
  Step,
} from "../knowledge/questionnaire-schema.js";
import type { Cloud } from "./options.js";
import { RequirementsSchema, type RequirementsInput } from "./requirements.js";

export { STEPS } from "../knowledge/questionnaire-schema.js";

/** One question as a surface asks it: choices resolved (services of the chosen cloud), default filled in. */
export interface Question {
  field: RequirementField;
  step: Step;
  kind: QuestionKind;
  label: string;
  hint: string;
  optional: boolean;
  choices: Choice[];
  /** The value Requirements takes when the question is not answered (null: none). */
  default: unknown;
}

export interface Choice {
  value: string;
  label: string;
}

/** What questionsFor needs of the knowledge: the questionnaire and the catalog's services per cloud. */
export type QuestionnaireKnowledge = Pick<Knowledge, "questionnaire" | "servicesFor">;

export type Answers = Partial<RequirementsInput>;

/**
 * The questions of one step that matter given the answers so far, in order. A condition on a field that
 * has no answer and no default counts as met: the question might matter, so a form shows it.
 */
export function questionsFor(step: Step, answers: Answers, knowledge: QuestionnaireKnowledge): Question[] {
  const known: Record<string, unknown> = { ...DEFAULTS, ...answers };
  return knowledge.questionnaire.questions
    .filter((q) => q.step === step && conditionsMet(q.askWhen, known))
    .map((q) => ({
      field: q.field,
      step: q.step,
      kind: q.kind,
      label: q.label,
      hint: q.hint,
      optional: q.optional,
      choices: q.choicesFrom === "catalog" ? serviceChoices(known.cloud, knowledge) : q.choices,
      default: DEFAULTS[q.field] ?? null,
    }));
}

/** The Requirements defaults (DESIGN §2), taken from the schema itself; target has none. */
const DEFAULTS: Partial<Record<RequirementField, unknown>> = withoutTarget(
  RequirementsSchema.parse({ target: "virtual-network" }),
);

function conditionsMet(askWhen: QuestionData["askWhen"], known: Record<string, unknown>): boolean {
  return Object.entries(askWhen).every(([field, allowed]) => {
    const value = known[field];
    return value === undefined || allowed.includes(value as string | boolean);
  });
}

function serviceChoices(cloud: unknown, knowledge: QuestionnaireKnowledge): Choice[] {
  return knowledge.servicesFor(cloud as Cloud).map((s) => ({ value: s.id, label: s.name.slice(0, 75) }));
}

function withoutTarget(requirements: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(requirements).filter(([field]) => field !== "target"));
}
