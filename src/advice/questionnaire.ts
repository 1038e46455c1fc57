import type { Knowledge } from "../knowledge/index.js";
import type {
  AskCondition,
  QuestionKind,
  RequirementField,
  Step,
} from "../knowledge/questionnaire-schema.js";
import {
  type Cloud,
  RequirementsSchema,
  type Requirements,
  type RequirementsInput,
} from "../vocabulary/index.js";
import { askConditions, STEPS } from "../knowledge/questionnaire-schema.js";

export { STEPS };

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
  /**
   * Its answer changes which questions, or which choices, its own step shows: a form that shows the whole
   * step at once must redraw the step when it changes.
   */
  shapesStep: boolean;
}

export interface Choice {
  value: string;
  label: string;
}

/** What questionsFor needs of the knowledge: the questionnaire and the services offered per cloud. */
export type QuestionnaireKnowledge = Pick<Knowledge, "questionnaire" | "offeredServices">;

export type Answers = Partial<RequirementsInput>;

/**
 * The questions of one step that matter given the answers so far, in order. A condition on a field that
 * has no answer and no default counts as met: the question might matter, so a form shows it.
 */
export function questionsFor(step: Step, answers: Answers, knowledge: QuestionnaireKnowledge): Question[] {
  const known: Record<string, unknown> = { ...DEFAULTS, ...answers };
  const shaping = fieldsShapingStep(step, known, knowledge);
  return knowledge.questionnaire.questions
    .filter(
      (q) => q.step === step && askConditions(q.askWhen).some(({ condition }) => isMet(condition, known)),
    )
    .map((q) => ({
      field: q.field,
      step: q.step,
      kind: q.kind,
      label: q.label,
      hint: q.hint,
      optional: q.optional,
      choices: q.choicesFrom === "catalog" ? serviceChoices(known[SERVICES_DEPEND_ON], knowledge) : q.choices,
      default: DEFAULTS[q.field] ?? null,
      shapesStep: shaping.has(q.field),
    }));
}

/**
 * The next question to ask one at a time, as the command line does: the first of the step that matters
 * given the answers so far and has no answer yet; undefined when the step is done.
 */
export function nextQuestion(
  step: Step,
  answers: Answers,
  knowledge: QuestionnaireKnowledge,
): Question | undefined {
  return questionsFor(step, answers, knowledge).find((q) => !(q.field in answers));
}

/**
 * The fields of a step whose answers may still change what else the step shows, read from the
 * questionnaire's conditions: a field named by a condition of a question in the same step whose other
 * parts the answers so far meet (on Azure, on-premises reach brings no DNS question: it shapes nothing
 * there), and the cloud where the step lists the catalog's services (they are the chosen cloud's).
 */
function fieldsShapingStep(
  step: Step,
  known: Record<string, unknown>,
  knowledge: QuestionnaireKnowledge,
): Set<string> {
  const questions = knowledge.questionnaire.questions.filter((q) => q.step === step);
  const asked = new Set<string>(questions.map((q) => q.field));
  const named = questions.flatMap((q) => [
    ...askConditions(q.askWhen).flatMap(({ condition }) =>
      Object.keys(condition).filter((field) => isMet(condition, { ...known, [field]: undefined })),
    ),
    ...(q.choicesFrom === "catalog" ? [SERVICES_DEPEND_ON] : []),
  ]);
  return new Set(named.filter((field) => asked.has(field)));
}

/** One answer of a decision as the questionnaire words it, for a record's context. */
export interface AnsweredQuestion {
  field: RequirementField;
  kind: QuestionKind;
  /** The question's label. */
  question: string;
  value: unknown;
  /**
   * The labels of the chosen choices (choice and multi-choice questions), in the order given; a value the
   * questionnaire has no choice for stands as it is. Empty for the other kinds: their value is the answer.
   */
  chosen: string[];
}

/**
 * The questions that matter for these requirements, each with its answer, in the questionnaire's order.
 * A question left unanswered (no value, or empty text) is left out.
 */
export function answeredQuestions(
  requirements: Requirements,
  knowledge: QuestionnaireKnowledge,
): AnsweredQuestion[] {
  const answers: Record<string, unknown> = requirements;
  return STEPS.flatMap((step) => questionsFor(step, requirements, knowledge))
    .filter((q) => answers[q.field] !== undefined && answers[q.field] !== "")
    .map((q) => {
      const value = answers[q.field];
      return { field: q.field, kind: q.kind, question: q.label, value, chosen: chosenLabels(q, value) };
    });
}

/** The Requirements defaults (DESIGN §2), taken from the schema itself; target has none. */
const DEFAULTS: Partial<Record<RequirementField, unknown>> = withoutTarget(
  RequirementsSchema.parse({ target: "virtual-network" }),
);

function isMet(condition: AskCondition, known: Record<string, unknown>): boolean {
  return Object.entries(condition).every(([field, allowed]) => {
    const value = known[field];
    return value === undefined || allowed.includes(value as string | boolean);
  });
}

/** The answer the catalog's services are listed by (serviceChoices). */
const SERVICES_DEPEND_ON = "cloud";

function serviceChoices(cloud: unknown, knowledge: QuestionnaireKnowledge): Choice[] {
  return knowledge.offeredServices(cloud as Cloud).map((s) => ({ value: s.id, label: s.name.slice(0, 75) }));
}

function chosenLabels(question: Question, value: unknown): string[] {
  if (question.kind !== "choice" && question.kind !== "multi-choice") return [];
  const labels = new Map(question.choices.map((choice) => [choice.value, choice.label]));
  return [value].flat().map((v) => labels.get(String(v)) ?? String(v));
}

function withoutTarget(requirements: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(requirements).filter(([field]) => field !== "target"));
}
