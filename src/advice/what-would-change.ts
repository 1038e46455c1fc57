import type { Knowledge } from "../knowledge/index.js";
import type { Service } from "../knowledge/schemas.js";
import { APP_TRAFFIC_DIRECTIONS, DNS_SETUPS } from "../vocabulary/index.js";
import type { FactName, Facts, OptionId, Requirements } from "../vocabulary/index.js";
import type { ChangeThatFlips } from "./advice.js";
import { costOf } from "./cost.js";
import { combinedFacts } from "./facts.js";
import { leafOption, type TreePath } from "./walk-tree.js";

/** The yes/no answers a person could give the other way without changing what is asked about. */
const YES_NO_FIELDS = [
  "onPremisesAccess",
  "disablePublicAccess",
  "exfiltrationProtection",
  "firewallInspection",
  "clientsInOtherNetworks",
  "crossRegion",
  "crossTenant",
  "overlappingAddressSpaces",
  "transitiveRouting",
] as const satisfies readonly (keyof Requirements & FactName)[];

type ChangeableField = (typeof YES_NO_FIELDS)[number] | "dns" | "appTrafficDirection";

/**
 * Each single answer that, given differently, makes the tree recommend another option: the new option and
 * how much more (or less) it costs a month. Cloud, target and service are left alone: changing them asks
 * another question. Ordered by how little has to change: the fewest facts of the decision that move with the
 * answer first, then the smaller cost difference.
 *
 * `monthlyCosts` holds what each option of the cloud costs for these requirements (the answer has weighed
 * them all already). No single change here moves a quantity a price counts, so those totals stand, unless
 * the change moves a fact one of the option's price components is conditioned on: then it is priced again.
 */
export function whatWouldChange(
  requirements: Requirements,
  facts: Facts,
  path: TreePath,
  monthlyCostUsd: number,
  service: Service | undefined,
  knowledge: Knowledge,
  monthlyCosts: ReadonlyMap<OptionId, number>,
): ChangeThatFlips[] {
  // One copy of each, changed in place and put back per change: this runs a dozen times per answer.
  const changedRequirements: Requirements = { ...requirements };
  const answers: Record<ChangeableField, unknown> = changedRequirements;
  const changedFacts: Facts = { ...facts };
  const asked = new Set(path.asked);
  const found: { change: ChangeThatFlips; factsMoved: number }[] = [];
  // The option's total as the answer priced it, unless the change moved a fact its price depends on.
  const costWithChange = (option: OptionId, changed: Requirements): number => {
    const known = monthlyCosts.get(option);
    const priceMoved = priceConditions(knowledge, option).some((fact) => changedFacts[fact] !== facts[fact]);
    return known !== undefined && !priceMoved
      ? known
      : costOf(option, changed, knowledge, changedFacts).totalUsd;
  };
  const tryChange = (field: ChangeableField, to: Requirements[ChangeableField]): void => {
    answers[field] = to;
    const combined = combinedFacts(changedRequirements, service);
    answers[field] = requirements[field];
    const privateIpMoved = combined.privateIpNeeded !== facts.privateIpNeeded;
    const regionsMoved = combined.serviceEndpointCoversRegions !== facts.serviceEndpointCoversRegions;
    const tagMoved =
      combined.serviceEndpointTagChangesAcrossRegions !== facts.serviceEndpointTagChangesAcrossRegions;
    // The walk depends only on the facts its path asked; if none moved, it ends at the same leaf.
    const pathMoved =
      asked.has(field) ||
      (privateIpMoved && asked.has("privateIpNeeded")) ||
      (regionsMoved && asked.has("serviceEndpointCoversRegions")) ||
      (tagMoved && asked.has("serviceEndpointTagChangesAcrossRegions"));
    if (!pathMoved) return;
    changedFacts[field] = String(to);
    Object.assign(changedFacts, combined);
    const option = leafOption(knowledge.tree, changedFacts);
    const cost =
      option === path.option ? monthlyCostUsd : costWithChange(option, { ...requirements, [field]: to });
    changedFacts[field] = facts[field];
    changedFacts.privateIpNeeded = facts.privateIpNeeded;
    changedFacts.serviceEndpointCoversRegions = facts.serviceEndpointCoversRegions;
    changedFacts.serviceEndpointTagChangesAcrossRegions = facts.serviceEndpointTagChangesAcrossRegions;
    if (option === path.option) return;
    found.push({
      change: {
        field,
        from: requirements[field],
        to,
        option,
        monthlyCostDeltaUsd: Math.round((cost - monthlyCostUsd) * 1e6) / 1e6,
      },
      // The answer's own fact, and each combined fact it moves.
      factsMoved: 1 + Number(privateIpMoved) + Number(regionsMoved) + Number(tagMoved),
    });
  };
  for (const field of YES_NO_FIELDS) tryChange(field, !requirements[field]);
  for (const dns of DNS_SETUPS) if (dns !== requirements.dns) tryChange("dns", dns);
  for (const direction of APP_TRAFFIC_DIRECTIONS) {
    if (direction !== requirements.appTrafficDirection) tryChange("appTrafficDirection", direction);
  }
  return found
    .sort(
      (a, b) =>
        a.factsMoved - b.factsMoved ||
        Math.abs(a.change.monthlyCostDeltaUsd) - Math.abs(b.change.monthlyCostDeltaUsd),
    )
    .map((f) => f.change);
}

/** Per pricing file, the facts each option's price components are conditioned on (most have none). */
const priceConditionsByPricing = new WeakMap<Knowledge["pricing"], Map<OptionId, FactName[]>>();

function priceConditions(knowledge: Knowledge, option: OptionId): FactName[] {
  let byOption = priceConditionsByPricing.get(knowledge.pricing);
  if (byOption === undefined) {
    byOption = new Map();
    for (const [id, priced] of Object.entries(knowledge.pricing.options)) {
      const named = priced.components.flatMap((component) => Object.keys(component.when ?? {}));
      byOption.set(id as OptionId, [...new Set(named)] as FactName[]);
    }
    priceConditionsByPricing.set(knowledge.pricing, byOption);
  }
  return byOption.get(option) ?? [];
}
