import type { Knowledge } from "../knowledge/index.js";
import type { Service } from "../knowledge/schemas.js";
import { APP_TRAFFIC_DIRECTIONS, DNS_SETUPS } from "../vocabulary/index.js";
import type { FactName, Facts, Requirements } from "../vocabulary/index.js";
import type { ChangeThatFlips } from "./advice.js";
import { costOf } from "./cost.js";
import { combinedFacts } from "./facts.js";
import { walkTree, type TreePath } from "./walk-tree.js";

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

/**
 * Each single answer that, given differently, makes the tree recommend another option: the new option and
 * how much more (or less) it costs a month. Cloud, target and service are left alone: changing them asks
 * another question. Ordered by how little has to change: the fewest facts of the decision that move with the
 * answer first, then the smaller cost difference.
 */
export function whatWouldChange(
  requirements: Requirements,
  facts: Facts,
  path: TreePath,
  monthlyCostUsd: number,
  service: Service | undefined,
  knowledge: Knowledge,
): ChangeThatFlips[] {
  const found: { change: ChangeThatFlips; factsMoved: number }[] = [];
  for (const change of singleChanges(requirements)) {
    const changedFacts: Facts = {
      ...facts,
      [change.field]: String(change.requirements[change.field]),
      ...combinedFacts(change.requirements, service),
    };
    // The walk depends only on the facts its path asked; if none moved, it ends at the same leaf.
    if (!path.asked.some((fact) => changedFacts[fact] !== facts[fact])) continue;
    const option = walkTree(knowledge.tree, changedFacts).option;
    if (option === path.option) continue;
    const cost = costOf(option, change.requirements, knowledge).totalUsd;
    found.push({
      change: {
        field: change.field,
        from: requirements[change.field],
        to: change.requirements[change.field],
        option,
        monthlyCostDeltaUsd: Math.round((cost - monthlyCostUsd) * 1e6) / 1e6,
      },
      factsMoved: factsMoved(facts, changedFacts),
    });
  }
  return found
    .sort(
      (a, b) =>
        a.factsMoved - b.factsMoved ||
        Math.abs(a.change.monthlyCostDeltaUsd) - Math.abs(b.change.monthlyCostDeltaUsd),
    )
    .map((f) => f.change);
}

interface SingleChange {
  field: keyof Requirements & FactName;
  requirements: Requirements;
}

function* singleChanges(requirements: Requirements): Generator<SingleChange> {
  for (const field of YES_NO_FIELDS) {
    yield { field, requirements: { ...requirements, [field]: !requirements[field] } };
  }
  for (const dns of DNS_SETUPS) {
    if (dns !== requirements.dns) yield { field: "dns", requirements: { ...requirements, dns } };
  }
  for (const appTrafficDirection of APP_TRAFFIC_DIRECTIONS) {
    if (appTrafficDirection !== requirements.appTrafficDirection) {
      yield { field: "appTrafficDirection", requirements: { ...requirements, appTrafficDirection } };
    }
  }
}

function factsMoved(before: Facts, after: Facts): number {
  let moved = 0;
  for (const name in before) if (before[name as FactName] !== after[name as FactName]) moved += 1;
  return moved;
}
