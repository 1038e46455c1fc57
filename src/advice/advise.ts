import type { Knowledge } from "../knowledge/index.js";
import type { ConditionalText, OptionProfile, OptionSupport, Service } from "../knowledge/schemas.js";
import type { FactName, Facts, OptionId, Requirements } from "../vocabulary/index.js";
import type {
  Advice,
  Alternative,
  BudgetCheck,
  CheaperFit,
  CostBreakdown,
  Recommendation,
} from "./advice.js";
import { matches } from "./conditions.js";
import { costOf } from "./cost.js";
import { computeFacts, serviceOf } from "./facts.js";
import { fillCaveat, nextStepsFor } from "./next-steps.js";
import { walkTree, type Sourced } from "./walk-tree.js";
import { whatWouldChange } from "./what-would-change.js";

/**
 * The advice for validated requirements: walks the decision tree to a recommendation, then weighs every other
 * option of the same cloud against the same facts. Pure and deterministic; every sentence comes from data/.
 */
export function advise(requirements: Requirements, knowledge: Knowledge): Advice {
  const facts = computeFacts(requirements, knowledge);
  const service = serviceOf(requirements, knowledge);
  const path = walkTree(knowledge.tree, facts, tierNotes(service));
  const { option, trace, reason, decisive } = path;
  const profile = knowledge.options.options[option];
  const support = supportFor(service, option, requirements);
  const unmet = failedConstraints(profile, facts, support);
  const cost = costOf(option, requirements, knowledge);
  const alternatives = knowledge
    .optionsFor(requirements.cloud)
    .filter((other) => other !== option)
    .map((other) => alternativeOf(other, requirements, facts, knowledge));
  const optionCaveats = profile.caveats
    .filter((caveat) => matches(caveat.when, facts))
    .map((caveat) => ({ text: fillCaveat(caveat.text, support), source: caveat.source }));
  const caveats = dedupe([...optionCaveats, ...serviceNotes(service, option)]);
  // An option that cannot meet every need says first what it cannot do, then (the leaf's reason) what to do
  // instead; one that can says why it was chosen.
  const reasons = dedupe(unmet.length > 0 ? [...unmet, reason] : [reason, ...(decisive ? [decisive] : [])]);
  return {
    recommendation: verdict(option, profile, unmet, reasons, cost),
    alternatives,
    caveats: caveats.map((c) => c.text),
    caveatSources: caveats.map((c) => c.source),
    trace,
    cost,
    budget: budgetCheck(requirements, cost, profile, alternatives, knowledge),
    nextSteps: nextStepsFor(profile.nextSteps, facts, support),
    whatWouldChange: whatWouldChange(requirements, facts, path, cost.totalUsd, service, knowledge),
    versions: knowledge.versions,
  };
}

function alternativeOf(
  option: OptionId,
  requirements: Requirements,
  facts: Facts,
  knowledge: Knowledge,
): Alternative {
  const profile = knowledge.options.options[option];
  const unmet = failedConstraints(
    profile,
    facts,
    supportFor(serviceOf(requirements, knowledge), option, requirements),
  );
  const reasons = unmet.length > 0 ? unmet : profile.drawbacks;
  const cost = costOf(option, requirements, knowledge);
  return {
    ...verdict(option, profile, unmet, reasons, cost),
    appliesToTarget: !unmet.some(isTargetOnly),
    cost,
  };
}

// A constraint on what is connected alone ("peering does not reach a PaaS service", "VNet integration is a
// feature of apps") means the option answers another question: its cost for these requirements would
// mislead, so the answer leaves it out.
function isTargetOnly(constraint: ConditionalText): boolean {
  const keys = Object.keys(constraint.when);
  return keys.length > 0 && keys.every((key) => WHAT_IS_CONNECTED.has(key));
}

/** The facts that say what kind of thing is connected, as opposed to what the connection must do. */
const WHAT_IS_CONNECTED = new Set(["target", "serviceSupportsVnetIntegration"]);

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
function failedConstraints(
  profile: OptionProfile,
  facts: Facts,
  support: OptionSupport | undefined,
): ConditionalText[] {
  return profile.constraints
    .filter((constraint) => matches(constraint.when, facts))
    .map((constraint) => ({
      ...constraint,
      text: fillCaveat(constraint.text, support),
      // The catalog's page on the tier backs a constraint that quotes it.
      source:
        constraint.text.includes("{tierRequirement}") && support?.requiresTier
          ? support.requiresTier.source
          : constraint.source,
    }));
}

/**
 * What the catalog says about the service and option, as these requirements use it: across regions, a
 * service endpoint takes the service's cross-region tag where it has one.
 */
function supportFor(
  service: Service | undefined,
  option: OptionId,
  requirements: Requirements,
): OptionSupport | undefined {
  const support = service?.support[option];
  if (support?.crossRegionServiceTag === undefined || !requirements.crossRegion) return support;
  return { ...support, serviceTag: support.crossRegionServiceTag };
}

/** The catalog's sentence on the tier each Azure option needs, for the tree's "needs-tier" answers. */
function tierNotes(service: Service | undefined): Partial<Record<FactName, Sourced>> {
  const serviceEndpoint = service?.support["service-endpoint"]?.requiresTier;
  const privateEndpoint = service?.support["private-endpoint"]?.requiresTier;
  return {
    ...(serviceEndpoint && { serviceSupportsServiceEndpoint: serviceEndpoint }),
    ...(privateEndpoint && { serviceSupportsPrivateEndpoint: privateEndpoint }),
  };
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
