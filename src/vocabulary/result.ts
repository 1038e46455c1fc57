/**
 * One thing that was wrong, in words a person or a log line can act on: what it is about (a requirements
 * field, a filter, an environment variable, the Web API method that failed) and why.
 */
export interface FieldError {
  field: string;
  message: string;
  /** The value given and the values the field accepts here: what a "did you mean" hint is drawn from. */
  accepted?: { given: string; values: string[] };
}

/** How every edge reports what can fail: the value, or every problem at once (never a bare null or string). */
export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** A failure of one thing: `field` and `message` as in FieldError. */
export function failure(field: string, message: string): { ok: false; errors: FieldError[] } {
  return { ok: false, errors: [{ field, message }] };
}

/** A failure's messages as one line, for a log line or a short notice. */
export function failureText(errors: FieldError[]): string {
  return errors.map((error) => error.message).join("; ");
}
