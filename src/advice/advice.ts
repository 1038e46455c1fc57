import type { SourceRef } from "../knowledge/schemas.js";
import type { KnowledgeVersions, OptionId, Requirements } from "../vocabulary/index.js";

/** One line of a monthly cost calculation: quantity × unit price = usd. */
export interface CostLine {
  item: string;
  quantity: number;
  unit: string;
  unitPriceUsd: number;
  usd: number;
}

/** A charge whose figure is not in our price list: the answer links the pricing page instead of guessing. */
export interface UnpricedItem {
  item: string;
  pricingPage: string;
}

export interface CostBreakdown {
  lines: CostLine[];
  /** Sum of the lines, unrounded (round to cents only for display). Excludes unpriced items. */
  totalUsd: number;
  pricingAsOf: string;
  /** null when the requirements set no budget, or when an unpriced item makes the answer unknown. */
  withinBudget: boolean | null;
  unpriced: UnpricedItem[];
  /** Assumptions behind the figures (e.g. which global-peering zone is assumed). */
  notes: string[];
  /**
   * How the monthly GB were divided between inbound and outbound, when the price meters each direction on
   * its own (Azure private endpoints); null otherwise. Absent from decisions saved before the split.
   */
  dataSplit?: DataSplit | null;
}

/** The GB counted inbound and outbound, and where the figures come from. */
export interface DataSplit {
  inboundGb: number;
  outboundGb: number;
  /**
   * given: both parts were given; rest-outbound / rest-inbound: one part was given and the other is the
   * rest of the total; even: none was given, so half of the total is assumed each way.
   */
  basis: "given" | "rest-outbound" | "rest-inbound" | "even";
}

/** One step of the decision tree's path: the question asked, the answer taken, the source that justifies it. */
export interface TraceStep {
  question: string;
  answer: string;
  reason: string;
  /** The page's link (DESIGN §3); in decisions saved before titled sources, whatever the tree held. */
  source: string;
  /** The page's title; absent where the tree held a bare link. */
  sourceTitle?: string;
}

/** How one option measures up against the requirements. */
interface OptionVerdict {
  option: OptionId;
  title: string;
  /** false when the option cannot meet every requirement (the reasons, or the caveats, say which). */
  fits: boolean;
  /** For the recommendation: why. For an alternative: why not, or (when it fits) its drawbacks. */
  reasons: string[];
  /** sources[i] justifies reasons[i]. */
  sources: SourceRef[];
  monthlyCostUsd: number;
}

export type Recommendation = OptionVerdict;

export interface Alternative extends OptionVerdict {
  /** false when the option serves another kind of target (e.g. peering for a PaaS service). */
  appliesToTarget: boolean;
  cost: CostBreakdown;
}

/** What a cheaper option that still fits would give up compared with the recommendation. */
export interface CheaperFit {
  option: OptionId;
  title: string;
  monthlyCostUsd: number;
  givesUp: string[];
}

export interface BudgetCheck {
  monthlyBudgetUsd: number | null;
  withinBudget: boolean | null;
  /** When the recommendation is over budget or unpriced: the cheapest fitting option within budget, or null. */
  cheaperFit: CheaperFit | null;
}

/** One answer given differently, the option it would lead to, and how the monthly cost would move. */
export interface ChangeThatFlips {
  field: keyof Requirements;
  from: unknown;
  to: unknown;
  option: OptionId;
  /** The other option's monthly cost minus the recommendation's (negative: cheaper). */
  monthlyCostDeltaUsd: number;
}

/** The advice (DESIGN.md §3): the same object `--json` prints and the templates render. */
export interface Advice {
  recommendation: Recommendation;
  alternatives: Alternative[];
  caveats: string[];
  /** caveatSources[i] justifies caveats[i]. */
  caveatSources: SourceRef[];
  trace: TraceStep[];
  cost: CostBreakdown;
  budget: BudgetCheck;
  nextSteps: string[];
  /**
   * The single answers that, given differently, change the recommendation; fewest facts moved first.
   * advise() always fills it; decisions saved before it existed have none.
   */
  whatWouldChange?: ChangeThatFlips[];
  versions: KnowledgeVersions;
}
