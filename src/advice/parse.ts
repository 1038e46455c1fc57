import type { z } from "zod";
import type { Knowledge } from "../knowledge/index.js";
import type { Requirements } from "./requirements.js";
import { RequirementsSchema } from "./requirements.js";

export interface FieldError {
  field: string;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/**
 * Requirements from any surface (JSON file, modal, quick command) → validated Requirements, or one message
 * per field naming what is allowed. The service id is checked against the catalog and the chosen cloud.
 */
export function parseRequirements(input: unknown, knowledge: Knowledge): Result<Requirements> {
  const parsed = RequirementsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.flatMap(fieldErrors) };
  const serviceError = checkService(parsed.data, knowledge);
  return serviceError === undefined
    ? { ok: true, value: parsed.data }
    : { ok: false, errors: [serviceError] };
}

function fieldErrors(issue: z.core.$ZodIssue): FieldError[] {
  const field = issue.path.map(String).join(".") || "(requirements)";
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((key) => ({ field: key, message: `unknown field; allowed: ${allowedFields()}` }));
    case "invalid_value":
      return [{ field, message: `must be one of: ${issue.values.map(String).join(", ")}` }];
    case "invalid_type":
      return [{ field, message: `must be ${issue.expected === "nan" ? "a number" : `a ${issue.expected}`}` }];
    default:
      return [{ field, message: issue.message }];
  }
}

function allowedFields(): string {
  return Object.keys(RequirementsSchema.shape).join(", ");
}

function checkService(requirements: Requirements, knowledge: Knowledge): FieldError | undefined {
  const id = requirements.service;
  if (id === undefined) return undefined;
  const service = knowledge.findService(id);
  if (service === undefined) {
    const known = knowledge.offeredServices(requirements.cloud).map((s) => s.id);
    const close = closeMatches(id, known);
    const hint =
      close.length > 0
        ? `did you mean ${close.join(" or ")}?`
        : `known for ${requirements.cloud}: ${known.join(", ")}`;
    return { field: "service", message: `unknown service "${id}"; ${hint}` };
  }
  if (service.retired !== undefined) {
    const { date, successor } = service.retired;
    return {
      field: "service",
      message: `${service.name} ("${id}") was retired on ${date}; ask about its successor, ${successor}`,
    };
  }
  if (service.cloud !== requirements.cloud) {
    return {
      field: "service",
      message: `"${id}" belongs to ${service.cloud}, but cloud is ${requirements.cloud}`,
    };
  }
  return undefined;
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
