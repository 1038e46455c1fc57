import type { FieldError } from "../advice/index.js";

/**
 * Field errors as a person reads them: an error about a value the field does not know ends with the closest
 * known values ("did you mean …?"), or with the list of known values when none is close.
 */
export function explainFieldErrors(errors: FieldError[]): FieldError[] {
  return errors.map((error) => {
    if (error.accepted === undefined) return error;
    const { given, values } = error.accepted;
    const close = closeMatches(given, values);
    const hint = close.length > 0 ? `did you mean ${close.join(" or ")}?` : `known: ${values.join(", ")}`;
    return { field: error.field, message: `${error.message}; ${hint}` };
  });
}

/** Up to three ids within a few typos of the input (or containing it), closest first. */
export function closeMatches(input: string, candidates: string[]): string[] {
  const limit = Math.max(2, Math.floor(input.length / 4));
  return candidates
    .map((id) => ({ id, distance: id.includes(input) ? 0 : editDistance(input, id) }))
    .filter((c) => c.distance <= limit)
    .sort((a, b) => a.distance - b.distance || a.id.localeCompare(b.id))
    .slice(0, 3)
    .map((c) => c.id);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
