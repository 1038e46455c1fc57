import type { Knowledge } from "../knowledge/index.js";
import type {
  ConditionalText,
  DecisionTree,
  OptionProfile,
  Service,
  SourceRef,
} from "../knowledge/schemas.js";
import type {
  Advice,
  Alternative,
  BudgetCheck,
  CheaperFit,
  CostBreakdown,
  Recommendation,
  TraceStep,
} from "./advice.js";
import { matches } from "./conditions.js";
import { costOf } from "./cost.js";
import { computeFacts, serviceOf } from "./facts.js";
import { fillCaveat, nextStepsFor } from "./next-steps.js";
import type { Facts, OptionId, Requirements } from "../vocabulary/index.js";

/**
 * The advice for validated requirements: walks the decision tree to a recommendation, then weighs every other
 * option of the same cloud against the same facts. Pure and deterministic; every sentence comes from data/.
 */
export function advise(requirements: Requirements, knowledge: Knowledge): Advice {
  const facts = computeFacts(requirements, knowledge);
  const service = serviceOf(requirements, knowledge);
  const { option, trace, reason } = walkTree(knowledge.tree, facts);
  const profile = knowledge.options.options[option];
  const unmet = failedConstraints(profile, facts);
  const cost = costOf(option, requirements, knowledge);
  const alternatives = knowledge
    .optionsFor(requirements.cloud)
    .filter((other) => other !== option)
    .map((other) => alternativeOf(other, requirements, facts, knowledge));
  const support = service?.support[option];
  const optionCaveats = profile.caveats
    .filter((caveat) => matches(caveat.when, facts))
    .map((caveat) => ({ text: fillCaveat(caveat.text, support), source: caveat.source }));
  const caveats = dedupe([...unmet, ...optionCaveats, ...serviceNotes(service, option)]);
  const decisive = trace.at(-1);
  const reasons = dedupe([reason, ...(decisive ? [{ text: decisive.reason, source: decisive.source }] : [])]);
  return {
    recommendation: verdict(option, profile, unmet, reasons, cost),
    alternatives,
    caveats: caveats.map((c) => c.text),
    caveatSources: caveats.map((c) => c.source),
    trace,
    cost,
    budget: budgetCheck(requirements, cost, profile, alternatives, knowledge),
    nextSteps: nextStepsFor(profile.nextSteps, facts, support),
    versions: knowledge.versions,
  };
}

interface Sourced {
  text: string;
  source: SourceRef;
}

function walkTree(
  tree: DecisionTree,
  facts: Facts,
): { option: OptionId; trace: TraceStep[]; reason: Sourced } {
  const trace: TraceStep[] = [];
  let node = tree.nodes[tree.root];
  while (node?.kind === "question") {
    const value = facts[node.fact as keyof Facts];
    const branch = node.branches.find((b) => b.when === value) ?? node.branches.find((b) => b.when === "*");
    // loadKnowledge proved every fact value has a branch; reaching this means the data bypassed it.
    if (branch === undefined) throw new Error(`decision tree has no branch for ${node.fact} = ${value}`);
    trace.push({
      question: node.question,
      answer: branch.answer,
      reason: branch.reason,
      ...traceSource(branch.source),
    });
    node = tree.nodes[branch.next];
  }
  if (node === undefined) throw new Error("decision tree leads to a missing node");
  return { option: node.option, trace, reason: { text: node.reason, source: node.source } };
}

/** A trace step names its page by link and title (DESIGN §3). */
function traceSource(source: SourceRef): Pick<TraceStep, "source" | "sourceTitle"> {
  return typeof source === "string" ? { source } : { source: source.url, sourceTitle: source.title };
}

function alternativeOf(
  option: OptionId,
  requirements: Requirements,
  facts: Facts,
  knowledge: Knowledge,
): Alternative {
  const profile = knowledge.options.options[option];
  const unmet = failedConstraints(profile, facts);
  const reasons = unmet.length > 0 ? unmet : profile.drawbacks;
  const cost = costOf(option, requirements, knowledge);
  return {
    ...verdict(option, profile, unmet, reasons, cost),
    appliesToTarget: !unmet.some(isTargetOnly),
    cost,
  };
}

// A constraint on the target alone ("peering does not reach a PaaS service") means the option answers another
// question: its cost for these requirements would mislead, so the answer leaves it out.
function isTargetOnly(constraint: ConditionalText): boolean {
  const keys = Object.keys(constraint.when);
  return keys.length === 1 && keys[0] === "target";
}

/** What the recommendation and each alternative say: fits or not, why, with sources, at what cost. */
function verdict(
  option: OptionId,
  profile: OptionProfile,
  unmet: Sourced[],
  reasons: Sourced[],
  cost: CostBreakdown,
): Recommendation {
  return {
    option,
    title: profile.title,
    fits: unmet.length === 0,
    reasons: reasons.map((r) => r.text),
    sources: reasons.map((r) => r.source),
    monthlyCostUsd: cost.totalUsd,
  };
}

/** The option's constraints these facts trip: each one a requirement the option cannot meet. */
function failedConstraints(profile: OptionProfile, facts: Facts): ConditionalText[] {
  return profile.constraints.filter((constraint) => matches(constraint.when, facts));
}

function serviceNotes(service: Service | undefined, option: OptionId): Sourced[] {
  if (service === undefined) return [];
  const support = service.support[option];
  const supportNote = support?.note === undefined ? [] : [{ text: support.note, source: support.source }];
  const catalogNotes = [support?.networkingModel, support?.requiresTier, support?.statusNote].filter(
    (note) => note !== undefined,
  );
  return [...supportNote, ...catalogNotes, ...service.notes];
}

/** Over budget (or unknown): name the cheapest option that fits and stays within it, and what it gives up. */
function budgetCheck(
  requirements: Requirements,
  cost: CostBreakdown,
  profile: OptionProfile,
  alternatives: Alternative[],
  knowledge: Knowledge,
): BudgetCheck {
  const budget = requirements.monthlyBudgetUsd;
  const check = { monthlyBudgetUsd: budget, withinBudget: cost.withinBudget, cheaperFit: null };
  // Unknown (an unpriced item) is treated like over: a priced option known to fit the budget is worth naming.
  if (budget === null || cost.withinBudget === true) return check;
  const cheapest = alternatives
    .filter((a) => a.fits && a.cost.unpriced.length === 0 && a.monthlyCostUsd <= budget)
    .reduce<Alternative | undefined>(
      (best, a) => (best && best.monthlyCostUsd <= a.monthlyCostUsd ? best : a),
      undefined,
    );
  return { ...check, cheaperFit: cheapest === undefined ? null : cheaperFit(cheapest, profile, knowledge) };
}

function cheaperFit(cheapest: Alternative, recommended: OptionProfile, knowledge: Knowledge): CheaperFit {
  const kept = new Set(knowledge.options.options[cheapest.option].strengths.map((s) => s.key));
  return {
    option: cheapest.option,
    title: cheapest.title,
    monthlyCostUsd: cheapest.monthlyCostUsd,
    givesUp: recommended.strengths.filter((s) => !kept.has(s.key)).map((s) => s.text),
  };
}

function dedupe(items: Sourced[]): Sourced[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.text) && seen.add(item.text) !== undefined);
}
