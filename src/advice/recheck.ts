import type { Knowledge } from "../knowledge/index.js";
import type { Source } from "../knowledge/schemas.js";
import type { KnowledgeVersions, OptionId, Requirements } from "../vocabulary/index.js";
import type { Advice, CostLine, TraceStep } from "./advice.js";
import { advise } from "./advise.js";
import type { FieldError } from "../vocabulary/index.js";
import { parseRequirements } from "./parse.js";

/** What re-checking needs of a stored decision (a stored Decision has all of it). */
export interface StoredAdvice {
  id: string;
  title: string;
  requirements: Requirements;
  advice: Advice;
}

export type DriftKind = "option" | "cost" | "budget" | "requirements" | "retired";

/** The answer as it was saved, or as today's knowledge gives it. */
export interface AdviceSummary {
  option: OptionId;
  monthlyCostUsd: number;
  withinBudget: boolean | null;
  versions: KnowledgeVersions;
}

/**
 * The first question of the decision tree answered differently today: the fact that moved. `before` is null
 * when the saved path did not ask it, `after` when today's path no longer does.
 */
export interface StepChange {
  question: string;
  before: string | null;
  after: string | null;
}

/** A unit price on the recommendation's bill that moved between the saved answer and today's. */
export interface PriceChange {
  item: string;
  unit: string;
  beforeUsd: number;
  afterUsd: number;
}

/** The service a decision is about has been retired: today's answer is for its successor. */
export interface RetiredService {
  service: string;
  name: string;
  date: string;
  successor: string;
  successorName: string;
  source: Source;
}

/** A decision whose answer would now be different, and how. */
export interface Drift {
  id: string;
  title: string;
  changes: DriftKind[];
  before: AdviceSummary;
  /**
   * Today's answer (for a retired service, about its successor); null when the saved requirements are no
   * longer valid (e.g. a service left the catalog): see errors.
   */
  after: AdviceSummary | null;
  errors: FieldError[];
  /** Why: the first step of the tree's path answered differently, null when the path is the same. */
  step: StepChange | null;
  /** Why: the prices on the bill that moved, old and new. */
  prices: PriceChange[];
  retired: RetiredService | null;
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
  const retired = retirement(decision.requirements, knowledge);
  const base = { id: decision.id, title: decision.title, before, retired };
  const asked =
    retired === null ? decision.requirements : { ...decision.requirements, service: retired.successor };
  const parsed = parseRequirements(asked, knowledge);
  if (!parsed.ok) {
    const changes: DriftKind[] = retired === null ? ["requirements"] : ["retired", "requirements"];
    return { ...base, changes, after: null, errors: parsed.errors, step: null, prices: [] };
  }
  const today = advise(parsed.value, knowledge);
  const after = summary(today);
  const changes = [...(retired === null ? [] : ["retired" as const]), ...changesBetween(before, after)];
  if (changes.length === 0) return undefined;
  return {
    ...base,
    changes,
    after,
    errors: [],
    step: firstChangedStep(decision.advice.trace, today.trace),
    prices: changedPrices(decision.advice.cost.lines, today.cost.lines),
  };
}

function retirement(requirements: Requirements, knowledge: Knowledge): RetiredService | null {
  const service =
    requirements.service === undefined ? undefined : knowledge.findService(requirements.service);
  if (service?.retired === undefined) return null;
  const { date, successor, source } = service.retired;
  const successorName = knowledge.findService(successor)?.name ?? successor;
  return { service: service.id, name: service.name, date, successor, successorName, source };
}

function firstChangedStep(saved: TraceStep[], today: TraceStep[]): StepChange | null {
  for (let i = 0; i < Math.max(saved.length, today.length); i += 1) {
    const was = saved[i];
    const now = today[i];
    if (was?.question === now?.question && was?.answer === now?.answer) continue;
    if (now === undefined)
      return was === undefined ? null : { question: was.question, before: was.answer, after: null };
    return {
      question: now.question,
      before: was?.question === now.question ? was.answer : null,
      after: now.answer,
    };
  }
  return null;
}

function changedPrices(saved: CostLine[], today: CostLine[]): PriceChange[] {
  return today.flatMap((line) => {
    const was = saved.find((old) => old.item === line.item && old.unit === line.unit);
    // Unit prices run to fractions of a cent (0.006 a GB): compare them exactly, not rounded to cents.
    return was === undefined || was.unitPriceUsd === line.unitPriceUsd
      ? []
      : [{ item: line.item, unit: line.unit, beforeUsd: was.unitPriceUsd, afterUsd: line.unitPriceUsd }];
  });
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
