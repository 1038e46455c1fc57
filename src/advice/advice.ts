import type { KnowledgeVersions, OptionId } from "../vocabulary/index.js";

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
}

/** One step of the decision tree's path: the question asked, the answer taken, the source that justifies it. */
export interface TraceStep {
  question: string;
  answer: string;
  reason: string;
  source: string;
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
  sources: string[];
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

/** The advice (DESIGN.md §3): the same object `--json` prints and the templates render. */
export interface Advice {
  recommendation: Recommendation;
  alternatives: Alternative[];
  caveats: string[];
  /** caveatSources[i] justifies caveats[i]. */
  caveatSources: string[];
  trace: TraceStep[];
  cost: CostBreakdown;
  budget: BudgetCheck;
  nextSteps: string[];
  versions: KnowledgeVersions;
}
