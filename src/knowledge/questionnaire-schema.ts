import { z } from "zod";
import { RequirementsSchema, type RequirementsInput } from "../vocabulary/index.js";
import { VersionSchema } from "./schemas.js";

/**
 * Shape of data/questionnaire.json: the questions every surface asks (field, label, hint, kind, choices,
 * step, and `askWhen` conditions on earlier answers). Choices and conditions are checked against the
 * Requirements schema here; against the catalog in consistency.ts.
 *
 * `askWhen` is one condition (every field it names has one of the listed values) or a list of conditions of
 * which any one will do: a question may matter for all targets on one cloud but for one target on another.
 */
export const STEPS = [1, 2] as const;
export type Step = (typeof STEPS)[number];
export const QUESTION_KINDS = ["choice", "boolean", "number", "text", "multi-choice"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export type RequirementField = keyof RequirementsInput;
const FIELDS = Object.keys(RequirementsSchema.shape) as RequirementField[];

const ChoiceSchema = z.strictObject({
  value: z.string().min(1).max(150),
  // Slack shows at most 75 characters of an option.
  label: z.string().min(1).max(75),
});

const ConditionSchema = z.record(z.string(), z.array(z.union([z.string(), z.boolean()])).min(1));
export type AskCondition = z.output<typeof ConditionSchema>;

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
    askWhen: z.union([ConditionSchema, z.array(ConditionSchema).min(1)]).default({}),
  })
  .superRefine(checkQuestion);

export const QuestionnaireSchema = z
  .strictObject({
    version: VersionSchema,
    questions: z.array(QuestionSchema).min(1),
  })
  .superRefine(checkOrder);
export type Questionnaire = z.output<typeof QuestionnaireSchema>;
export type QuestionData = Questionnaire["questions"][number];

/** A question's conditions, each with its JSON path under the question: any one of them met asks it. */
export function askConditions(
  askWhen: QuestionData["askWhen"],
): { path: (string | number)[]; condition: AskCondition }[] {
  if (!Array.isArray(askWhen)) return [{ path: ["askWhen"], condition: askWhen }];
  return askWhen.map((condition, i) => ({ path: ["askWhen", i], condition }));
}

/** Choices must be values Requirements accepts, and conditions must name real fields and their values. */
function checkQuestion(q: z.output<typeof QuestionSchema>, ctx: z.RefinementCtx): void {
  const needsChoices = q.kind === "choice" || q.kind === "multi-choice";
  if (needsChoices && q.choices.length === 0 && q.choicesFrom === undefined) {
    ctx.addIssue({ code: "custom", path: ["choices"], message: `a ${q.kind} question needs choices` });
  }
  if (q.choicesFrom !== undefined && q.choices.length > 0) {
    ctx.addIssue({
      code: "custom",
      path: ["choices"],
      message: `choices come from ${q.choicesFrom}: list none`,
    });
  }
  q.choices.forEach((choice, i) => {
    const value = q.kind === "multi-choice" ? [choice.value] : choice.value;
    if (!accepts(q.field, value)) {
      ctx.addIssue({
        code: "custom",
        path: ["choices", i, "value"],
        message: `${q.field} does not accept "${choice.value}"`,
      });
    }
  });
  for (const { path, condition } of askConditions(q.askWhen)) {
    for (const [name, allowed] of Object.entries(condition)) {
      if (!(FIELDS as string[]).includes(name)) {
        ctx.addIssue({ code: "custom", path: [...path, name], message: `no Requirements field "${name}"` });
        continue;
      }
      allowed.forEach((value, i) => {
        if (!accepts(name as RequirementField, value)) {
          ctx.addIssue({
            code: "custom",
            path: [...path, name, i],
            message: `${name} does not accept ${JSON.stringify(value)}`,
          });
        }
      });
    }
  }
}

function accepts(field: RequirementField, value: unknown): boolean {
  return RequirementsSchema.shape[field].safeParse(value).success;
}

/** A condition may only look at answers given before the question: earlier in the list. */
function checkOrder(data: { questions: QuestionData[] }, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  data.questions.forEach((q, i) => {
    if (seen.has(q.field)) {
      ctx.addIssue({ code: "custom", path: ["questions", i, "field"], message: `${q.field} is asked twice` });
    }
    for (const { path, condition } of askConditions(q.askWhen)) {
      for (const name of Object.keys(condition).filter((name) => !seen.has(name))) {
        ctx.addIssue({
          code: "custom",
          path: ["questions", i, ...path, name],
          message: `depends on ${name}, which is not asked before it`,
        });
      }
    }
    seen.add(q.field);
  });
}
