import type { FieldError } from "../advice/index.js";
import type { Knowledge } from "../knowledge/index.js";
import { explainFieldErrors } from "../render/index.js";
import { numberLimits, textLimit } from "./blocks/questionnaire.js";
import { say } from "./words.js";

/**
 * Field errors from the Requirements validation, said as a person reads them under an input or after a
 * quick key: what to enter, with the limits the schema sets. A value the field does not know gets the
 * closest known ones ("did you mean …?"); anything not about a known question keeps the validation's words.
 */
export function describeFieldErrors(errors: FieldError[], knowledge: Knowledge): FieldError[] {
  const kinds = new Map(
    knowledge.questionnaire.questions.map((question) => [question.field as string, question.kind]),
  );
  const seen = new Set<string>();
  return errors.flatMap((error) => {
    // One message per field: zod may report a field twice (a type and a range).
    if (seen.has(error.field)) return [];
    seen.add(error.field);
    const kind = kinds.get(error.field);
    if (kind === undefined || error.accepted !== undefined) return explainFieldErrors([error]);
    return [{ field: error.field, message: fieldMessage(error.field, kind) }];
  });
}

/** What to enter in a field of this kind, within the schema's limits. */
export function fieldMessage(field: string, kind: string): string {
  if (kind === "number") return say("field-error", { kind, ...withNulls(numberLimits(field)) });
  if (kind === "text") return say("field-error", { kind, integer: false, min: null, max: textLimit(field) });
  return say("field-error", { kind, integer: false, min: null, max: null });
}

function withNulls(limits: { integer: boolean; min?: number; max?: number }) {
  return { integer: limits.integer, min: limits.min ?? null, max: limits.max ?? null };
}
