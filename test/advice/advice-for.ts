import { advise, parseRequirements } from "../../src/advice/index.js";
import type { Advice, Requirements } from "../../src/advice/index.js";
import { loadKnowledge } from "../../src/knowledge/index.js";

export const knowledge = loadKnowledge();

/** Requirements as a person would write them → validated → advice; a validation error fails the test. */
export function adviceFor(input: Record<string, unknown>): { advice: Advice; requirements: Requirements } {
  const parsed = parseRequirements(input, knowledge);
  if (!parsed.ok) throw new Error("invalid test requirements: " + JSON.stringify(parsed.errors));
  return { advice: advise(parsed.value, knowledge), requirements: parsed.value };
}

export function alternative(advice: Advice, option: string): Advice["alternatives"][number] {
  const found = advice.alternatives.find((a) => a.option === option);
  if (found === undefined) throw new Error(`no alternative ${option}`);
  return found;
}

/** The advice for reaching one catalog service, with any further requirements. */
export function serviceAdvice(cloud: string, service: string, extra: Record<string, unknown> = {}): Advice {
  return adviceFor({ cloud, target: "cloud-service", service, ...extra }).advice;
}
