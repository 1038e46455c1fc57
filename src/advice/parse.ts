import type { z } from "zod";
import type { Knowledge } from "../knowledge/index.js";
import { type FieldError, type Requirements, RequirementsSchema, type Result } from "../vocabulary/index.js";

/**
 * Requirements from any surface (JSON file, modal, quick command) → validated Requirements, or one message
 * per field naming what is allowed. The service id is checked against the catalog and the chosen cloud.
 */
export function parseRequirements(input: unknown, knowledge: Knowledge): Result<Requirements> {
  const parsed = RequirementsSchema.safeParse(input);
  if (!parsed.success) {
    // Every problem at once: a service the catalog does not know is reported beside the schema's errors.
    const errors = parsed.error.issues.flatMap(fieldErrors);
    const service = serviceAlone(input, knowledge);
    return {
      ok: false,
      errors: errors.some((e) => e.field === "service") || !service ? errors : [...errors, service],
    };
  }
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

/** The service's own error when the rest of the input failed the schema, judged with the cloud given. */
function serviceAlone(input: unknown, knowledge: Knowledge): FieldError | undefined {
  if (typeof input !== "object" || input === null) return undefined;
  const { cloud, service } = input as Record<string, unknown>;
  if (typeof service !== "string" || service === "") return undefined;
  const parsed = RequirementsSchema.safeParse({ target: "cloud-service", cloud, service });
  return parsed.success ? checkService(parsed.data, knowledge) : undefined;
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
    return {
      field: "service",
      message: `unknown service "${id}" for ${requirements.cloud}`,
      accepted: { given: id, values: known },
    };
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
