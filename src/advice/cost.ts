import type { Knowledge } from "../knowledge/index.js";
import type { DataDirection, PriceComponent } from "../knowledge/schemas.js";
import type { CostBreakdown, CostLine, DataSplit, UnpricedItem } from "./advice.js";
import type { Facts, OptionId, Requirements } from "../vocabulary/index.js";
import { matches } from "./conditions.js";
import { computeFacts } from "./facts.js";

/**
 * The monthly cost of one option for these requirements, line by line from data/pricing.json: the components
 * whose `when` these facts meet (the advice passes the facts it has computed).
 * Amounts are kept exact (up to float noise, trimmed at a millionth of a dollar); display rounds to cents.
 */
export function costOf(
  option: OptionId,
  requirements: Requirements,
  knowledge: Knowledge,
  facts: Facts = computeFacts(requirements, knowledge),
): CostBreakdown {
  const { pricing } = knowledge;
  const priced = pricing.options[option];
  const lines: CostLine[] = [];
  const unpriced: UnpricedItem[] = [];
  const split = dataSplit(requirements);
  for (const component of priced?.components ?? []) {
    if (component.when !== undefined && !matches(component.when, facts)) continue;
    addComponent(component, requirements, split, pricing.hoursPerMonth, lines, unpriced);
  }
  const metersDirections = (priced?.components ?? []).some(
    (component) => component.kind === "per-gb-tiered" && component.direction !== "all",
  );
  const totalUsd = trim(lines.reduce((sum, line) => sum + line.usd, 0));
  return {
    lines,
    totalUsd,
    pricingAsOf: pricing.effectiveDate,
    withinBudget: budgetVerdict(totalUsd, unpriced.length > 0, requirements.monthlyBudgetUsd),
    unpriced,
    notes: (priced?.notes ?? []).map((note) => note.text),
    dataSplit: metersDirections ? split : null,
  };
}

/**
 * The GB each direction's meter counts: the split given, the rest of the total beside one given part, or
 * (nothing given) half of the total each way.
 */
export function dataSplit(requirements: Requirements): DataSplit {
  const {
    dataGbPerMonth: total,
    dataGbInboundPerMonth: inbound,
    dataGbOutboundPerMonth: outbound,
  } = requirements;
  if (inbound !== undefined && outbound !== undefined)
    return { inboundGb: inbound, outboundGb: outbound, basis: "given" };
  if (inbound !== undefined)
    return { inboundGb: inbound, outboundGb: trim(total - inbound), basis: "rest-outbound" };
  if (outbound !== undefined)
    return { inboundGb: trim(total - outbound), outboundGb: outbound, basis: "rest-inbound" };
  return { inboundGb: total / 2, outboundGb: total / 2, basis: "even" };
}

function addComponent(
  component: PriceComponent,
  requirements: Requirements,
  split: DataSplit,
  hoursPerMonth: number,
  lines: CostLine[],
  unpriced: UnpricedItem[],
): void {
  switch (component.kind) {
    case "free":
      lines.push({ item: component.item, quantity: 1, unit: "month", unitPriceUsd: 0, usd: 0 });
      return;
    case "not-priced":
      unpriced.push({ item: component.item, pricingPage: component.pricingPage });
      return;
    case "per-endpoint-hour": {
      const quantity = requirements.endpointCount * hoursPerMonth;
      const usd = trim(quantity * component.unitPriceUsd);
      lines.push({
        item: component.item,
        quantity,
        unit: "endpoint-hour",
        unitPriceUsd: component.unitPriceUsd,
        usd,
      });
      return;
    }
    case "per-gb-tiered":
      addTiers(component, gbCounted(component.direction, requirements, split), lines, unpriced);
  }
}

function gbCounted(direction: DataDirection, requirements: Requirements, split: DataSplit): number {
  switch (direction) {
    case "inbound":
      return split.inboundGb;
    case "outbound":
      return split.outboundGb;
    case "all":
      return split.basis === "given" ? split.inboundGb + split.outboundGb : requirements.dataGbPerMonth;
  }
}

/** Each tier charges the GB between the previous tier's limit and its own. */
function addTiers(
  component: Extract<PriceComponent, { kind: "per-gb-tiered" }>,
  gb: number,
  lines: CostLine[],
  unpriced: UnpricedItem[],
): void {
  let floor = 0;
  for (const [index, tier] of component.tiers.entries()) {
    const ceiling = tier.upToGb ?? Infinity;
    const quantity = Math.max(0, Math.min(gb, ceiling) - floor);
    floor = ceiling;
    // With no data yet, still show the first tier's rate so the reader sees what a GB costs.
    if (quantity === 0 && !(gb === 0 && index === 0)) continue;
    const item = component.tiers.length > 1 ? `${component.item}, ${tier.label}` : component.item;
    if (tier.unitPriceUsd === null) {
      unpriced.push({ item, pricingPage: component.source.url });
      continue;
    }
    lines.push({
      item,
      quantity,
      unit: "GB",
      unitPriceUsd: tier.unitPriceUsd,
      usd: trim(quantity * tier.unitPriceUsd),
    });
  }
}

function budgetVerdict(totalUsd: number, hasUnpriced: boolean, budget: number | null): boolean | null {
  if (budget === null) return null;
  if (totalUsd > budget) return false;
  return hasUnpriced ? null : true;
}

/** Removes binary float noise (7.300000000000001 → 7.3) without rounding money to cents. */
function trim(usd: number): number {
  return Math.round(usd * 1e6) / 1e6;
}
