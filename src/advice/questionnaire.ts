import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { Cloud } from "./options.js";
import { RequirementsSchema, type RequirementsInput } from "./requirements.js";
import { VersionSchema } from "../knowledge/schemas.js";
import { dataDir } from "../paths.js";

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

/** What questionsFor needs of the knowledge: the catalog's services per cloud. */
export interface ServiceDirectory {
  servicesFor(cloud: Cloud): readonly { id: string; name: string }[];
}

export type Answers = Partial<RequirementsInput>;

/**
 * The questions of one step that matter given the answers so far, in order. A condition on a field that
 * has no answer and no default counts as met: the question might matter, so a form shows it.
 */
export function questionsFor(step: Step, answers: Answers, knowledge: ServiceDirectory): Question[] {
  const known: Record<string, unknown> = { ...DEFAULTS, ...answers };
  return shippedQuestionnaire()
    .questions.filter((q) => q.step === step && conditionsMet(q.askWhen, known))
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

export const STEPS = [1, 2] as const;
export type Step = (typeof STEPS)[number];
export const QUESTION_KINDS = ["choice", "boolean", "number", "text", "multi-choice"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

const FIELDS = Object.keys(RequirementsSchema.shape) as RequirementField[];
export type RequirementField = keyof RequirementsInput;

const ChoiceSchema = z.strictObject({
  value: z.string().min(1).max(150),
  // Slack shows at most 75 characters of an option.
  label: z.string().min(1).max(75),
});

const QuestionSchema = z
  .strictObject({
    field: z.enum(FIELDS as [RequirementField, ...RequirementField[]]),
    step: z.union([z.literal(1), z.literal(2)]),
    kind: z.enum(QUESTION_KINDS),
    label: z.string().min(1).max(75),
    hint: z.string().min(1).max(150),
    optional: z.boolean().default(false),
    choices: z.array(ChoiceSchema).default([]),
    choicesFrom: z.literal("catalog").optional(),
    askWhen: z.record(z.string(), z.array(z.union([z.string(), z.boolean()])).min(1)).default({}),
  })
  .superRefine(checkQuestion);

export const QuestionnaireSchema = z
  .strictObject({
    version: VersionSchema,
    questions: z.array(QuestionSchema).min(1),
  })
  .superRefine(checkOrder);
export type Questionnaire = z.output<typeof QuestionnaireSchema>;
type QuestionData = Questionnaire["questions"][number];

export class QuestionnaireError extends Error {
  override name = "QuestionnaireError";
}

/** Reads and validates a questionnaire file; a bad file is a QuestionnaireError naming the file and JSON path. */
export function loadQuestionnaire(path = join(dataDir(), "questionnaire.json")): Questionnaire {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new QuestionnaireError(`${path}: ${(error as Error).message}`);
  }
  const result = QuestionnaireSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new QuestionnaireError(`${path}: ${issue?.path.join(".") ?? ""}: ${issue?.message ?? "invalid"}`);
  }
  return result.data;
}

let shipped: Questionnaire | undefined;

function shippedQuestionnaire(): Questionnaire {
  return (shipped ??= loadQuestionnaire());
}

/** The Requirements defaults (DESIGN §2), taken from the schema itself; target has none. */
const DEFAULTS: Partial<Record<RequirementField, unknown>> = withoutTarget(
  RequirementsSchema.parse({ target: "virtual-network" }),
);

function conditionsMet(
  askWhen: Record<string, (string | boolean)[]>,
  known: Record<string, unknown>,
): boolean {
  return Object.entries(askWhen).every(([field, allowed]) => {
    const value = known[field];
    return value === undefined || allowed.includes(value as string | boolean);
  });
}

function serviceChoices(cloud: unknown, knowledge: ServiceDirectory): Choice[] {
  return knowledge.servicesFor(cloud as Cloud).map((s) => ({ value: s.id, label: s.name.slice(0, 75) }));
}

/** Choices must be values Requirements accepts, and conditions must name real fields. */
function checkQuestion(q: z.output<typeof QuestionSchema>, ctx: z.RefinementCtx): void {
  const field = RequirementsSchema.shape[q.field];
  const needsChoices = q.kind === "choice" || q.kind === "multi-choice";
  if (needsChoices && q.choices.length === 0 && q.choicesFrom === undefined) {
    ctx.addIssue({ code: "custom", path: ["choices"], message: `a ${q.kind} question needs choices` });
  }
  q.choices.forEach((choice, i) => {
    const value = q.kind === "multi-choice" ? [choice.value] : choice.value;
    if (!field.safeParse(value).success) {
      ctx.addIssue({
        code: "custom",
        path: ["choices", i, "value"],
        message: `${q.field} does not accept "${choice.value}"`,
      });
    }
  });
  for (const name of Object.keys(q.askWhen)) {
    if (!(FIELDS as string[]).includes(name)) {
      ctx.addIssue({ code: "custom", path: ["askWhen", name], message: `no Requirements field "${name}"` });
    }
  }
}

/** A condition may only look at answers given before the question: earlier in the list. */
function checkOrder(data: { questions: QuestionData[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  data.questions.forEach((q, i) => {
    if (seen.has(q.field)) {
      ctx.addIssue({ code: "custom", path: ["questions", i, "field"], message: `${q.field} is asked twice` });
    }
    for (const name of Object.keys(q.askWhen)) {
      if (!seen.has(name)) {
        ctx.addIssue({
          code: "custom",
          path: ["questions", i, "askWhen", name],
          message: `depends on ${name}, which is not asked before it`,
        });
      }
    }
    seen.add(q.field);
  });
}

function withoutTarget(requirements: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(requirements).filter(([field]) => field !== "target"));
}
