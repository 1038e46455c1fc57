import type { Knowledge } from "../knowledge/index.js";
import type { KnowledgeVersions, OptionId, Requirements } from "../vocabulary/index.js";
import type { Advice } from "./advice.js";
import { advise } from "./advise.js";
import { parseRequirements, type FieldError } from "./parse.js";

/** What re-checking needs of a stored decision (a stored Decision has all of it). */
export interface StoredAdvice {
  id: string;
  title: string;
  requirements: Requirements;
  advice: Advice;
}

export type DriftKind = "option" | "cost" | "budget" | "requirements";

/** The answer as it was saved, or as today's knowledge gives it. */
export interface AdviceSummary {
  option: OptionId;
  monthlyCostUsd: number;
  withinBudget: boolean | null;
  versions: KnowledgeVersions;
}

/** A decision whose answer would now be different, and how. */
export interface Drift {
  id: string;
  title: string;
  changes: DriftKind[];
  before: AdviceSummary;
  /** Null when the saved requirements are no longer valid (e.g. a service left the catalog): see errors. */
  after: AdviceSummary | null;
  errors: FieldError[];
}

export interface RecheckReport {
  checked: number;
  versions: KnowledgeVersions;
  drifted: Drift[];
}

/**
 * Runs every stored decision's requirements through today's tree and prices and lists those whose
 * recommendation, cost or budget verdict would now differ. Pure: the caller reads the decisions
 * (as a stream from the store, hence asynchronous).
 */
export async function recheck(
  decisions: AsyncIterable<StoredAdvice> | Iterable<StoredAdvice>,
  knowledge: Knowledge,
): Promise<RecheckReport> {
  let checked = 0;
  const drifted: Drift[] = [];
  for await (const decision of decisions) {
    checked += 1;
    const drift = driftOf(decision, knowledge);
    if (drift !== undefined) drifted.push(drift);
  }
  return { checked, versions: knowledge.versions, drifted };
}

function driftOf(decision: StoredAdvice, knowledge: Knowledge): Drift | undefined {
  const before = summary(decision.advice);
  const base = { id: decision.id, title: decision.title, before };
  const parsed = parseRequirements(decision.requirements, knowledge);
  if (!parsed.ok) return { ...base, changes: ["requirements"], after: null, errors: parsed.errors };
  const after = summary(advise(parsed.value, knowledge));
  const changes = changesBetween(before, after);
  return changes.length === 0 ? undefined : { ...base, changes, after, errors: [] };
}

function summary(advice: Advice): AdviceSummary {
  return {
    option: advice.recommendation.option,
    monthlyCostUsd: advice.recommendation.monthlyCostUsd,
    withinBudget: advice.cost.withinBudget,
    versions: advice.versions,
  };
}

function changesBetween(before: AdviceSummary, after: AdviceSummary): DriftKind[] {
  const changes: DriftKind[] = [];
  if (before.option !== after.option) changes.push("option");
  if (cents(before.monthlyCostUsd) !== cents(after.monthlyCostUsd)) changes.push("cost");
  if (before.withinBudget !== after.withinBudget) changes.push("budget");
  return changes;
}

function cents(usd: number): number {
  return Math.round(usd * 100);
}
